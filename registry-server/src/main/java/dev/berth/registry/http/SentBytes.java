package dev.berth.registry.http;

import dev.berth.storage.ClientResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The body bytes a request's response sent, for the access log and the metrics: Vert.x's own count,
 * plus what a storage driver moved into the connection around the response (S3's splice of a blob
 * GET, see {@link ClientResponse}), which Vert.x's count misses.
 */
public final class SentBytes {
    private static final String KEY = ClientResponse.class.getName();

    private SentBytes() {}

    /** The response of {@code ctx} as a storage stream's destination, whose bytes {@link #of} then counts. */
    static ClientResponse destination(RoutingContext ctx) {
        ClientResponse destination = new ClientResponse(ctx.request());
        ctx.put(KEY, destination);
        return destination;
    }

    public static long of(RoutingContext ctx) {
        ClientResponse destination = ctx.get(KEY);
        return destination == null ? ctx.response().bytesWritten() : destination.bytesSent();
    }
}
