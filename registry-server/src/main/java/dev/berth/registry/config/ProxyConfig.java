package dev.berth.registry.config;

import dev.berth.registry.proxy.UpstreamSettings;
import java.util.List;

/** The upstream registries this registry mirrors (docs/mirror.md); none by default. */
public record ProxyConfig(List<UpstreamSettings> upstreams) {
    public static ProxyConfig none() {
        return new ProxyConfig(List.of());
    }
}
