package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sessions a replica counts against uploads.maxOpenPerRepository")
class OpenSessionsTest {
    private static final Duration PURGE_AFTER = Duration.ofDays(7);
    private static final Duration PAST_PURGE = PURGE_AFTER.plus(OpenSessions.SWEEP_EVERY);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-05T12:00:00Z"));
    private final OpenSessions sessions = new OpenSessions(clock, PURGE_AFTER);

    @Test
    @DisplayName("sessions abandoned in 10,000 repositories are forgotten once nobody touched them for longer than"
            + " uploads.purgeAfter: purged from storage, they end nowhere this replica sees, and would otherwise stay")
    void abandonedSessionsAreForgotten() {
        for (int i = 0; i < 10_000; i++) {
            sessions.opened("team/app-" + i, UUID.randomUUID().toString());
        }
        assertThat(sessions.size()).isEqualTo(10_000);

        clock.advance(PAST_PURGE);

        assertThat(sessions.count("team/app-0")).isZero();
        assertThat(sessions.size()).isZero();
        assertThat(sessions.repositories()).isZero();
    }

    @Test
    @DisplayName("a session written to since it was opened counts until it has been left alone for uploads.purgeAfter")
    void writtenSessionsCountOn() {
        String written = UUID.randomUUID().toString();
        sessions.opened("team/app", written);
        sessions.opened("team/app", UUID.randomUUID().toString());

        clock.advance(PURGE_AFTER.dividedBy(2));
        sessions.touched("team/app", written);
        clock.advance(PURGE_AFTER.dividedBy(2).plus(OpenSessions.SWEEP_EVERY));

        assertThat(sessions.count("team/app")).isEqualTo(1);
        sessions.ended("team/app", written);
        assertThat(sessions.count("team/app")).isZero();
    }

    @Test
    @DisplayName("a session written to by this replica but opened by another is not counted")
    void touchingAnUnknownSessionCountsNothing() {
        sessions.touched("team/app", UUID.randomUUID().toString());

        assertThat(sessions.count("team/app")).isZero();
        assertThat(sessions.size()).isZero();
    }

    @Test
    @DisplayName("8 event-loop threads opening and ending sessions in the same repositories at once, while sweeps run,"
            + " lose no count and leave no empty repository behind")
    void concurrentUse() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> kept = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            kept.add(pool.submit(() -> {
                start.await();
                List<String> open = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String repository = "team/app-" + (i % 4);
                    String id = UUID.randomUUID().toString();
                    sessions.count(repository);
                    sessions.opened(repository, id);
                    if (i % 2 == 0) {
                        sessions.ended(repository, id);
                    } else {
                        open.add(repository + " " + id);
                    }
                    if (i % 500 == 0) {
                        clock.advance(OpenSessions.SWEEP_EVERY);
                    }
                }
                return open;
            }));
        }
        start.countDown();
        List<String> open = new ArrayList<>();
        for (Future<List<String>> each : kept) {
            open.addAll(each.get());
        }
        pool.shutdown();

        assertThat(sessions.size()).isEqualTo(threads * perThread / 2).isEqualTo(open.size());
        for (String each : open) {
            String[] repositoryAndId = each.split(" ");
            sessions.ended(repositoryAndId[0], repositoryAndId[1]);
        }
        assertThat(sessions.size()).isZero();
        assertThat(sessions.repositories()).isZero();
    }
}
