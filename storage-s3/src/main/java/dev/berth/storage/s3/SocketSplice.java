package dev.berth.storage.s3;

import dev.berth.storage.ClientResponse;
import dev.berth.storage.StorageException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import io.netty.channel.epoll.EpollChannelConfig;
import io.netty.channel.epoll.EpollMode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.streams.WriteStream;
import java.util.Optional;

/**
 * Relays S3's answer to a blob GET from S3's socket into the client's with splice(2), so that the
 * body never enters the JVM. Copied through the JVM ({@link BodyRelay}), four fifths of a pull's CPU
 * in the registry was the kernel copying each byte out of S3's socket and into the client's; spliced,
 * the kernel hands the pages from one socket to the other (docs/performance.md, "Splicing blob GETs").
 *
 * <p>Taken when both connections are plain TCP on Netty's epoll transport and on one event loop (the
 * reader's clients are per event loop), the client's on HTTP/1.x (where the body is the connection's
 * next bytes, unframed) and S3's answer has a Content-Length; {@link #of} answers empty otherwise.
 *
 * <p>How: the first read from S3 brings its headers and the start of the body, which Vert.x's HTTP
 * client has decoded already; those pieces go through the response as with {@link BodyRelay}. Then
 * S3's connection stops reading, and once those pieces are in the client's socket, Netty splices the
 * rest, whose length the Content-Length gives. S3's connection is closed after: its HTTP decoder
 * never saw the spliced bytes and cannot carry another request. The response is ended through
 * Vert.x, which adds no bytes (its Content-Length is complete) and keeps the client's connection for
 * its next request. Failures end as {@link BodyRelay}'s do: S3 breaking off fails the relay with a
 * storage failure (the registry cuts the client short, never a clean end); the client leaving fails
 * it too. Either way S3's connection is closed.
 */
final class SocketSplice implements Relay {
    /** The most Netty splices in one task (an int); longer bodies are spliced in parts, in order. */
    private static final int MAX_PART = 1 << 30;

    /**
     * The registry's idle timeout counts writes through the client connection's pipeline, which
     * spliced bytes bypass. A write of nothing this often keeps a long transfer from looking idle:
     * it completes once the spliced bytes queued before it are out, so a client that stops reading
     * still times out.
     */
    private static final long KEEP_BUSY_MILLIS = 10_000;

    private final Context context;
    private final String path;
    private final HttpClientResponse source;
    private final ClientResponse destination;
    private final AbstractEpollStreamChannel from;
    private final AbstractEpollStreamChannel to;
    private final long length;
    private final Promise<Void> relayed = Promise.promise();
    /** The last write through the response, of the pieces that came before the splice. */
    private Future<Void> written = Future.succeededFuture();
    /** Bytes of the body that went through the response. */
    private long copied;

    private boolean splicing;
    private boolean over;
    private long keepBusyTimer = -1;
    private EpollMode clientMode;

    private SocketSplice(
            Context context,
            String path,
            HttpClientResponse source,
            ClientResponse destination,
            AbstractEpollStreamChannel from,
            AbstractEpollStreamChannel to,
            long length) {
        this.context = context;
        this.path = path;
        this.source = source;
        this.destination = destination;
        this.from = from;
        this.to = to;
        this.length = length;
    }

    /** A splice of {@code source}'s body (of {@code path}) into {@code destination}, where one can be. */
    static Optional<Relay> of(
            Context context, String path, HttpClientResponse source, WriteStream<Buffer> destination) {
        if (!(destination instanceof ClientResponse client) || !client.isHttp1()) {
            return Optional.empty();
        }
        String contentLength = source.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength == null || source.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return Optional.empty();
        }
        Optional<AbstractEpollStreamChannel> from = plainEpoll(source.request().connection());
        Optional<AbstractEpollStreamChannel> to = plainEpoll(client.connection());
        if (from.isEmpty() || to.isEmpty() || from.get().eventLoop() != to.get().eventLoop()) {
            return Optional.empty();
        }
        return Optional.of(
                new SocketSplice(context, path, source, client, from.get(), to.get(), Long.parseLong(contentLength)));
    }

    private static Optional<AbstractEpollStreamChannel> plainEpoll(HttpConnection connection) {
        if (connection instanceof ConnectionBase base
                && !base.isSsl()
                && base.channel() instanceof AbstractEpollStreamChannel channel) {
            return Optional.of(channel);
        }
        return Optional.empty();
    }

    @Override
    public Future<Void> start() {
        source.resume();
        // Behind the task in which Vert.x hands over what it read while the response was paused.
        context.runOnContext(v -> stopReading());
        return relayed.future();
    }

    @Override
    public void chunk(Buffer piece) {
        if (over) {
            S3ReadBuffers.release(piece);
            return;
        }
        if (splicing) {
            // Never expected: S3's connection reads nothing past the splice's start but into the pipe.
            S3ReadBuffers.release(piece);
            fail(new IllegalStateException("bytes of " + path + " reached the HTTP client after the splice began"));
            return;
        }
        copied += piece.length();
        written = destination.write(piece).andThen(done -> S3ReadBuffers.release(piece));
    }

    private void stopReading() {
        if (over) {
            return;
        }
        from.config().setAutoRead(false);
        if (!destination.response().headWritten()) {
            written = destination.response().writeHead();
        }
        spliceOnceWritten();
    }

    /** Splices once every piece written through the response is in the client's socket. */
    private void spliceOnceWritten() {
        Future<Void> last = written;
        last.onComplete(done -> {
            if (done.failed()) {
                fail(done.cause());
            } else if (written != last) {
                spliceOnceWritten();
            } else {
                splice();
            }
        });
    }

    private void splice() {
        if (over) {
            return;
        }
        splicing = true;
        long left = length - copied;
        if (left == 0) {
            // The whole body came through the response; S3's end arrives through ended().
            return;
        }
        levelTriggered();
        ChannelFuture last = null;
        while (left > 0) {
            int part = (int) Math.min(left, MAX_PART);
            last = from.spliceTo(to, part);
            last.addListener(spliced -> {
                if (!spliced.isSuccess()) {
                    context.runOnContext(v -> fail(spliced.cause()));
                }
            });
            left -= part;
        }
        last.addListener(spliced -> {
            if (spliced.isSuccess()) {
                context.runOnContext(v -> finish());
            }
        });
        from.config().setAutoRead(true);
        keepBusyTimer = context.owner()
                .setPeriodic(KEEP_BUSY_MILLIS, id -> destination.response().write(Buffer.buffer()));
    }

    /** Netty splices only on level-triggered channels; the client's goes back to its mode after. */
    private void levelTriggered() {
        clientMode = ((EpollChannelConfig) to.config()).getEpollMode();
        ((EpollChannelConfig) from.config()).setEpollMode(EpollMode.LEVEL_TRIGGERED);
        ((EpollChannelConfig) to.config()).setEpollMode(EpollMode.LEVEL_TRIGGERED);
    }

    private void finish() {
        if (over) {
            return;
        }
        over = true;
        context.owner().cancelTimer(keepBusyTimer);
        destination.sentAround(length - copied);
        ((EpollChannelConfig) to.config()).setEpollMode(clientMode);
        from.close();
        destination.end().onComplete(relayed);
    }

    @Override
    public void ended() {
        if (over || (splicing && copied < length)) {
            // After a splice, S3's response ends only by its connection closing: failed(), ignored.
            return;
        }
        over = true;
        destination.end().onComplete(relayed);
    }

    @Override
    public void failed(Throwable failure) {
        fail(failure);
    }

    private void fail(Throwable cause) {
        if (over) {
            return;
        }
        over = true;
        context.owner().cancelTimer(keepBusyTimer);
        from.close();
        relayed.fail(
                to.isActive() && !(cause instanceof StorageException)
                        ? new StorageException(
                                "S3 broke off the body of " + path + " while it was spliced: " + cause, cause)
                        : cause);
    }
}
