package dev.berth.client.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * The time left, from the bytes this run moved and the time it spent moving them. The library's
 * own estimate counted resumed bytes and blobs the target already had as if they had just been
 * moved, and extrapolated from the first few milliseconds, so that it swung from seconds to hours
 * at the start. None is given until a second of transfer was measured.
 */
final class Eta {
    static final Duration MEASURED = Duration.ofSeconds(1);

    private Eta() {}

    /**
     * @param remaining bytes still to move
     * @param moved     bytes moved so far in this run
     * @param elapsed   time since the first byte of this run moved
     */
    static Optional<Duration> estimate(long remaining, long moved, Duration elapsed) {
        if (moved <= 0 || elapsed.compareTo(MEASURED) < 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) ((double) Math.max(remaining, 0) * elapsed.toMillis() / moved)));
    }
}
