package dev.berth.registry.core;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.concurrent.atomic.AtomicLong;

/** Reads a request body to its end for its length alone, where a request may carry no content. */
final class BodyBytes {
    private BodyBytes() {}

    /** The number of bytes in {@code body}; 0 for none ({@code null}). */
    static Future<Long> count(ReadStream<Buffer> body) {
        if (body == null) {
            return Future.succeededFuture(0L);
        }
        Promise<Long> counted = Promise.promise();
        AtomicLong bytes = new AtomicLong();
        body.exceptionHandler(counted::tryFail);
        body.endHandler(ignored -> counted.tryComplete(bytes.get()));
        body.handler(buffer -> bytes.addAndGet(buffer.length()));
        body.resume();
        return counted.future();
    }
}
