package dev.berth.registry.config;

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

    /** The comma-separated form it was written in; empty for none. */
    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
