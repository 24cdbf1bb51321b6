package dev.berth.storage.s3;

import dev.berth.storage.ClientResponse;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Relays blob GETs over loopback once, right after the registry started, so that the JIT has
 * compiled the relay before the first client pulls.
 *
 * <p>A freshly started JVM serves its first gigabytes from S3 at about half the speed it reaches
 * later, and spends about 1.5 s of a core in C2 meanwhile (docs/performance.md, "The first pull"):
 * registry:2 has its code compiled before it starts. Here a loopback server plays S3 (zeros of a
 * fixed length), servers of the registry's own kind relay that body into their responses through
 * the driver's own {@link S3ObjectReader} and {@link Relay} (spliced where a client's GET would be),
 * and a client reads it into nothing, GET after GET: the one path a blob GET takes, Netty's and
 * Vert.x's HTTP client and server code included, runs hot. Nothing touches the bucket. The source
 * speaks plain HTTP, so the TLS of an {@code https} endpoint stays cold.
 */
final class RelayWarmUp {
    /** The body of each relayed GET at most; a warm-up takes as many as its bytes need. */
    static final int BODY_BYTES = 256 << 20;

    private static final String PATH = "relay warm-up";
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * One piece of the source's body, written over and over: Vert.x hands its socket an unreleasable
     * slice of it each time.
     */
    private static final Buffer PIECE = BufferInternal.buffer(Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(S3ObjectReader.MAX_CHUNK_SIZE).writeZero(S3ObjectReader.MAX_CHUNK_SIZE)));

    private final Vertx vertx;
    private final S3ObjectReader reader;
    private final Function<Handler<HttpServerRequest>, Future<List<HttpServer>>> relayServers;
    private final boolean https;
    private final int bodyBytes;

    /**
     * A warm-up through {@code reader}, in GETs of {@link #BODY_BYTES} (see {@link #RelayWarmUp(Vertx,
     * S3ObjectReader, Function, boolean, int)}).
     */
    RelayWarmUp(
            Vertx vertx,
            S3ObjectReader reader,
            Function<Handler<HttpServerRequest>, Future<List<HttpServer>>> relayServers,
            boolean https) {
        this(vertx, reader, relayServers, https, BODY_BYTES);
    }

    /**
     * A warm-up through {@code reader}, in GETs of {@code bodyBytes} at most. {@code relayServers}
     * starts servers of the registry's own kind with the request handler it is given, on one loopback
     * port, one on each of the registry's event loops: a GET then runs through the same handlers of
     * its connection's pipeline, and on the same threads, as a client's, whose per-thread state
     * (Netty's pools and recyclers) and type profiles C2's code must meet, or it is thrown away on
     * the first pull ("uncommon trap") and compiled again. {@code https} if those servers serve HTTPS.
     */
    RelayWarmUp(
            Vertx vertx,
            S3ObjectReader reader,
            Function<Handler<HttpServerRequest>, Future<List<HttpServer>>> relayServers,
            boolean https,
            int bodyBytes) {
        this.vertx = vertx;
        this.reader = reader;
        this.relayServers = relayServers;
        this.https = https;
        this.bodyBytes = bodyBytes;
    }

    /**
     * Relays at least {@code bytes}, one GET after the other; answers how many went through. Gives up
     * once {@code within} has passed: the GET in flight is cut, and the servers closed as always.
     */
    Future<Long> run(long bytes, Duration within) {
        int body = (int) Math.min(bytes, bodyBytes);
        HttpServer source = vertx.createHttpServer().requestHandler(request -> serveZeros(request, body));
        return source.listen(0, LOOPBACK)
                .compose(listening -> {
                    URI url = URI.create("http://" + LOOPBACK + ":" + listening.actualPort() + "/");
                    return relayServers
                            .apply(request -> relay(request, url, body))
                            .compose(relays -> pull(relays.get(0).actualPort(), bytes, within)
                                    .eventually(() -> Future.all(relays.stream()
                                            .map(HttpServer::close)
                                            .toList())));
                })
                .eventually(source::close);
    }

    private static void serveZeros(HttpServerRequest request, int body) {
        HttpServerResponse response = request.response();
        response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body));
        writeZeros(response, body);
    }

    /** Writes {@code left} bytes of zeros, pausing whenever the socket's queue is full. */
    private static void writeZeros(HttpServerResponse response, long left) {
        long remaining = left;
        while (remaining > 0 && !response.writeQueueFull()) {
            int piece = (int) Math.min(remaining, PIECE.length());
            response.write(piece == PIECE.length() ? PIECE : PIECE.slice(0, piece));
            remaining -= piece;
        }
        if (remaining == 0) {
            // Vert.x may still call a drain handler once the response ended, which must not write.
            response.drainHandler(null);
            response.end();
            return;
        }
        long rest = remaining;
        response.drainHandler(drained -> writeZeros(response, rest));
    }

    /**
     * What a blob GET on S3 does: the body read through the driver's reader, relayed into the response
     * as the registry's {@link ClientResponse}, so spliced where a client's GET would be.
     */
    private void relay(HttpServerRequest request, URI url, int body) {
        Context context = vertx.getOrCreateContext();
        reader.get(context, PATH, url, null)
                .compose(stream -> {
                    request.response().putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body));
                    return stream.pipeTo(new ClientResponse(request));
                })
                .onFailure(failure -> request.connection().close());
    }

    /** GETs the relayed body one after the other until {@code bytes} came; answers how many did. */
    private Future<Long> pull(int port, long bytes, Duration within) {
        HttpClientOptions options = new HttpClientOptions()
                // A connection per GET: the registry's servers take new connections in turn, so
                // that the GETs go round its event loops.
                .setKeepAlive(false)
                .setDefaultHost(LOOPBACK)
                .setDefaultPort(port)
                .setSsl(https)
                // Only ever our own loopback server, whose certificate is the registry's.
                .setTrustAll(true)
                .setVerifyHost(false);
        HttpClient client = vertx.createHttpClient(options);
        AtomicLong received = new AtomicLong();
        Promise<Long> done = Promise.promise();
        long timer = vertx.setTimer(
                within.toMillis(),
                fired -> done.tryFail(
                        new TimeoutException("the warm-up took longer than " + within.toSeconds() + " s")));
        pullNext(client, received, bytes, done);
        // Closing the client cuts a GET still in flight, which the relay then stops reading.
        return done.future().eventually(() -> {
            vertx.cancelTimer(timer);
            return client.close();
        });
    }

    private void pullNext(HttpClient client, AtomicLong received, long bytes, Promise<Long> done) {
        if (done.future().isComplete()) {
            return;
        }
        if (received.get() >= bytes) {
            done.complete(received.get());
            return;
        }
        client.request(HttpMethod.GET, "/")
                // The body's handlers are set in the turn its answer arrives, before any piece of it can.
                .compose(request -> request.send().compose(response -> discardBody(response, received)))
                .onSuccess(ignored -> pullNext(client, received, bytes, done))
                .onFailure(done::tryFail);
    }

    private static Future<Void> discardBody(HttpClientResponse response, AtomicLong received) {
        if (response.statusCode() != 200) {
            return Future.failedFuture("the relay answered " + response.statusCode());
        }
        Promise<Void> ended = Promise.promise();
        response.handler(piece -> received.addAndGet(piece.length()));
        response.exceptionHandler(ended::tryFail);
        response.endHandler(ignored -> ended.tryComplete());
        return ended.future();
    }
}
