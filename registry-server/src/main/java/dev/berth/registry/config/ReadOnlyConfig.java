package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the registry starts refusing writes; the admin API can switch it at runtime. */
public record ReadOnlyConfig(
        @JsonProperty(defaultValue = "false") boolean enabled) implements ConfigSection {}
