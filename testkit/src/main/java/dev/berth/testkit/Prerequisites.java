package dev.berth.testkit;

import dev.berth.testkit.process.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The availability rule of the interop tests. On a developer machine without a real client
 * (docker, skopeo, docker-registry…) the tests that need it are skipped, loudly. In CI
 * (CI=true) the same gap is a failure: .ci/run installs every client, so a skip there would
 * only hide a broken machine and turn a red build green.
 */
public final class Prerequisites {

    private Prerequisites() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or, in CI, fails) the current test or class unless {@code met}. */
    public static void require(boolean met, String whatIsMissing) {
        if (met) {
            return;
        }
        if (inCi()) {
            System.err.println("ERROR: interop prerequisite missing in CI: " + whatIsMissing);
            Assertions.fail("interop prerequisite missing (CI=true turns this skip into a failure): " + whatIsMissing);
        }
        System.err.println("WARNING: SKIPPING interop test, prerequisite missing: " + whatIsMissing
                + " (install the packages .ci/run installs to run it)");
        Assumptions.abort("prerequisite missing: " + whatIsMissing);
    }

    /** The executable, or a skip/failure naming the Debian package that provides it. */
    public static Path executable(String name, String debianPackage) {
        Optional<Path> found = Executables.find(name);
        require(found.isPresent(), "`" + name + "` not found on PATH (Debian package " + debianPackage + ")");
        return found.orElseThrow();
    }

    public static void requireRoot(String why) {
        require(isRoot(), why + " needs root");
    }

    /** Reads the effective uid from /proc rather than running `id`, which may itself be missing. */
    public static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+"))
                    .anyMatch(fields -> fields.length > 2 && fields[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
