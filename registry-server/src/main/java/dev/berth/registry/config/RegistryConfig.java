package dev.berth.registry.config;

import java.util.List;

/**
 * Everything an operator can set for berth-registry, resolved and checked. Build it with
 * {@link ConfigLoader}; {@link #defaults()} is what an empty configuration yields.
 */
public record RegistryConfig(HttpConfig http, StorageConfig storage, DeleteConfig delete, LogConfig log,
                             TlsConfig tls, GcConfig gc, UploadsConfig uploads, ReadOnlyConfig readOnly,
                             MetricsConfig metrics, AuthConfig auth, WebhooksConfig webhooks) {

    public static RegistryConfig defaults() {
        return ConfigLoader.resolve(List.of(), WebhooksConfig.none());
    }
}
