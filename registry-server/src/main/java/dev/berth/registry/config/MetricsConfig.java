package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** Whether /metrics is served, and on a port of its own rather than the API's. */
public record MetricsConfig(
        @JsonProperty(defaultValue = "true") boolean enabled, Optional<ListenAddress> listen)
        implements ConfigSection {}
