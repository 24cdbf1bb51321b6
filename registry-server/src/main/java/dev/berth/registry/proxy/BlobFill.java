package dev.berth.registry.proxy;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import dev.berth.registry.core.Registry;
import dev.berth.registry.metrics.MirrorMetrics;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream GET of one blob, written into the store as an ordinary monolithic upload (hashed
 * while it streams, moved into place only when the digest matched) and teed to every client that
 * asked before its first byte arrived. The last buffer is held back from those clients until the
 * digest is verified: a client never receives a whole blob the store refused; on a mismatch its
 * connection is cut short instead. Clients do not own the fill: one going away changes nothing
 * for the store or the others. Its state lives on the event loop that started it; clients on other
 * loops join it, and are fed, through {@link LoopConfined}.
 */
final class BlobFill {
    private static final Logger LOG = LoggerFactory.getLogger(BlobFill.class);
    static final Duration STALL_LIMIT = Duration.ofSeconds(10);

    private final Route route;
    private final Digest digest;
    private final Registry registry;
    private final MirrorMetrics metrics;
    /** The size the upstream announced (-1: it did not say), once its answer's headers are in. */
    private final Promise<Long> announced = Promise.promise();
    /** Done when the blob is in the store, verified. */
    private final Promise<Void> stored = Promise.promise();

    private final List<LiveReader> readers = new ArrayList<>();
    private final LoopConfined loop = LoopConfined.here();
    private long stallTimer = -1;
    private HttpClientResponse upstream;
    /** Paused by the store's writer until it asks for bytes. */
    private boolean storePaused = true;

    private boolean flowing;
    private Buffer held;
    private long received;

    private BlobFill(Route route, Digest digest, Registry registry, MirrorMetrics metrics) {
        this.route = route;
        this.digest = digest;
        this.registry = registry;
        this.metrics = metrics;
    }

    static BlobFill start(Route route, Digest digest, Registry registry, MirrorMetrics metrics) {
        BlobFill fill = new BlobFill(route, digest, registry, metrics);
        fill.fetch();
        return fill;
    }

    /** Answered on the caller's event loop, as {@link #stored} is. */
    Future<Long> announcedSize() {
        return LoopConfined.here().adopt(announced.future());
    }

    Future<Void> stored() {
        return LoopConfined.here().adopt(stored.future());
    }

    /**
     * A live stream of the whole blob for the caller, fed on the caller's event loop, when the fill
     * has not sent a byte yet (and knows the size).
     */
    Future<Optional<ReadStream<Buffer>>> join() {
        LoopConfined client = LoopConfined.here();
        return loop.call(() -> {
            if (flowing || stored.future().isComplete()) {
                return Optional.empty();
            }
            LiveReader reader = new LiveReader(this, client);
            readers.add(reader);
            return Optional.of(reader);
        });
    }

    private void fetch() {
        metrics.miss(route.upstreamName());
        route.upstream()
                .send(HttpMethod.GET, route.remote(), "blobs/" + digest, null)
                .compose(response -> response.statusCode() == 200
                        ? Future.succeededFuture(response)
                        : route.upstream()
                                .refusal(response, ErrorCode.BLOB_UNKNOWN)
                                .compose(Future::failedFuture))
                .onSuccess(this::fill)
                .onFailure(this::failed);
    }

    private void fill(HttpClientResponse response) {
        upstream = response;
        announced.complete(announcedLength(response.getHeader("Content-Length")));
        registry.uploads()
                .monolithic(route.repository(), digest.toString(), new Tee())
                .onSuccess(blob -> {
                    metrics.upstreamBytes(route.upstreamName(), received);
                    LOG.info(
                            "mirror {}: fetched blob {} of {} ({} bytes) into {}",
                            route.upstreamName(),
                            digest,
                            route.remote(),
                            received,
                            route.repository());
                    if (held != null) {
                        give(held);
                    }
                    readers.forEach(LiveReader::end);
                    stored.complete();
                    loop.vertx().cancelTimer(stallTimer);
                })
                .onFailure(e -> {
                    response.request().reset();
                    failed(
                            e instanceof DistributionException d && d.code() == ErrorCode.DIGEST_INVALID
                                    ? UpstreamException.unavailable(
                                            route.upstreamName(),
                                            "sent content for " + route.remote() + "@" + digest
                                                    + " that does not match it (" + d.getMessage()
                                                    + "); nothing was kept")
                                    : e);
                });
    }

    /** The upstream's Content-Length; -1 when it sent none (or nonsense), and clients then wait for the store. */
    private static long announcedLength(String header) {
        try {
            return header == null ? -1 : Math.max(-1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void failed(Throwable failure) {
        if (!(failure instanceof DistributionException d && d.code() == ErrorCode.BLOB_UNKNOWN)) {
            metrics.upstreamError(route.upstreamName());
        }
        LOG.warn(
                "mirror {}: cannot fetch blob {} of {} into {}: {}",
                route.upstreamName(),
                digest,
                route.remote(),
                route.repository(),
                failure.getMessage());
        announced.tryFail(failure);
        readers.forEach(reader -> reader.fail(failure));
        stored.tryFail(failure);
        loop.vertx().cancelTimer(stallTimer);
    }

    private void received(Buffer buffer, Handler<Buffer> store) {
        received += buffer.length();
        flowing = true;
        store.handle(buffer);
        Buffer previous = held;
        held = buffer;
        if (previous != null) {
            give(previous);
        }
    }

    private void give(Buffer buffer) {
        for (LiveReader reader : readers) {
            reader.push(buffer);
        }
        if (readers.stream().anyMatch(LiveReader::full)) {
            upstream.pause();
            watchForStall();
        }
    }

    /**
     * A reader that holds the fill back for {@link #STALL_LIMIT} is cut off (its connection is
     * closed; docker and the other clients resume with a ranged GET, which the store answers once
     * the fill is done): one stalled client must not stop the blob for the others.
     */
    private void watchForStall() {
        if (stallTimer >= 0) {
            return;
        }
        stallTimer = loop.vertx().setTimer(STALL_LIMIT.toMillis(), id -> {
            stallTimer = -1;
            for (LiveReader reader : List.copyOf(readers)) {
                if (reader.full()) {
                    LOG.info(
                            "mirror {}: a client of blob {} read nothing for {} s; its stream is cut so the fill goes on",
                            route.upstreamName(),
                            digest,
                            STALL_LIMIT.toSeconds());
                    reader.fail(new IllegalStateException("the client read too slowly"));
                }
            }
        });
    }

    /** A reader drained or left (on its own loop): the upstream may flow again if nobody else holds it back. */
    void readerMoved() {
        loop.run(this::resumeUnlessHeld);
    }

    private void resumeUnlessHeld() {
        if (upstream != null && !storePaused && readers.stream().noneMatch(LiveReader::full)) {
            upstream.resume();
        }
    }

    /** The upstream's body as the store's writer reads it, each buffer also handed to the live readers. */
    private final class Tee implements ReadStream<Buffer> {
        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            upstream.handler(handler == null ? null : buffer -> received(buffer, handler));
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            storePaused = true;
            upstream.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            storePaused = false;
            resumeUnlessHeld();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            return resume();
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            upstream.endHandler(endHandler);
            return this;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            upstream.exceptionHandler(handler);
            return this;
        }
    }
}
