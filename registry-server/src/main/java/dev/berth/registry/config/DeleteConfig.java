package dev.berth.registry.config;

/** Whether the API may delete manifests, tags and blobs. */
public record DeleteConfig(boolean enabled) {
}
