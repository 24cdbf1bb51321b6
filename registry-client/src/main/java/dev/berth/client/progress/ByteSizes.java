package dev.berth.client.progress;

import java.util.Locale;

/** Byte counts for people: 1.5 MiB. */
public final class ByteSizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {}

    public static String format(double bytes) {
        int unit = 0;
        while (bytes >= 1024 && unit < UNITS.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return unit == 0
                ? String.format(Locale.ROOT, "%.0f %s", bytes, UNITS[unit])
                : String.format(Locale.ROOT, "%.1f %s", bytes, UNITS[unit]);
    }

    static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return digest.substring(colon + 1, Math.min(digest.length(), colon + 13));
    }
}
