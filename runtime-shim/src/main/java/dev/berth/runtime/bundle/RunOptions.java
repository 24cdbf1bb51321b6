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
 */
public record RunOptions(
        List<String> args,
        Map<String, String> env,
        String workingDir,
        String hostname,
        boolean readOnlyRootfs,
        Network network,
        boolean terminal) {

    public enum Network {
        /** A network namespace of its own, with only a loopback interface. */
        NONE,
        /** The host's network namespace. */
        HOST
    }

    public static RunOptions defaults() {
        return new RunOptions(List.of(), Map.of(), null, "berth", false, Network.NONE, false);
    }
}
