package dev.berth.storage.testkit;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.Iterator;

/**
 * A read stream of the buffers an iterator yields, taken one at a time and only while the reader
 * asks for more: a paused reader stops the iterator, so content made on demand is never held
 * whole. One buffer per turn of the context, as a socket or a file delivers them, lets a reader
 * pause between any two. A failure of the iterator ends the stream through the exception handler.
 *
 * <p>Drive it from its context, like any Vert.x stream.
 */
public final class ChunkReadStream implements ReadStream<Buffer> {
    private final Context context;
    private final Iterator<Buffer> chunks;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private long demand = Long.MAX_VALUE;
    private boolean scheduled;
    private boolean finished;

    public ChunkReadStream(Context context, Iterator<Buffer> chunks) {
        this.context = context;
        this.chunks = chunks;
    }

    @Override
    public ChunkReadStream handler(Handler<Buffer> handler) {
        this.handler = handler;
        scheduleNext();
        return this;
    }

    @Override
    public ChunkReadStream exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public ChunkReadStream endHandler(Handler<Void> handler) {
        this.endHandler = handler;
        return this;
    }

    @Override
    public ChunkReadStream pause() {
        demand = 0;
        return this;
    }

    @Override
    public ChunkReadStream resume() {
        demand = Long.MAX_VALUE;
        scheduleNext();
        return this;
    }

    @Override
    public ChunkReadStream fetch(long amount) {
        demand = Long.MAX_VALUE - demand <= amount ? Long.MAX_VALUE : demand + amount;
        scheduleNext();
        return this;
    }

    private void scheduleNext() {
        if (!scheduled && !finished && handler != null && demand > 0) {
            scheduled = true;
            context.runOnContext(ignored -> deliverNext());
        }
    }

    private void deliverNext() {
        scheduled = false;
        if (finished || handler == null || demand == 0) {
            return;
        }
        Buffer chunk;
        try {
            if (!chunks.hasNext()) {
                finish(endHandler, null);
                return;
            }
            chunk = chunks.next();
        } catch (RuntimeException e) {
            finish(exceptionHandler, e);
            return;
        }
        if (demand != Long.MAX_VALUE) {
            demand--;
        }
        handler.handle(chunk);
        scheduleNext();
    }

    private <T> void finish(Handler<T> last, T event) {
        finished = true;
        if (last != null) {
            last.handle(event);
        }
    }
}
