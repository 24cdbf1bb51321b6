package dev.berth.registry.core;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Hashes and counts every buffer on its way to the storage writer, with the writer's backpressure. */
final class HashingWriteStream implements WriteStream<Buffer> {
    private final WriteStream<Buffer> target;
    private final Sha256State hash;
    private long written;

    HashingWriteStream(WriteStream<Buffer> target, Sha256State hash) {
        this.target = target;
        this.hash = hash;
    }

    long written() {
        return written;
    }

    @Override
    public Future<Void> write(Buffer data) {
        hash.update(data);
        written += data.length();
        return target.write(data);
    }

    @Override
    public Future<Void> end() {
        return target.end();
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
        return target.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        target.drainHandler(handler);
        return this;
    }
}
