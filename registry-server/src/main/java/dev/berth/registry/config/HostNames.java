package dev.berth.registry.config;

import java.util.Arrays;
import java.util.List;

/**
 * The host names and IP addresses a certificate is for, written as a comma-separated list (or a
 * YAML list). No names means the defaults the certificate maker chooses.
 */
public record HostNames(List<String> names) {
    public static final HostNames NONE = new HostNames(List.of());

    public HostNames {
        names = List.copyOf(names);
    }

    static HostNames parse(String text) {
        List<String> names = Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
        for (String name : names) {
            if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '*')) {
                throw new IllegalArgumentException("'" + name + "' is not a host name or IP address");
            }
        }
        return new HostNames(names);
    }

    /** The comma-separated form it was written in; empty for none. */
    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
