package dev.berth.registry.config;

import java.util.List;

/**
 * Everything an operator can set for berth-registry, resolved and checked. Build it with
 * {@link ConfigLoader}; {@link #defaults()} is what an empty configuration yields, and the withers
 * give code (tests, tools) a configuration that differs in one part, whatever parts are added later.
 */
public record RegistryConfig(
        HttpConfig http,
        StorageConfig storage,
        DeleteConfig delete,
        LogConfig log,
        TlsConfig tls,
        GcConfig gc,
        UploadsConfig uploads,
        ReadOnlyConfig readOnly,
        MetricsConfig metrics,
        AuthConfig auth,
        WebhooksConfig webhooks,
        ProxyConfig proxy,
        UiConfig ui) {

    public static RegistryConfig defaults() {
        return ConfigLoader.resolve(List.of());
    }

    public RegistryConfig withHttp(HttpConfig value) {
        return new RegistryConfig(
                value, storage, delete, log, tls, gc, uploads, readOnly, metrics, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withStorage(StorageConfig value) {
        return new RegistryConfig(
                http, value, delete, log, tls, gc, uploads, readOnly, metrics, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withDelete(DeleteConfig value) {
        return new RegistryConfig(
                http, storage, value, log, tls, gc, uploads, readOnly, metrics, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withLog(LogConfig value) {
        return new RegistryConfig(
                http, storage, delete, value, tls, gc, uploads, readOnly, metrics, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withTls(TlsConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, value, gc, uploads, readOnly, metrics, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withGc(GcConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, tls, value, uploads, readOnly, metrics, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withUploads(UploadsConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, tls, gc, value, readOnly, metrics, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withReadOnly(ReadOnlyConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, tls, gc, uploads, value, metrics, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withMetrics(MetricsConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, tls, gc, uploads, readOnly, value, auth, webhooks, proxy, ui);
    }

    public RegistryConfig withAuth(AuthConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, tls, gc, uploads, readOnly, metrics, value, webhooks, proxy, ui);
    }

    public RegistryConfig withWebhooks(WebhooksConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, tls, gc, uploads, readOnly, metrics, auth, value, proxy, ui);
    }

    public RegistryConfig withProxy(ProxyConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, tls, gc, uploads, readOnly, metrics, auth, webhooks, value, ui);
    }

    public RegistryConfig withUi(UiConfig value) {
        return new RegistryConfig(
                http, storage, delete, log, tls, gc, uploads, readOnly, metrics, auth, webhooks, proxy, value);
    }
}
