package dev.berth.storage.s3;

import dev.berth.storage.StorageException;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A Reactive Streams publisher of bytes (an S3 response body) as a Vert.x read stream.
 *
 * <p>Backpressure: the publisher is asked for a window of {@value #WINDOW} buffers ahead, topped up
 * in batches, and only while the Vert.x side wants data (a handler is set and the stream is not
 * paused). So at most a window of buffers the reader did not ask for sits here (the SDK's buffers
 * are network reads, tens of KiB at most), however large the object and however slow the reader.
 * One buffer at a time cost a round trip between the SDK's thread and the context per buffer,
 * which capped a blob GET well under what the network gives.
 *
 * <p>The SDK calls the subscriber methods on its own threads; each hops onto the context the stream
 * was made on, where all state lives, so nothing here needs a lock.
 */
final class PublisherReadStream implements ReadStream<Buffer>, Subscriber<ByteBuffer> {
    private static final long FLOWING = Long.MAX_VALUE;
    static final int WINDOW = 16;

    private final Context context;
    /** What the body is of, for the failure of a short one. */
    private final String what;
    /** The length S3 announced, or -1. */
    private final long expectedBytes;
    /** Bytes the publisher handed over so far. */
    private long receivedBytes;

    private final Queue<Buffer> arrived = new ArrayDeque<>();
    private Subscription subscription;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private long demand = FLOWING;
    /** Buffers asked of the publisher that have not arrived yet. */
    private int outstanding;

    private boolean completed;
    private Throwable failure;
    private boolean finished;

    /** How long buffers asked for may take to arrive before the body counts as lost; null: forever. */
    private final Duration stallLimit;
    /** When a buffer last arrived or was asked for, in {@link System#nanoTime()}. */
    private long lastProgress = System.nanoTime();

    private long stallWatch = -1;

    private PublisherReadStream(Context context, String what, long expectedBytes, Duration stallLimit) {
        this.context = context;
        this.what = what;
        this.expectedBytes = expectedBytes;
        this.stallLimit = stallLimit;
    }

    /** Subscribes to {@code body}, of a length nobody announced, on behalf of a reader on {@code context}. */
    static PublisherReadStream of(Context context, Publisher<ByteBuffer> body) {
        PublisherReadStream stream = new PublisherReadStream(context, "a body", -1, null);
        body.subscribe(stream);
        return stream;
    }

    /**
     * Subscribes to {@code body}, which S3 announced as {@code expectedBytes} long, on behalf of a
     * reader on {@code context}. A body that completes short of that fails the stream instead of
     * ending it: an S3 server that goes away mid-body may close the connection as if the body were
     * done, and a reader relaying it under the announced Content-Length would otherwise send a clean
     * end its own client waits past until a timeout (issue 17: S3 stopping mid-GET).
     */
    static PublisherReadStream of(
            Context context, Publisher<ByteBuffer> body, String what, long expectedBytes, Duration stallLimit) {
        PublisherReadStream stream = new PublisherReadStream(context, what, expectedBytes, stallLimit);
        // On the context, where all state lives: the timer's first tick must find the fields set.
        context.runOnContext(ignored -> stream.watchForStalls());
        body.subscribe(stream);
        return stream;
    }

    /**
     * Fails the body when buffers that were asked for do not arrive within the stall limit. The
     * SDK's Netty client may never signal the end of a body whose connection died (S3 killed
     * mid-GET: neither onError nor onComplete came, and the blob GET hung until its client's idle
     * timeout); a reader that stopped asking (a slow client) is never failed by this.
     */
    private void watchForStalls() {
        long tick = Math.max(1, stallLimit.toMillis() / 4);
        stallWatch = context.owner().setPeriodic(tick, id -> {
            if (finished) {
                context.owner().cancelTimer(id);
            } else if (outstanding > 0
                    && failure == null
                    && !completed
                    && System.nanoTime() - lastProgress > stallLimit.toNanos()) {
                failure = new StorageException("S3 sent nothing of " + what + " for " + stallLimit.toSeconds()
                        + " s after " + receivedBytes + " bytes; the connection is taken for lost");
                if (subscription != null) {
                    subscription.cancel();
                }
                deliver();
            }
        });
    }

    /** A stream that ends at once, for ranges that hold no bytes. */
    static PublisherReadStream empty(Context context) {
        return of(context, subscriber -> {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            subscriber.onComplete();
        });
    }

    // ---- the publisher's side, on SDK threads ----

    @Override
    public void onSubscribe(Subscription subscription) {
        context.runOnContext(ignored -> {
            this.subscription = subscription;
            requestIfWanted();
        });
    }

    @Override
    public void onNext(ByteBuffer bytes) {
        // Copied: the SDK may reuse the memory once onNext returns.
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        context.runOnContext(ignored -> {
            outstanding--;
            receivedBytes += copy.length;
            lastProgress = System.nanoTime();
            arrived.add(Buffer.buffer(copy));
            deliver();
        });
    }

    @Override
    public void onError(Throwable error) {
        context.runOnContext(ignored -> {
            failure = error;
            deliver();
        });
    }

    @Override
    public void onComplete() {
        context.runOnContext(ignored -> {
            if (expectedBytes >= 0 && receivedBytes < expectedBytes) {
                failure = new StorageException("S3 ended " + what + " after " + receivedBytes + " of the "
                        + expectedBytes + " bytes it announced");
            } else {
                completed = true;
            }
            deliver();
        });
    }

    // ---- the reader's side, on the context ----

    @Override
    public PublisherReadStream handler(Handler<Buffer> handler) {
        this.handler = handler;
        if (handler != null) {
            deliver();
        }
        return this;
    }

    @Override
    public PublisherReadStream pause() {
        demand = 0;
        return this;
    }

    @Override
    public PublisherReadStream resume() {
        return fetch(FLOWING);
    }

    @Override
    public PublisherReadStream fetch(long amount) {
        demand = amount == FLOWING || demand > FLOWING - amount ? FLOWING : demand + amount;
        deliver();
        return this;
    }

    @Override
    public PublisherReadStream endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }

    @Override
    public PublisherReadStream exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    /** Hands over what arrived as far as demand goes, then the end or the failure, then asks for more. */
    private void deliver() {
        while (handler != null && demand > 0 && !arrived.isEmpty()) {
            if (demand != FLOWING) {
                demand--;
            }
            handler.handle(arrived.poll());
        }
        // Until the reader set a handler it has not started reading: an end or failure now would be lost.
        if (finished || handler == null) {
            return;
        }
        if (failure != null) {
            // A failed body has no useful rest: drop what is queued and report at once.
            finished = true;
            stopWatching();
            arrived.clear();
            if (exceptionHandler != null) {
                exceptionHandler.handle(failure);
            }
        } else if (completed && arrived.isEmpty()) {
            finished = true;
            stopWatching();
            if (endHandler != null) {
                endHandler.handle(null);
            }
        } else {
            requestIfWanted();
        }
    }

    private void stopWatching() {
        if (stallWatch >= 0) {
            context.owner().cancelTimer(stallWatch);
            stallWatch = -1;
        }
    }

    /** Tops the window up once half of it is free: one request per batch, not per buffer. */
    private void requestIfWanted() {
        if (subscription == null || completed || failure != null || handler == null || demand <= 0) {
            return;
        }
        int free = WINDOW - outstanding - arrived.size();
        if (free >= WINDOW / 2) {
            if (outstanding == 0) {
                lastProgress = System.nanoTime();
            }
            outstanding += free;
            subscription.request(free);
        }
    }
}
