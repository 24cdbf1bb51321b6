package dev.berth.storage.s3;

import dev.berth.storage.ClientResponse;
import dev.berth.storage.StorageException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/**
 * The body of S3's answer to a GET, as the storage SPI's read stream, with its failure named as a
 * storage failure. S3 breaking off a body arrives as the HTTP client's "connection closed", which
 * the registry would otherwise take for its own client going away, answer nothing and leave that
 * client waiting for bytes that never come; a storage failure makes it cut the client's connection
 * instead, so that the client sees a short read, never a clean end.
 *
 * <p>Like every stream of the SPI it flows once a handler is set, unless its reader paused it; the
 * response underneath is held paused until then, since bytes that arrive with no handler are lost.
 * This stream's own handlers are on the response from the start: Vert.x refuses a handler on a
 * response whose last byte has arrived, which a reader on another thread may not set in time.
 *
 * <p>The response's pieces are pooled buffers of {@link S3ReadBuffers}, which this stream owns. Piped
 * ({@link #pipeTo}, a blob GET) they go to the destination as they are through a {@link Relay};
 * a reader with a handler (scrub, the mirror, tests) gets heap copies it need not release.
 */
final class S3BodyStream implements ReadStream<Buffer> {
    private final Context context;
    private final String path;
    private final HttpClientResponse response;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private Relay relay;
    private long received;
    private boolean paused;
    /** Whether the response ended, which it may before a reader came (see {@link #endHandler}). */
    private boolean ended;
    /** The failure that ended the body; pieces still queued behind it are given back unread. */
    private Throwable failure;

    /**
     * Takes over {@code response}, which the caller paused so that nothing arrives before a handler,
     * on {@code context}, whose event loop reads it.
     */
    S3BodyStream(Context context, String path, HttpClientResponse response) {
        this.context = context;
        this.path = path;
        this.response = response;
        response.handler(this::arrived);
        response.endHandler(this::ended);
        response.exceptionHandler(this::failed);
    }

    @Override
    public S3BodyStream handler(Handler<Buffer> handler) {
        this.handler = handler;
        if (handler != null && !paused) {
            response.resume();
        }
        return this;
    }

    @Override
    public S3BodyStream exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        if (handler != null && failure != null) {
            handler.handle(failure);
        }
        return this;
    }

    /** Called at once if the body ended already: a response without body ends even while paused. */
    @Override
    public S3BodyStream endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        if (endHandler != null && ended) {
            endHandler.handle(null);
        }
        return this;
    }

    @Override
    public S3BodyStream pause() {
        paused = true;
        response.pause();
        return this;
    }

    @Override
    public S3BodyStream resume() {
        paused = false;
        if (handler != null) {
            response.resume();
        }
        return this;
    }

    @Override
    public S3BodyStream fetch(long amount) {
        paused = false;
        if (handler != null) {
            response.fetch(amount);
        }
        return this;
    }

    /**
     * Relays the body into {@code destination} from socket to socket where it can ({@link
     * SocketSplice}: a {@link ClientResponse} on plain connections), else without copying it in the
     * JVM ({@link BodyRelay}): the future fails with the storage failure if S3 breaks off, with the
     * write's failure if the destination does (then S3 is read no further), and completes once the
     * destination ended.
     */
    @Override
    public Future<Void> pipeTo(WriteStream<Buffer> destination) {
        if (relay != null || handler != null) {
            throw new IllegalStateException("the body of " + path + " is already being read");
        }
        relay = SocketSplice.of(context, path, response, destination)
                .orElseGet(() -> new BodyRelay(response, destination));
        Future<Void> relayed = relay.start();
        if (failure != null) {
            relay.failed(failure);
        } else if (ended) {
            relay.ended();
        }
        return relayed;
    }

    private void arrived(Buffer chunk) {
        received += chunk.length();
        if (relay != null) {
            relay.chunk(chunk);
        } else if (handler != null && failure == null) {
            handler.handle(S3ReadBuffers.heapCopy(chunk));
        } else {
            // Behind a failure, or (never expected: the response is paused until a reader is there)
            // with no reader: a piece nobody takes must go back.
            S3ReadBuffers.release(chunk);
        }
    }

    private void ended(Void ignored) {
        ended = true;
        if (relay != null) {
            relay.ended();
        } else if (endHandler != null) {
            endHandler.handle(null);
        }
    }

    private void failed(Throwable cause) {
        failure = new StorageException(
                "S3 broke off the body of " + path + " after " + received + " bytes: " + cause, cause);
        if (relay != null) {
            relay.failed(failure);
            return;
        }
        if (exceptionHandler != null) {
            exceptionHandler.handle(failure);
        }
        // Pieces that arrived before the failure and wait in the paused response flow out to be given back.
        response.resume();
    }
}
