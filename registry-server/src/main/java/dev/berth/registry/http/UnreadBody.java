package dev.berth.registry.http;

import io.vertx.core.http.HttpServerRequest;

/**
 * The body of a request refused before it was read. A client that writes its whole body before
 * reading the answer (most do, unless they asked for 100 Continue) would never see the refusal if
 * the body were simply left unread: so it is read and thrown away, up to a bound, and then the
 * connection is closed, since what follows on it can no longer be told apart from a request.
 */
final class UnreadBody {
    /** Enough for any manifest or chunk a client sends before it reads; beyond, the connection is cut. */
    static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    private UnreadBody() {}

    static boolean expected(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null
                || (length != null && !length.trim().equals("0"));
    }

    static void drainThenClose(HttpServerRequest request) {
        long[] drained = {0};
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > DRAIN_LIMIT_BYTES) {
                request.handler(null);
                request.connection().close();
            }
        });
        request.exceptionHandler(failure -> request.connection().close());
        if (request.isEnded()) {
            request.connection().close();
        } else {
            request.endHandler(ended -> request.connection().close());
        }
        request.resume();
    }
}
