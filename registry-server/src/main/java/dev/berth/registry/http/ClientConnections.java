package dev.berth.registry.http;

import dev.berth.registry.config.HttpConfig;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's connection handler: puts the strict decoder and a {@link ConnectionGuard} into every
 * new HTTP/1.x connection and counts open connections per client ({@link ClientKey}). Vert.x calls it while
 * it sets the connection up, before any byte of a request is decoded, so the decoder can still be
 * exchanged. (HTTP/2 connections, which only TLS clients that ask for them get, keep Vert.x's own
 * handling.)
 */
public final class ClientConnections implements Handler<HttpConnection> {
    private static final String DECODER = "httpDecoder";
    private static final String ENCODER = "httpEncoder";

    private final HttpServerOptions options;
    private final HttpConfig limits;
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    public ClientConnections(HttpServerOptions options, HttpConfig limits) {
        this.options = options;
        this.limits = limits;
    }

    @Override
    public void handle(HttpConnection connection) {
        if (!(connection instanceof ConnectionBase base)) {
            return;
        }
        ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
        if (pipeline.get(DECODER) == null || pipeline.get(ENCODER) == null) {
            return;
        }
        String client = ClientKey.of(connection.remoteAddress());
        int count = open.computeIfAbsent(client, key -> new AtomicInteger()).incrementAndGet();
        int max = limits.maxConnectionsPerClient();
        String refusal = max > 0 && count > max
                ? client + " has more than " + max + " connections open; close some and try again"
                : null;
        pipeline.replace(DECODER, DECODER, new StrictRequestDecoder(options));
        pipeline.addAfter(
                ENCODER,
                "berthConnectionGuard",
                new ConnectionGuard(limits.headerTimeout(), limits.minBodyRate(), refusal, () -> closed(client)));
    }

    private void closed(String client) {
        open.computeIfPresent(client, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
