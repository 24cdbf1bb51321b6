package dev.berth.runtime.bundle;

import java.util.List;
import java.util.Map;

/**
 * What the user asks of a container on top of the image's config.
 *
 * @param args       replaces the image's Cmd when not empty (the Entrypoint stays)
 * @param env        added to the image's Env, replacing variables of the same name
 * @param workingDir replaces the image's WorkingDir when not null
 * @param hostname   the container's hostname
 * @param user       replaces the image's User when not null (same forms: user, uid, user:group…)
 * @param entrypoint replaces the image's Entrypoint, and drops its Cmd, when not null (empty: none)
 * @param mounts     bind mounts and tmpfs mounts, after the standard ones
 * @param resources  the cgroup limits
 */
public record RunOptions(
        List<String> args,
        Map<String, String> env,
        String workingDir,
        String hostname,
        boolean readOnlyRootfs,
        Network network,
        boolean terminal,
        String user,
        List<String> entrypoint,
        List<Mount> mounts,
        Resources resources) {

    public enum Network {
        /** A network namespace of its own, with only a loopback interface. */
        NONE,
        /** The host's network namespace. */
        HOST
    }

    public static RunOptions defaults() {
        return new RunOptions(
                List.of(), Map.of(), null, "berth", false, Network.NONE, false, null, null, List.of(), Resources.NONE);
    }
}
