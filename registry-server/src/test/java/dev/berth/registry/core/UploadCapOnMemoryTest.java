package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.MovingClock;
import dev.berth.registry.gc.GarbageCollector;
import dev.berth.registry.gc.GcOptions;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.VertxPerClass;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * uploads.maxOpenPerRepository over days: the clock of the sessions and of what is stored starts
 * eight days back, so that moving it on to now makes sessions abandoned then due for the purge.
 */
@DisplayName("The cap on open upload sessions, as sessions are abandoned and purged")
class UploadCapOnMemoryTest {
    private static final int CAP = 2;
    private static final Duration PURGE_AFTER = Duration.ofDays(7);
    private static final Duration EIGHT_DAYS = PURGE_AFTER.plus(Duration.ofDays(1));
    private static final String REPOSITORY = "team/app-0";

    @RegisterExtension
    static final VertxPerClass VERTX = new VertxPerClass();

    private final MovingClock clock = new MovingClock(Instant.now().minus(EIGHT_DAYS));
    private CoreOnMemory core;
    private OpenSessions sessions;
    private UploadService uploads;

    @BeforeEach
    void emptyStore() {
        core = new CoreOnMemory(VERTX.get(), clock);
        sessions = new OpenSessions(clock, PURGE_AFTER);
        Store store = new Store(core.driver);
        uploads = new UploadService(store, new BlobService(store, RegistryOptions.defaults()), clock, CAP, sessions);
    }

    @Test
    @DisplayName("sessions abandoned in 1,000 repositories and purged after uploads.purgeAfter are no longer held in"
            + " memory, and the cap counts afresh: a repository again opens as many sessions as the cap, and no more")
    void purgedSessionsAreForgotten() {
        for (int i = 0; i < 1000; i++) {
            String repository = "team/app-" + i;
            core.await(() -> uploads.start(repository));
            core.await(() -> uploads.start(repository));
        }
        assertThat(sessions.size()).isEqualTo(2000);

        clock.advance(EIGHT_DAYS);
        Await.result(new GarbageCollector(VERTX.get(), core.driver, report -> {})
                .collect(new GcOptions(false, false, Duration.ofHours(1), PURGE_AFTER)));
        assertThat(core.stored(RegistryLayout.uploadsDir(REPOSITORY))).isFalse();

        String first = core.await(() -> uploads.start(REPOSITORY)).id();
        core.await(() -> uploads.start(REPOSITORY));
        assertThat(sessions.size()).isEqualTo(CAP);
        assertThat(sessions.repositories()).isEqualTo(1);
        assertTooMany(REPOSITORY);

        core.await(() -> uploads.cancel(REPOSITORY, first));
        core.await(() -> uploads.start(REPOSITORY));
    }

    @Test
    @DisplayName("sessions forgotten while storage still holds them (the purge has not come yet) count again once the"
            + " replica's count reaches the cap and it lists storage")
    void forgottenSessionsCountInStorage() {
        core.await(() -> uploads.start(REPOSITORY));
        core.await(() -> uploads.start(REPOSITORY));
        assertTooMany(REPOSITORY);

        clock.advance(EIGHT_DAYS);
        core.await(() -> uploads.start(REPOSITORY));
        core.await(() -> uploads.start(REPOSITORY));

        assertTooMany(REPOSITORY);
    }

    private void assertTooMany(String repository) {
        assertThat(core.failure(() -> uploads.start(repository)))
                .isInstanceOfSatisfying(
                        DistributionException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.TOOMANYREQUESTS));
    }
}
