package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request the HTTP decoder could not read (a request line or headers too long, a bad
 * or repeated Content-Length, a line ending in a bare LF) with the spec's JSON error, then closes
 * the connection: after a message that could not be framed, nothing more on it can be trusted.
 */
public final class InvalidRequests {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidRequests.class);

    private InvalidRequests() {}

    public static void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        DistributionException error;
        if (cause instanceof TooLongHttpLineException) {
            error = new DistributionException(ErrorCode.UNSUPPORTED, 414, "the request line is too long", null);
        } else if (cause instanceof TooLongHttpHeaderException) {
            error = new DistributionException(ErrorCode.UNSUPPORTED, 431, "the request headers are too large", null);
        } else {
            error = new DistributionException(
                    ErrorCode.UNSUPPORTED,
                    400,
                    "the request is not valid HTTP/1.1: " + (cause == null ? "unreadable" : cause.getMessage()),
                    null);
        }
        LOG.debug("invalid request from {}: {}", request.remoteAddress(), cause == null ? "-" : cause.toString());
        String body = ErrorResponses.body(error);
        request.response()
                .setStatusCode(error.status())
                .putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close")
                .end(body)
                .onComplete(sent -> request.connection().close());
    }
}
