package dev.berth.client.transport;

import java.time.Duration;
import java.util.Optional;

/** How often and how long to wait before a request is tried again. */
public record Backoff(int attempts, Duration first, Duration max) {
    public static final Backoff DEFAULT = new Backoff(5, Duration.ofMillis(250), Duration.ofSeconds(8));

    /** The pause before attempt {@code next} (1-based retry count), or the server's Retry-After if sooner than max. */
    Duration before(int next, Optional<Duration> retryAfter) {
        Duration doubled = first.multipliedBy(1L << Math.min(next - 1, 20));
        Duration wait = retryAfter.orElse(doubled);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
