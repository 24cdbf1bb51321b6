package dev.berth.registry.config;

/** Whether the registry starts refusing writes; the admin API can switch it at runtime. */
public record ReadOnlyConfig(boolean enabled) {
}
