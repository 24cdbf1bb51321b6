package dev.berth.registry.core;

/** The registry rules an operator may switch. */
public record RegistryOptions(boolean deleteEnabled) {
    public static RegistryOptions defaults() {
        return new RegistryOptions(true);
    }
}
