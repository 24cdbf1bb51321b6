package dev.berth.registry.ops;

/**
 * Whether the registry refuses writes right now. Set from the config at start and switched by the
 * admin API; read on every write, from any event loop.
 */
public final class ReadOnlyMode {
    private volatile boolean enabled;

    public ReadOnlyMode(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void set(boolean enabled) {
        this.enabled = enabled;
    }
}
