package dev.berth.runtime.runner;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which cgroup hierarchy this machine mounts: hybrid hosts have v1 controllers plus a v2 "unified" tree. */
final class CgroupLayout {
    private CgroupLayout() {
    }

    static boolean isHybrid() {
        return Files.isDirectory(Path.of("/sys/fs/cgroup/unified"));
    }
}
