package dev.berth.registry.ui;

import dev.berth.oci.Digest;
import dev.berth.registry.core.Batches;
import dev.berth.registry.core.RegistryLayout;
import dev.berth.registry.core.Store;
import dev.berth.registry.gc.StoreWalker;
import dev.berth.storage.FileInfo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many blobs the store holds and how many bytes they take, found by walking the blobs (one
 * listing per prefix directory and a stat per blob, as the collector's walk) at most once per
 * {@link #FRESH_FOR}; requests meanwhile share the walk in progress or its last result, which says
 * when it was measured.
 */
final class StorageUsage {
    static final Duration FRESH_FOR = Duration.ofMinutes(5);

    private final Store store;
    private final StoreWalker walker;
    private final Clock clock;
    private Future<JsonObject> measuring;
    private Instant measured = Instant.MIN;

    StorageUsage(Store store, Clock clock) {
        this.store = store;
        this.walker = new StoreWalker(store);
        this.clock = clock;
    }

    synchronized Future<JsonObject> current() {
        Instant now = clock.instant();
        boolean stale = measured.plus(FRESH_FOR).isBefore(now);
        if (measuring == null || measuring.failed() || (stale && measuring.isComplete())) {
            measured = now;
            measuring = measure(now);
        }
        return measuring;
    }

    private Future<JsonObject> measure(Instant at) {
        return walker.blobs()
                .compose(blobs -> Batches.map(
                                blobs,
                                (Digest digest) -> store.stat(RegistryLayout.blobData(digest))
                                        .map(info -> info.map(FileInfo::size).orElse(0L)))
                        .map(sizes -> new JsonObject()
                                .put("blobs", blobs.size())
                                .put(
                                        "bytes",
                                        sizes.stream()
                                                .mapToLong(Long::longValue)
                                                .sum())
                                .put("measuredAt", at.toString())));
    }
}
