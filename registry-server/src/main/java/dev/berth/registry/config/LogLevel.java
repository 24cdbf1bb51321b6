package dev.berth.registry.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much the registry logs; the access log is switched on its own (log.accesslog). */
public enum LogLevel {
    ERROR, WARN, INFO, DEBUG, TRACE;

    public static LogLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected one of " + Arrays.stream(values())
                    .map(LogLevel::toString)
                    .collect(Collectors.joining(", ")));
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
