package dev.berth.registry.config;

import java.nio.file.Path;

/** Where a setting's value came from, as an operator would look for it. */
public record ValueSource(String description) {

    public static ValueSource file(Path file) {
        return new ValueSource("config file " + file);
    }

    public static ValueSource environment(String variable) {
        return new ValueSource("environment variable " + variable);
    }

    public static ValueSource flag(String name) {
        return new ValueSource("flag " + name);
    }

    @Override
    public String toString() {
        return description;
    }
}
