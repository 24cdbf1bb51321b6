package dev.berth.testkit.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds programs the way a root shell would. */
public final class Executables {

    /** dockerd lives in /usr/sbin, which a non-login or non-root PATH may lack. */
    private static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private Executables() {}

    public static Optional<Path> find(String name) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream()
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A PATH for child processes that also holds the sbin directories (dockerd finds runc, containerd there). */
    public static String searchPath() {
        List<String> dirs = new ArrayList<>(
                List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)));
        SYSTEM_DIRS.stream().filter(dir -> !dirs.contains(dir)).forEach(dirs::add);
        return String.join(File.pathSeparator, dirs);
    }
}
