package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The level of the root logger, and whether every request gets a line in the access log. */
public record LogConfig(
        @JsonProperty(defaultValue = "info") LogLevel level,

        @JsonProperty(value = "accesslog", defaultValue = "true")
        boolean accessLog)
        implements ConfigSection {}
