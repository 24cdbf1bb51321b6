package dev.berth.registry.config;

import java.util.Locale;

/**
 * One setting: its dotted path (the YAML keys leading to it), its default as it is written, and
 * whether it takes a list. The environment variable is derived from the path, so a new setting
 * needs no mapping.
 */
public record Setting(String path, String defaultText, boolean list) {

    /** BERTH_ and the path upper-cased, dots made underscores: log.accesslog is BERTH_LOG_ACCESSLOG. */
    public String environmentVariable() {
        return "BERTH_" + path.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
