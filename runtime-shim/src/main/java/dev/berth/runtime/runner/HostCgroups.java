package dev.berth.runtime.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's cgroup layout, as far as the runtimes care. crun (1.8) refuses to start anything on a
 * "hybrid" host, one with v1 controllers plus a v2 tree at {@code unified/} that holds a
 * controller ("cgroups in hybrid mode not supported"), before the container exists. berth finds
 * that out first and says it as its own error with the way out, instead of passing crun's line
 * off as the container's output.
 *
 * @param root where the cgroup file systems are mounted (/sys/fs/cgroup)
 */
public record HostCgroups(Path root) {

    public static HostCgroups current() {
        return new HostCgroups(Path.of("/sys/fs/cgroup"));
    }

    /** Whether the v2 tree of a hybrid host holds controllers, which crun cannot work with. */
    public boolean hybridWithV2Controllers() {
        Path controllers = root.resolve("unified/cgroup.controllers");
        try {
            return Files.isRegularFile(controllers)
                    && !Files.readString(controllers).isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws IllegalArgumentException when the runtime is known to refuse this host, naming the alternative */
    public void requireRunnable(String runtime) {
        if (runtime.equals("crun") && hybridWithV2Controllers()) {
            throw new IllegalArgumentException("crun cannot run containers on this host: its cgroups are hybrid, with"
                    + " controllers in the v2 tree at " + root.resolve("unified")
                    + " (crun: \"cgroups in hybrid mode not supported\"); use --runtime runc");
        }
    }
}
