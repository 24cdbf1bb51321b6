package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one HTTP/1.x connection between the decoder and Vert.x, where every request head, body
 * chunk and response end passes: a client that takes longer than the header timeout to send a
 * request's head (at the start or between requests), or sends a body slower than the minimum rate,
 * loses its connection; a connection over its address's limit gets 429 for its first request.
 * The idle timeout alone does neither: one byte now and then keeps a connection from being idle.
 *
 * <p>All state is touched on the connection's event loop only.
 */
final class ConnectionGuard extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    /** How long a stretch the body rate is judged over: long enough for a storage pause between chunks. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(30);

    private final Duration headerTimeout;
    private final long minBytesPerWindow;
    private final Runnable onClose;
    private final String refusal;
    private ScheduledFuture<?> headDeadline;
    private ScheduledFuture<?> rateCheck;
    private boolean requestOpen;
    private boolean responseOpen;
    private long bodyBytes;
    private boolean readingThroughWindow;

    /**
     * @param refusal null, or why this connection is refused: its first request gets 429 with this message
     * @param onClose told once when the connection closes
     */
    ConnectionGuard(Duration headerTimeout, int minBodyRate, String refusal, Runnable onClose) {
        this.headerTimeout = headerTimeout;
        this.minBytesPerWindow = (long) minBodyRate * RATE_WINDOW.toSeconds();
        this.refusal = refusal;
        this.onClose = onClose;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        awaitHead(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel(headDeadline);
        cancel(rateCheck);
        onClose.run();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            cancel(headDeadline);
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                refuse(ctx);
                return;
            }
            requestOpen = true;
            responseOpen = true;
            watchBodyRate(ctx);
        }
        if (msg instanceof HttpContent content) {
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                return;
            }
            bodyBytes += content.content().readableBytes();
            if (msg instanceof LastHttpContent) {
                requestOpen = false;
                cancel(rateCheck);
                awaitNextHead(ctx);
            }
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        // Vert.x writes "100 Continue" and "103 Early Hints" as full responses, which are last contents
        // too: taken for the end, they started the head clock while an upload's body was still coming,
        // and an upload whose storage took longer than the header timeout to finish lost its connection.
        if (msg instanceof LastHttpContent && !isInterim(msg)) {
            responseOpen = false;
            awaitNextHead(ctx);
        }
        super.write(ctx, msg, promise);
    }

    private static boolean isInterim(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    /** Between requests the clock runs only once both the request and its response are complete. */
    private void awaitNextHead(ChannelHandlerContext ctx) {
        if (!requestOpen && !responseOpen) {
            awaitHead(ctx);
        }
    }

    private void awaitHead(ChannelHandlerContext ctx) {
        cancel(headDeadline);
        if (headerTimeout.isZero()) {
            return;
        }
        headDeadline = ctx.executor()
                .schedule(
                        () -> {
                            LOG.debug(
                                    "closing the connection of {}: no request head within {}",
                                    ctx.channel().remoteAddress(),
                                    headerTimeout);
                            ctx.close();
                        },
                        headerTimeout.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private void watchBodyRate(ChannelHandlerContext ctx) {
        cancel(rateCheck);
        if (minBytesPerWindow == 0) {
            return;
        }
        bodyBytes = 0;
        readingThroughWindow = ctx.channel().config().isAutoRead();
        long window = RATE_WINDOW.toMillis();
        rateCheck = ctx.executor().scheduleAtFixedRate(() -> checkBodyRate(ctx), window, window, TimeUnit.MILLISECONDS);
    }

    /**
     * A window counts only when the server was reading at both of its ends: while Vert.x holds the
     * body back (storage is slow, a gate is deciding) the client is not to blame for the pause.
     */
    private void checkBodyRate(ChannelHandlerContext ctx) {
        boolean reading = ctx.channel().config().isAutoRead();
        if (requestOpen && reading && readingThroughWindow && bodyBytes < minBytesPerWindow) {
            LOG.info(
                    "closing the connection of {}: its request body came at {} bytes in {} s, below the minimum rate",
                    ctx.channel().remoteAddress(),
                    bodyBytes,
                    RATE_WINDOW.toSeconds());
            ctx.close();
            return;
        }
        bodyBytes = 0;
        readingThroughWindow = reading;
    }

    private void refuse(ChannelHandlerContext ctx) {
        String body = ErrorResponses.body(new DistributionException(ErrorCode.TOOMANYREQUESTS, refusal));
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.TOO_MANY_REQUESTS,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
