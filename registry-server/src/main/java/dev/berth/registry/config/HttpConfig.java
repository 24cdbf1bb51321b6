package dev.berth.registry.config;

import java.time.Duration;

/**
 * The HTTP server: where it listens, and how long requests in flight may take to finish once the
 * process is told to stop.
 */
public record HttpConfig(ListenAddress listen, Duration shutdownTimeout) {
}
