package dev.berth.registry.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses further logins from a client address after too many failures within a window, so that
 * passwords cannot be guessed at the speed of the network. An attempt counts from the moment it
 * begins, before its (slow) password check, so that many attempts sent at once cannot all be
 * checked before the first failure is counted; one that succeeds is taken back.
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

    /**
     * Counts an attempt of {@code client} as failed until {@link #succeeded} says otherwise.
     *
     * @return false, counting nothing, when the client has used up its attempts for now
     */
    public boolean tryBegin(String client) {
        Instant now = clock.instant();
        boolean[] allowed = {false};
        failures.compute(client, (key, recent) -> {
            if (recent == null || recent.expiredAt(now, window)) {
                allowed[0] = true;
                return new Failures(now, 1);
            }
            if (recent.count() >= maxFailures) {
                return recent;
            }
            allowed[0] = true;
            return new Failures(recent.since(), recent.count() + 1);
        });
        forgetExpired(now);
        return allowed[0];
    }

    /** The attempt that {@link #tryBegin} counted proved the password: it is no failure. */
    public void succeeded(String client) {
        failures.computeIfPresent(
                client, (key, recent) -> recent.count() <= 1 ? null : new Failures(recent.since(), recent.count() - 1));
    }

    /** Forgets old entries now and then so that the map does not grow with every address ever seen. */
    private void forgetExpired(Instant now) {
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
