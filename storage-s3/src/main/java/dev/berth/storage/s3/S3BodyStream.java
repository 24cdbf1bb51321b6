package dev.berth.storage.s3;

import dev.berth.storage.StorageException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;

/**
 * The body of S3's answer to a GET, as the storage SPI's read stream: the response itself, whose
 * failure is named as a storage failure. S3 breaking off a body arrives as the HTTP client's
 * "connection closed", which the registry would otherwise take for its own client going away,
 * answer nothing and leave that client waiting for bytes that never come; a storage failure makes
 * it cut the client's connection instead, so that the client sees a short read, never a clean end.
 *
 * <p>Like every stream of the SPI it flows once a handler is set, unless its reader paused it; the
 * response underneath is held paused until then, since bytes that arrive with no handler are lost.
 */
final class S3BodyStream implements ReadStream<Buffer> {
    private final String path;
    private final HttpClientResponse response;
    private long received;
    private boolean reading;
    private boolean paused;

    /** Takes over {@code response}, which its caller paused so that nothing arrives before a handler. */
    S3BodyStream(String path, HttpClientResponse response) {
        this.path = path;
        this.response = response;
    }

    @Override
    public S3BodyStream handler(Handler<Buffer> handler) {
        reading = handler != null;
        response.handler(reading ? chunk -> counted(chunk, handler) : null);
        if (reading && !paused) {
            response.resume();
        }
        return this;
    }

    private void counted(Buffer chunk, Handler<Buffer> handler) {
        received += chunk.length();
        handler.handle(chunk);
    }

    @Override
    public S3BodyStream exceptionHandler(Handler<Throwable> handler) {
        response.exceptionHandler(handler == null ? null : failure -> handler.handle(brokenOff(failure)));
        return this;
    }

    private StorageException brokenOff(Throwable failure) {
        return new StorageException(
                "S3 broke off the body of " + path + " after " + received + " bytes: " + failure, failure);
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
        if (reading) {
            response.resume();
        }
        return this;
    }

    @Override
    public S3BodyStream fetch(long amount) {
        paused = false;
        if (reading) {
            response.fetch(amount);
        }
        return this;
    }

    @Override
    public S3BodyStream endHandler(Handler<Void> endHandler) {
        response.endHandler(endHandler);
        return this;
    }
}
