package dev.berth.registry.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the text of a setting into its value. Every source (YAML scalar, environment variable,
 * flag) arrives as text, so each setting is parsed and checked by exactly one function.
 */
@FunctionalInterface
public interface ValueParser<T> {

    /** @throws IllegalArgumentException whose message says what is wrong with {@code text} */
    T parse(String text);

    /** Only "true" or "false" (any case): "yes", "1" or "on" would be guesses. */
    static ValueParser<Boolean> bool() {
        return text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    static ValueParser<Path> path() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("expected a path, got nothing");
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a valid path: " + e.getReason());
            }
        };
    }
}
