package dev.berth.registry.config;

/** The level of the root logger, and whether every request gets a line in the access log. */
public record LogConfig(LogLevel level, boolean accessLog) {
}
