package dev.berth.storage.s3;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.WriteStream;

/**
 * Relays S3's answer to a GET into a write stream (a blob GET's response) without copying it: each
 * pooled piece of {@link S3ReadBuffers} is written as it is, so the client's socket sends straight
 * from the memory S3's socket was read into, and the piece is released once its write completed,
 * whether it succeeded or not (the write stream only borrows it).
 *
 * <p>Back-pressure both ways, as {@code pipeTo} has it: a full write queue pauses S3's response until
 * the destination drains. The endings differ from {@code pipeTo}'s on purpose. S3 breaking off
 * fails the relay and leaves the destination as it is, never ended: the registry then cuts its
 * client's connection, where an end would look like a complete body. The destination failing (the
 * client left) closes the S3 connection rather than reading the rest of the body for nothing. In
 * both, pieces S3 had already sent (queued in the paused response, or decoded from the same read)
 * still arrive here and are given back at once.
 */
final class BodyRelay implements Relay {
    private final HttpClientResponse source;
    private final WriteStream<Buffer> destination;
    private final Promise<Void> relayed = Promise.promise();
    /** Whether the relay has ended one way or the other; pieces arriving after are only released. */
    private boolean over;

    BodyRelay(HttpClientResponse source, WriteStream<Buffer> destination) {
        this.source = source;
        this.destination = destination;
    }

    @Override
    public Future<Void> start() {
        source.resume();
        return relayed.future();
    }

    @Override
    public void chunk(Buffer piece) {
        if (over) {
            S3ReadBuffers.release(piece);
            return;
        }
        Future<Void> written;
        try {
            written = destination.write(piece);
        } catch (RuntimeException refused) {
            S3ReadBuffers.release(piece);
            destinationFailed(refused);
            return;
        }
        written.onComplete(result -> {
            S3ReadBuffers.release(piece);
            if (result.failed()) {
                destinationFailed(result.cause());
            }
        });
        if (!over && destination.writeQueueFull()) {
            source.pause();
            destination.drainHandler(drained -> {
                if (!over) {
                    source.resume();
                }
            });
        }
    }

    @Override
    public void ended() {
        if (over) {
            return;
        }
        over = true;
        destination.end().onComplete(relayed);
    }

    @Override
    public void failed(Throwable failure) {
        if (over) {
            return;
        }
        over = true;
        giveBackTheRest();
        relayed.fail(failure);
    }

    private void destinationFailed(Throwable cause) {
        if (over) {
            return;
        }
        over = true;
        source.request().connection().close();
        giveBackTheRest();
        relayed.fail(cause);
    }

    /** Pieces still queued in the response, or arriving from its last read, flow into {@link #chunk} to be released. */
    private void giveBackTheRest() {
        source.resume();
    }
}
