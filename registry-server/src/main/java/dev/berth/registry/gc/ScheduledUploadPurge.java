package dev.berth.registry.gc;

import dev.berth.registry.config.UploadsConfig;
import dev.berth.registry.core.Store;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges stale upload sessions every {@code uploads.purgeInterval}, whether garbage collection is
 * scheduled or not (it is not by default): sessions that clients open and abandon would otherwise
 * pile up for good. Every replica purges on its own schedule; purges are idempotent, so replicas on
 * one store need no lease for it, and one that lands on another's work finds nothing to do.
 */
public final class ScheduledUploadPurge {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledUploadPurge.class);
    /** The first purge comes at a random moment within this (or the interval, when shorter): replicas started together spread out. */
    private static final Duration FIRST_PURGE_WITHIN = Duration.ofHours(1);

    private final Store store;
    private final StoreWalker walker;
    private final UploadPurge purge;
    private final Duration purgeAfter;

    private ScheduledUploadPurge(StorageDriver driver, Duration purgeAfter) {
        this.store = new Store(driver);
        this.walker = new StoreWalker(store);
        this.purge = new UploadPurge(store);
        this.purgeAfter = purgeAfter;
    }

    /** Schedules the purges, unless the interval is zero (then only garbage collection purges). */
    public static void start(Vertx vertx, StorageDriver driver, UploadsConfig uploads) {
        Duration interval = uploads.purgeInterval();
        if (interval.isZero()) {
            return;
        }
        ScheduledUploadPurge purges = new ScheduledUploadPurge(driver, uploads.purgeAfter());
        long spread = Math.min(interval.toMillis(), FIRST_PURGE_WITHIN.toMillis());
        long first = 1 + ThreadLocalRandom.current().nextLong(spread);
        vertx.setTimer(first, timer -> {
            purges.run();
            vertx.setPeriodic(interval.toMillis(), periodic -> purges.run());
        });
    }

    private void run() {
        Instant cutoff = Instant.now().minus(purgeAfter);
        walker.repositories()
                .compose(repositories -> purge.purge(repositories, cutoff, false))
                .onSuccess(purged -> {
                    if (purged > 0) {
                        LOG.info("purged {} upload sessions not written to since {}", purged, cutoff);
                    }
                })
                .onFailure(failure -> LOG.warn("purging stale upload sessions failed: {}", failure.toString()));
    }
}
