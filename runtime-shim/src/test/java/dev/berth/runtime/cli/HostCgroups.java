package dev.berth.runtime.cli;

import java.util.List;

/**
 * crun 1.8 refuses to start anything on a host whose cgroups are "hybrid" (v1 controllers plus a
 * v2 tree) when that v2 tree holds a controller, as some CI sandboxes are set up, and berth then
 * refuses crun itself (RunErrorsTest proves that). To still run crun, a test runs berth in a
 * private mount namespace without the v2 mount: crun sees a plain v1 host and berth's own work is
 * still fully exercised.
 */
public final class HostCgroups {
    private HostCgroups() {}

    /** The command to put in front of berth, or nothing when the runtime can run here as is. */
    public static List<String> workaroundFor(String runtime) {
        if (!runtime.equals("crun") || !hybrid()) {
            return List.of();
        }
        System.err.println("WARNING: this host's hybrid cgroups hold controllers in the v2 tree, which crun refuses; "
                + "running berth with /sys/fs/cgroup/unified unmounted in a private mount namespace");
        return List.of("unshare", "--mount", "sh", "-c", "umount /sys/fs/cgroup/unified && exec \"$@\"", "berth");
    }

    /** Whether this host's cgroups are the hybrid kind crun refuses. */
    public static boolean hybrid() {
        return dev.berth.runtime.runner.HostCgroups.current().hybridWithV2Controllers();
    }
}
