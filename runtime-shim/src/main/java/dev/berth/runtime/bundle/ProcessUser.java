package dev.berth.runtime.bundle;

import java.util.List;

/** Who the container's process runs as (runtime-spec process.user), and the home it gets. */
public record ProcessUser(long uid, long gid, List<Long> additionalGids, String home) {
    public static final ProcessUser ROOT = new ProcessUser(0, 0, List.of(), "/root");
}
