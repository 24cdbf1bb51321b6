package dev.berth.registry;

import dev.berth.registry.http.SentBytes;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline stage that writes one line per request to the logger "berth.access": remote host,
 * request line, status, body bytes sent, milliseconds from arrival, and "aborted" when the
 * connection closed before the response was complete. The line is written by the routing
 * context's end handler, which runs exactly once per request: when the response ends, or when its
 * connection closes first.
 */
public final class AccessLog implements Handler<RoutingContext> {
    static final String LOGGER_NAME = "berth.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public void handle(RoutingContext ctx) {
        long arrivedNanos = System.nanoTime();
        ctx.addEndHandler(done -> log(ctx, arrivedNanos));
        ctx.next();
    }

    private static void log(RoutingContext ctx, long arrivedNanos) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = request.response();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrivedNanos);
        SocketAddress remote = request.remoteAddress();
        LOG.info(
                "{} \"{} {} {}\" {} {} {}ms{}",
                remote == null ? "-" : remote.hostAddress(),
                request.method(),
                request.uri(),
                versionOf(request),
                response.getStatusCode(),
                SentBytes.of(ctx),
                millis,
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
