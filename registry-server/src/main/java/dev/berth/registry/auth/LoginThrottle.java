package dev.berth.registry.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses further logins from a client address after too many failures within a window, so that
 * passwords cannot be guessed at the speed of the network. Successful logins do not count.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    public boolean refuses(String client) {
        Failures recent = failures.get(client);
        return recent != null && !recent.expiredAt(clock.instant(), window) && recent.count() >= maxFailures;
    }

    public void failed(String client) {
        Instant now = clock.instant();
        failures.compute(client, (key, recent) -> recent == null || recent.expiredAt(now, window)
                ? new Failures(now, 1) : new Failures(recent.since(), recent.count() + 1));
        // Forget old entries now and then so that the map does not grow with every address ever seen.
        if (failures.size() > 10_000) {
            failures.values().removeIf(recent -> recent.expiredAt(now, window));
        }
    }

    private record Failures(Instant since, int count) {
        boolean expiredAt(Instant now, Duration window) {
            return since.plus(window).isBefore(now);
        }
    }
}
