package dev.berth.runtime.runner;

import dev.berth.runtime.bundle.HostIdentity;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where berth keeps its containers: {@code BERTH_STATE_DIR}, else {@code /run/berth} for root,
 * else {@code $XDG_RUNTIME_DIR/berth}. The OCI runtimes get their {@code --root} below it, so
 * {@code berth ps} and {@code berth rm} only ever see containers berth started.
 */
public record StateDir(Path path) {

    public static StateDir from(Map<String, String> environment, HostIdentity host) {
        String explicit = environment.get("BERTH_STATE_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return new StateDir(Path.of(explicit));
        }
        if (host.root()) {
            return new StateDir(Path.of("/run/berth"));
        }
        String runtimeDir = environment.get("XDG_RUNTIME_DIR");
        if (runtimeDir == null || runtimeDir.isEmpty()) {
            throw new IllegalStateException("XDG_RUNTIME_DIR is not set: set it or BERTH_STATE_DIR to say where "
                    + "berth may keep its containers");
        }
        return new StateDir(Path.of(runtimeDir, "berth"));
    }

    public Path containers() {
        return path.resolve("containers");
    }

    /** The runtime's own state directory, one per runtime because their state formats differ. */
    public Path runtimeRoot(String runtimeName) {
        return path.resolve("runtime").resolve(runtimeName);
    }
}
