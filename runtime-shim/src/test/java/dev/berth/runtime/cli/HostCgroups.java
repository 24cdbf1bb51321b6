package dev.berth.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * crun 1.8 refuses to start anything on a host whose cgroups are "hybrid" (v1 controllers plus a
 * v2 tree) when that v2 tree holds a controller, as some CI sandboxes are set up. That is the
 * host's layout, not berth's doing, so the test then runs berth in a private mount namespace
 * without the v2 mount: crun sees a plain v1 host and berth's own work is still fully exercised.
 */
public final class HostCgroups {
    private static final Path UNIFIED_CONTROLLERS = Path.of("/sys/fs/cgroup/unified/cgroup.controllers");

    private HostCgroups() {}

    /** The command to put in front of berth, or nothing when the runtime can run here as is. */
    public static List<String> workaroundFor(String runtime) {
        if (!runtime.equals("crun") || !hybridWithV2Controllers()) {
            return List.of();
        }
        System.err.println("WARNING: this host's hybrid cgroups hold controllers in the v2 tree, which crun refuses; "
                + "running berth with /sys/fs/cgroup/unified unmounted in a private mount namespace");
        return List.of("unshare", "--mount", "sh", "-c", "umount /sys/fs/cgroup/unified && exec \"$@\"", "berth");
    }

    private static boolean hybridWithV2Controllers() {
        try {
            return Files.isRegularFile(UNIFIED_CONTROLLERS)
                    && !Files.readString(UNIFIED_CONTROLLERS).isBlank();
        } catch (IOException e) {
            return false;
        }
    }
}
