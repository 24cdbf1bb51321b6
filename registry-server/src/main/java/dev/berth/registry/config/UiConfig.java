package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether berth-registry serves its web UI under /ui/ (and its JSON API under /_berth/ui-api/). */
public record UiConfig(@JsonProperty(defaultValue = "true") boolean enabled) implements ConfigSection {}
