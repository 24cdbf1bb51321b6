package dev.berth.registry.config;

import java.util.Locale;

/**
 * One setting: its dotted path (the YAML keys leading to it), its default and how its text is
 * parsed. The environment variable is derived from the path, so a new setting needs no mapping.
 */
public record Setting<T>(String path, T defaultValue, ValueParser<T> parser) {

    /** BERTH_ and the path upper-cased, dots made underscores: log.accesslog is BERTH_LOG_ACCESSLOG. */
    public String environmentVariable() {
        return "BERTH_" + path.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** Parses a raw value, or explains which setting from which source was wrong and why. */
    T parse(RawValue raw) {
        try {
            return parser.parse(raw.text());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid " + path + " '" + raw.text() + "' from " + raw.source()
                    + ": " + e.getMessage());
        }
    }
}
