package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.MovingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The login throttle")
class LoginThrottleTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @Test
    @DisplayName("of 200 attempts begun at once by one client, 10 go ahead: an attempt counts before its check")
    void countsBeforeChecking() throws Exception {
        LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(1), clock);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            attempts.add(threads.submit(() -> {
                start.await();
                return throttle.tryBegin("10.0.0.1");
            }));
        }
        start.countDown();
        int allowed = 0;
        for (Future<Boolean> attempt : attempts) {
            allowed += attempt.get() ? 1 : 0;
        }
        threads.shutdown();

        assertThat(allowed).isEqualTo(10);
    }

    @Test
    @DisplayName("successful logins are taken back and never lock a client out; other clients are not affected")
    void successesDoNotCount() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(1), clock);

        for (int i = 0; i < 20; i++) {
            assertThat(throttle.tryBegin("10.0.0.1")).isTrue();
            throttle.succeeded("10.0.0.1");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryBegin("10.0.0.2")).isTrue();
        }

        assertThat(throttle.tryBegin("10.0.0.2")).isFalse();
        assertThat(throttle.tryBegin("10.0.0.1")).isTrue();
    }

    @Test
    @DisplayName("a client locked out may try again once the window has passed")
    void windowPasses() {
        MovingClock moving = new MovingClock(Instant.parse("2026-12-04T12:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(1, Duration.ofMinutes(1), moving);
        throttle.tryBegin("10.0.0.1");
        assertThat(throttle.tryBegin("10.0.0.1")).isFalse();

        moving.advance(Duration.ofMinutes(2));

        assertThat(throttle.tryBegin("10.0.0.1")).isTrue();
    }
}
