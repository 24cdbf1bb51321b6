package dev.berth.registry.config;

import java.util.Locale;

/** How much the registry logs; the access log is switched on its own (log.accesslog). */
public enum LogLevel {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
