package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/**
 * Reads a small request body whole, refusing it as soon as it grows past a limit: a declared
 * length before a byte is read, a chunked body at the chunk that crosses the limit. Every body that
 * is buffered is read through here.
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
        String declared = request.getHeader("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    return Future.failedFuture(tooLarge.get());
                }
            } catch (NumberFormatException ignored) {
                // Vert.x has already rejected a malformed Content-Length; fall through to counting.
            }
        }
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                request.handler(null);
                promise.tryFail(tooLarge.get());
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(promise::tryFail);
        request.endHandler(v -> promise.tryComplete(body));
        request.resume();
        return promise.future();
    }
}
