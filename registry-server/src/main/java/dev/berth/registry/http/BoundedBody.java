package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import java.util.function.Supplier;

/**
 * Reads a small body whole, refusing it as soon as it grows past a limit: a declared length before
 * a byte is read, a chunked body at the chunk that crosses the limit. Every body that is buffered
 * is read through here: requests to the registry, and the answers of the upstreams it mirrors.
 */
public final class BoundedBody {
    private BoundedBody() {}

    /** A small body, refused past {@code limit} with 413 SIZE_INVALID. */
    public static Future<Buffer> read(HttpServerRequest request, int limit) {
        return read(
                request,
                limit,
                () -> new DistributionException(
                        ErrorCode.SIZE_INVALID, 413, "the body is larger than " + limit + " bytes", null));
    }

    public static Future<Buffer> read(
            HttpServerRequest request, int limit, Supplier<? extends RuntimeException> tooLarge) {
        return read(request, request.getHeader("Content-Length"), limit, tooLarge);
    }

    /** A small body of any stream, {@code declared} its Content-Length (or null), refused past {@code limit}. */
    public static Future<Buffer> read(
            ReadStream<Buffer> stream, String declared, int limit, Supplier<? extends RuntimeException> tooLarge) {
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    return Future.failedFuture(tooLarge.get());
                }
            } catch (NumberFormatException ignored) {
                // A malformed Content-Length is no promise: fall through to counting.
            }
        }
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        stream.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                stream.handler(null);
                promise.tryFail(tooLarge.get());
            } else {
                body.appendBuffer(chunk);
            }
        });
        stream.exceptionHandler(promise::tryFail);
        stream.endHandler(v -> promise.tryComplete(body));
        stream.resume();
        return promise.future();
    }
}
