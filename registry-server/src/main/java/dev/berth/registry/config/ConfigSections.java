package dev.berth.registry.config;

/** The whole configuration as written, section by section: what the setting tree binds to. */
record ConfigSections(
        HttpConfig http,
        StorageSection storage,
        DeleteConfig delete,
        LogConfig log,
        TlsSection tls,
        GcConfig gc,
        UploadsConfig uploads,
        ReadOnlyConfig readOnly,
        MetricsConfig metrics,
        AuthConfig auth,
        WebhooksSection webhooks,
        ProxySection proxy,
        UiConfig ui)
        implements ConfigSection {}
