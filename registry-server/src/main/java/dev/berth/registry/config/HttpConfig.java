package dev.berth.registry.config;

/** The HTTP server: where it listens. */
public record HttpConfig(ListenAddress listen) {
}
