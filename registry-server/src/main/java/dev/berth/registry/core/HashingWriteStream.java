package dev.berth.registry.core;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.streams.WriteStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Counts every buffer on its way to the storage writer and hashes it on {@link HashingThreads},
 * one buffer after the other in arrival order. Backpressure comes from the writer and from the
 * hashing: while more than {@link #MAX_UNHASHED} bytes wait to be hashed, the stream is full.
 *
 * <p>The hash is complete only once {@link #hashed()} has completed. Counters and handlers are
 * touched on the caller's context only, like any Vert.x stream's.
 */
final class HashingWriteStream implements WriteStream<Buffer> {
    /**
     * Enough to keep the hashing thread busy while the event loop receives (32 network reads), little
     * enough that several large pushes at once do not fill the heap with buffers waiting for it: at
     * 8 MiB, five 256 MiB pushes to S3 at once held the heap at -Xmx (docs/performance.md).
     */
    private static final long MAX_UNHASHED = 2L << 20;

    private final WriteStream<Buffer> target;
    private final Sha256State hash;
    private final Context context;
    private CompletableFuture<Void> hashing = CompletableFuture.completedFuture(null);
    private long written;
    private long unhashed;
    private Handler<Void> drainHandler;

    HashingWriteStream(WriteStream<Buffer> target, Sha256State hash) {
        this.target = target;
        this.hash = hash;
        this.context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("a hashing stream is written from a Vert.x context");
        }
    }

    long written() {
        return written;
    }

    /** Completes when every buffer written so far is in the hash. */
    Future<Void> hashed() {
        return Future.fromCompletionStage(hashing, context);
    }

    @Override
    public Future<Void> write(Buffer data) {
        int length = data.length();
        written += length;
        unhashed += length;
        // The buffer's own bytes, not a copy: request buffers are not reused once handed over.
        ByteBuffer bytes = ((BufferInternal) data).getByteBuf().nioBuffer();
        hashing = hashing.thenRunAsync(() -> hash.update(bytes), HashingThreads.POOL);
        hashing.whenComplete((done, failure) -> context.runOnContext(ignored -> {
            unhashed -= length;
            drainIfRoom();
        }));
        return target.write(data);
    }

    @Override
    public Future<Void> end() {
        return target.end().compose(ended -> hashed());
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        target.exceptionHandler(handler);
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        target.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return unhashed > MAX_UNHASHED || target.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        this.drainHandler = handler;
        target.drainHandler(ignored -> drainIfRoom());
        return this;
    }

    private void drainIfRoom() {
        if (drainHandler != null && !writeQueueFull()) {
            Handler<Void> handler = drainHandler;
            drainHandler = null;
            handler.handle(null);
        }
    }
}
