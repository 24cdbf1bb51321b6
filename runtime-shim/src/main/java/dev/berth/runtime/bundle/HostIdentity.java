package dev.berth.runtime.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who runs berth: root gets ownership and the full namespaces, anyone else a rootless container. */
public record HostIdentity(long uid, long gid) {

    public boolean root() {
        return uid == 0;
    }

    /** Read from /proc rather than by running `id`: the effective ids of this process. */
    public static HostIdentity current() {
        try {
            long uid = -1;
            long gid = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                String[] fields = line.split("\\s+");
                if (line.startsWith("Uid:")) {
                    uid = Long.parseLong(fields[2]);
                } else if (line.startsWith("Gid:")) {
                    gid = Long.parseLong(fields[2]);
                }
            }
            return new HostIdentity(uid, gid);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot tell who runs berth from /proc/self/status", e);
        }
    }
}
