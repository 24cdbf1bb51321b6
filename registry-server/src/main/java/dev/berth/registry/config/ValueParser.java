package dev.berth.registry.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /** Any text, the empty text included, trimmed. */
    static ValueParser<String> text() {
        return String::trim;
    }

    static ValueParser<String> nonBlank() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("expected a value, got nothing");
            }
            return text.trim();
        };
    }

    /** An http or https URL with a host; the empty text means none. */
    static ValueParser<Optional<URI>> httpUrl() {
        return text -> {
            if (text.isBlank()) {
                return Optional.empty();
            }
            IllegalArgumentException notHttp = new IllegalArgumentException("expected an http:// or https:// URL with a host");
            URI uri;
            try {
                uri = new URI(text.trim());
            } catch (URISyntaxException e) {
                throw notHttp;
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw notHttp;
            }
            return Optional.of(uri);
        };
    }

    /** A path, or none for the empty text. */
    static ValueParser<Optional<Path>> optionalPath() {
        ValueParser<Path> path = path();
        return text -> text.isBlank() ? Optional.empty() : Optional.of(path.parse(text));
    }

    /** One of an enum's constants, by its name in any case. */
    static <E extends Enum<E>> ValueParser<E> oneOf(Class<E> type) {
        return text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.trim())) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("expected one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
        };
    }

    /** A duration such as 90s, 5m or 1h. */
    static ValueParser<Duration> duration() {
        return text -> {
            Matcher m = Pattern.compile("(\\d+)([smh])").matcher(text.trim());
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new IllegalArgumentException("expected a positive number of seconds, minutes or hours, such as 90s, 5m or 1h");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        };
    }

    /** Names, as a list (from the config file) or separated by commas (from the environment). */
    static ValueParser<Set<String>> names() {
        return text -> {
            String list = text.trim();
            if (list.startsWith("[")) {
                list = list.substring(1, list.length() - 1).replace("\"", "");
            }
            return Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        };
    }
}
