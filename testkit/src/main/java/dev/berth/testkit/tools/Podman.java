package dev.berth.testkit.tools;

import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.process.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The podman CLI with a private image store (vfs, under a scratch directory), so that a test
 * neither sees nor changes the machine's own images, against a plain-HTTP registry on loopback.
 */
public final class Podman {

    private final Path executable;
    private final Path storeDir;

    private Podman(Path executable, Path storeDir) {
        this.executable = executable;
        this.storeDir = storeDir;
    }

    /** podman with its store in {@code storeDir}, or a skip (a failure in CI) when it is not installed. */
    public static Podman require(Path storeDir) {
        return new Podman(Prerequisites.executable("podman", "podman"), storeDir);
    }

    public String run(String... args) {
        List<String> argv = new ArrayList<>(List.of(
                executable.toString(),
                "--root",
                storeDir.resolve("root").toString(),
                "--runroot",
                storeDir.resolve("run").toString(),
                "--storage-driver",
                "vfs",
                // No systemd or journald in a build container: plain cgroupfs and an events file.
                "--cgroup-manager",
                "cgroupfs",
                "--events-backend",
                "file"));
        argv.addAll(List.of(args));
        return Command.of(argv).timeout(Duration.ofMinutes(3)).runOk().stdout().trim();
    }
}
