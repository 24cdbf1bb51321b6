package dev.berth.registry.config;

import java.util.Optional;

/** Whether /metrics is served, and on a port of its own rather than the API's. */
public record MetricsConfig(boolean enabled, Optional<ListenAddress> listen) {
}
