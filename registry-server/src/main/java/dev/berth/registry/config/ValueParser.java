package dev.berth.registry.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the text of a value into the value. Every source (YAML scalar, environment variable,
 * flag) arrives as text, so each kind of value is parsed and checked by exactly one function.
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

    static ValueParser<String> nonBlank() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("expected a value, got nothing");
            }
            return text.trim();
        };
    }

    /** An http or https URL with a host. */
    static ValueParser<URI> httpUrl() {
        return text -> {
            IllegalArgumentException notHttp =
                    new IllegalArgumentException("expected an http:// or https:// URL with a host");
            URI uri;
            try {
                uri = new URI(text.trim());
            } catch (URISyntaxException e) {
                throw notHttp;
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw notHttp;
            }
            return uri;
        };
    }

    /**
     * A duration as a whole number and a unit: {@code 500ms}, {@code 90s}, {@code 15m}, {@code 1h},
     * {@code 7d}; {@code 0} alone means none.
     */
    static ValueParser<Duration> duration() {
        Pattern amountAndUnit = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
        return text -> {
            String trimmed = text.trim().toLowerCase(Locale.ROOT);
            if (trimmed.equals("0")) {
                return Duration.ZERO;
            }
            Matcher matcher = amountAndUnit.matcher(trimmed);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("expected a duration such as 500ms, 90s, 15m, 1h or 7d");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        };
    }

    /** A duration for something that cannot last no time at all: {@code 0} is refused, not read as none. */
    static ValueParser<Duration> positiveDuration() {
        return text -> {
            Duration duration = duration().parse(text);
            if (duration.isZero()) {
                throw new IllegalArgumentException("must be longer than zero, such as 90s, 5m or 1h");
            }
            return duration;
        };
    }

    /**
     * An amount of memory in bytes: a whole number with a binary unit, {@code 512KiB}, {@code 20MiB},
     * {@code 1GiB} (any case), or plain bytes.
     */
    static ValueParser<Long> byteSize() {
        Pattern amountAndUnit = Pattern.compile("(\\d{1,9})(b|kib|mib|gib)?");
        return text -> {
            Matcher matcher = amountAndUnit.matcher(text.trim().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IllegalArgumentException("expected an amount of memory such as 512KiB, 20MiB or 1GiB");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "b" : matcher.group(2);
            return switch (unit) {
                case "kib" -> amount << 10;
                case "mib" -> amount << 20;
                case "gib" -> amount << 30;
                default -> amount;
            };
        };
    }

    /** A whole number from 0 up; 0 often means "no limit". */
    static ValueParser<Integer> count() {
        return text -> {
            String trimmed = text.trim();
            if (!trimmed.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("expected a whole number of 0 or more, such as 256");
            }
            return Integer.parseInt(trimmed);
        };
    }

    /** A whole number from 0 up to {@code max}. */
    static ValueParser<Integer> countUpTo(int max) {
        return text -> {
            int count = count().parse(text);
            if (count > max) {
                throw new IllegalArgumentException("expected a whole number from 0 to " + max);
            }
            return count;
        };
    }

    /** One of an enum's constants, by its name in any case. */
    static <E extends Enum<E>> ValueParser<E> oneOf(Class<E> type) {
        return text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.trim())) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("expected one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        };
    }

    /** A host name or IP address, as a certificate names it; {@code *} for a wildcard label. */
    static ValueParser<String> hostName() {
        return text -> {
            String name = text.trim();
            if (name.isEmpty()
                    || !name.chars()
                            .allMatch(c ->
                                    Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '*')) {
                throw new IllegalArgumentException("'" + name + "' is not a host name or IP address");
            }
            return name;
        };
    }
}
