package dev.berth.storage.fs;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.function.Supplier;

/**
 * Has the kernel write a file's data to disk while the file is still being written, so that the
 * sync at commit finds little left to do. A 1 GiB blob written at full speed otherwise waited
 * about a second after its last byte for that sync (1.2 s on the benchmark's machine; with a sync
 * started every 64 MiB during the writes, nothing at the end, and the writes no slower). One sync
 * at a time; the commit's own sync still makes the file durable.
 *
 * <p>A failed sync is the writer's failure: once one sync has reported a failed write-back, a file
 * opened afterwards (the commit syncs through one) is not told of it again.
 */
final class EarlySync {
    static final long EVERY = 64L << 20;

    private final Supplier<Future<Void>> sync;
    private final Handler<Throwable> failed;
    private long sinceLast;
    private Future<Void> running = Future.succeededFuture();

    /** {@code sync} syncs the file's data written so far; {@code failed} is told when one fails. */
    EarlySync(Supplier<Future<Void>> sync, Handler<Throwable> failed) {
        this.sync = sync;
        this.failed = failed;
    }

    /** Counts bytes handed to the file; starts a sync when {@link #EVERY} were since the last began, unless one runs. */
    void written(long bytes) {
        sinceLast += bytes;
        if (sinceLast >= EVERY && running.isComplete()) {
            sinceLast = 0;
            // One handler, so that the failure is recorded before settled() completes.
            running = sync.get().transform(done -> {
                if (done.failed()) {
                    failed.handle(done.cause());
                }
                return Future.succeededFuture();
            });
        }
    }

    /** Completes when no sync runs any more: the file may then be closed. */
    Future<Void> settled() {
        return running;
    }
}
