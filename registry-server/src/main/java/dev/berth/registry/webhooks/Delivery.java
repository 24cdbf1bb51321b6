package dev.berth.registry.webhooks;

import java.time.Duration;

/**
 * How hard to try each event: attempts in all, and the wait before the first retry, which
 * doubles after each failure up to {@code maxBackoff}.
 */
public record Delivery(int attempts, Duration firstBackoff, Duration maxBackoff, int queueCapacity) {

    Duration backoffAfter(int failedAttempts) {
        long millis = firstBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
