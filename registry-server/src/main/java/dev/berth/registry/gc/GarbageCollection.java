package dev.berth.registry.gc;

import dev.berth.registry.config.GcConfig;
import dev.berth.registry.config.UploadsConfig;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Garbage collection in a running registry: the admin endpoint, and the schedule when one is configured. */
public final class GarbageCollection {
    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollection.class);

    private GarbageCollection() {}

    /** What a collection does when nothing overrides the configuration. */
    public static GcOptions options(GcConfig gc, UploadsConfig uploads, boolean dryRun) {
        return new GcOptions(dryRun, gc.deleteUntagged(), gc.gracePeriod(), uploads.purgeAfter());
    }

    /** Schedules collections when an interval is configured; answers the admin endpoint that runs one on demand. */
    public static GcAdminEndpoint start(
            Vertx vertx, StorageDriver driver, GcConfig gc, UploadsConfig uploads, GcListener listener) {
        GarbageCollector collector = new GarbageCollector(vertx, driver, listener);
        GcOptions options = options(gc, uploads, false);
        if (!gc.interval().isZero()) {
            vertx.setPeriodic(
                    gc.interval().toMillis(),
                    id -> collector
                            .collect(options)
                            .onSuccess(report -> LOG.info("garbage collection: {}", report.summary()))
                            .onFailure(failure -> {
                                if (failure instanceof GcBusyException) {
                                    LOG.info("scheduled garbage collection skipped: {}", failure.getMessage());
                                } else {
                                    LOG.warn("scheduled garbage collection failed", failure);
                                }
                            }));
        }
        return new GcAdminEndpoint(collector, options);
    }
}
