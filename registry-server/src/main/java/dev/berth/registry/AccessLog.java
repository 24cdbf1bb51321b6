package dev.berth.registry;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Wraps the HTTP server's request handler to write one line per request to the logger
 * "berth.access": remote host, request line, status, body bytes sent, milliseconds from arrival,
 * and "aborted" when the connection closed before the response was complete.
 *
 * <p>The line is written by the response's end handler, which Vert.x calls exactly once per
 * response: when it ends, or when its connection closes first. Vert.x keeps one end handler per
 * response, so the handlers behind this one must not set their own (Vert.x Web's
 * RoutingContext.addEndHandler and TimeoutHandler do); bodyEndHandler and closeHandler are free.
 */
public final class AccessLog implements Handler<HttpServerRequest> {
    static final String LOGGER_NAME = "berth.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final Handler<HttpServerRequest> next;

    public AccessLog(Handler<HttpServerRequest> next) {
        this.next = next;
    }

    @Override
    public void handle(HttpServerRequest request) {
        long arrivedNanos = System.nanoTime();
        request.response().endHandler(disposed -> log(request, arrivedNanos));
        next.handle(request);
    }

    private static void log(HttpServerRequest request, long arrivedNanos) {
        HttpServerResponse response = request.response();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrivedNanos);
        SocketAddress remote = request.remoteAddress();
        LOG.info("{} \"{} {} {}\" {} {} {}ms{}",
                remote == null ? "-" : remote.hostAddress(),
                request.method(), request.uri(), versionOf(request),
                response.getStatusCode(), response.bytesWritten(), millis,
                response.ended() ? "" : " aborted");
    }

    private static String versionOf(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2";
        };
    }
}
