package dev.berth.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** When {@code berth run} and {@code berth unpack} ask the registry for an image, as docker run's --pull. */
public enum PullPolicy {
    /** Always pull (layers already cached are not downloaded again). */
    ALWAYS,
    /** Pull only when the layout cache has no complete copy of the image: runs offline on a cached one. */
    MISSING,
    /** Never contact the registry: the image must be in the layout cache. */
    NEVER;

    /** @throws IllegalArgumentException naming the accepted values */
    public static PullPolicy parse(String value) {
        return Arrays.stream(values())
                .filter(policy -> policy.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--pull " + value + ": expected "
                        + Arrays.stream(values())
                                .map(policy -> policy.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}
