package dev.berth.registry.proxy;

/** A mirrored repository: its local name, the upstream that serves it, and its name there. */
record Route(String repository, UpstreamClient upstream, String remote, UpstreamSettings settings) {
    String upstreamName() {
        return settings.name();
    }
}
