package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the API may delete manifests, tags and blobs. */
public record DeleteConfig(
        @JsonProperty(defaultValue = "true") boolean enabled) implements ConfigSection {}
