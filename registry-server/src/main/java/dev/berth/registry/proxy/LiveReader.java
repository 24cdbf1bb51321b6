package dev.berth.registry.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's view of a blob fill in progress: the bytes the upstream sends, in order, queued
 * while the client's connection is full. A queue longer than {@link #HIGH_WATER} holds the fill
 * back until it drains (the fill then goes at the pace of its slowest reader, and memory stays
 * bounded); one that stays that long is cut off by the fill (see {@link BlobFill}). A client that
 * goes away (its pipe lets go of the handler) simply stops reading: the fill goes on for the
 * others and for the store.
 *
 * <p>Its state lives on the client's event loop, which need not be the fill's: what the fill calls
 * ({@link #push}, {@link #end}, {@link #fail}) runs there, and only the count of queued bytes, which
 * the fill reads to know whether it is held back, is shared.
 */
final class LiveReader implements ReadStream<Buffer> {
    static final long HIGH_WATER = 4L << 20;

    private final BlobFill fill;
    private final LoopConfined loop;
    private final Deque<Buffer> queue = new ArrayDeque<>();
    /** Bytes pushed and not yet handed on: counted on the fill's loop as they are pushed. */
    private final AtomicLong queued = new AtomicLong();

    private boolean paused;
    private boolean ending;
    private volatile boolean finished;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;

    /** A reader for the client on {@code loop}. */
    LiveReader(BlobFill fill, LoopConfined loop) {
        this.fill = fill;
        this.loop = loop;
    }

    /** Whether this reader holds the fill back; from any thread. */
    boolean full() {
        return !finished && queued.get() > HIGH_WATER;
    }

    void push(Buffer buffer) {
        if (finished) {
            return;
        }
        queued.addAndGet(buffer.length());
        loop.run(() -> {
            if (!finished) {
                queue.add(buffer);
                drain();
            }
        });
    }

    /** Every byte was pushed and verified. */
    void end() {
        loop.run(() -> {
            ending = true;
            drain();
        });
    }

    void fail(Throwable failure) {
        loop.run(() -> {
            if (finished) {
                return;
            }
            leave();
            if (exceptionHandler != null) {
                exceptionHandler.handle(failure);
            }
        });
    }

    private void leave() {
        finished = true;
        queue.clear();
        fill.readerMoved();
    }

    private void drain() {
        while (!paused && !finished && !queue.isEmpty() && handler != null) {
            Buffer next = queue.poll();
            queued.addAndGet(-next.length());
            try {
                handler.handle(next);
            } catch (RuntimeException clientGone) {
                // The client's response closed before its pipe let go: it reads no more.
                leave();
                return;
            }
        }
        if (ending && queue.isEmpty() && !paused && !finished && handler != null) {
            finished = true;
            if (endHandler != null) {
                endHandler.handle(null);
            }
        }
        fill.readerMoved();
    }

    @Override
    public LiveReader handler(Handler<Buffer> handler) {
        this.handler = handler;
        if (handler == null) {
            // The pipe let go: the client is gone or its connection failed.
            leave();
        } else {
            drain();
        }
        return this;
    }

    @Override
    public LiveReader pause() {
        paused = true;
        return this;
    }

    @Override
    public LiveReader resume() {
        paused = false;
        drain();
        return this;
    }

    @Override
    public LiveReader fetch(long amount) {
        return resume();
    }

    @Override
    public LiveReader endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }

    @Override
    public LiveReader exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }
}
