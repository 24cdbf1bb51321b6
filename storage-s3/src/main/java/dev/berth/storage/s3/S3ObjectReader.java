package dev.berth.storage.s3;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collector;

/**
 * Streams objects out of S3 through Vert.x's own HTTP client, on a pre-signed URL ({@link S3Signing}).
 *
 * <p>The SDK's asynchronous client hands a body over as a Reactive Streams publisher on its own
 * threads: each network read was copied into a new array and hopped onto the reader's event loop,
 * which held a blob GET on S3 to a fifth of what registry:2 serves. Vert.x's client delivers S3's
 * response on the event loop of the request that asked for it, and {@code pipeTo} carries
 * back-pressure both ways: a slow client pauses the S3 connection, a slow S3 leaves the client's
 * connection idle.
 *
 * <p>Its clients also carry the driver's other calls sent through Vert.x ({@link S3HttpCalls}, by
 * {@link #exchange}), so that every S3 connection of an event loop is in one pool.
 */
final class S3ObjectReader {
    /**
     * Connections to S3 that blob GETs may hold at once, each serving one GET at a time. Vert.x's
     * default (5) would queue the ninth of eight parallel pulls behind the others.
     */
    static final int MAX_CONNECTIONS = 128;

    /**
     * The largest piece of S3's body handed on at once: one network read (Netty reads at most 64
     * KiB at a time). Vert.x's default (8 KiB) had its HTTP decoder slice every read into eight
     * pieces, each then written and flushed to the registry's client on its own: eight times the
     * write system calls and wake-ups of the client for the same bytes (about a third more CPU per
     * pull, registry and client together). Larger pieces gain nothing, since a read brings no more;
     * a reader that is not a blob GET's relay gets each piece as a heap copy, which this also bounds.
     */
    static final int MAX_CHUNK_SIZE = 64 * 1024;

    /** A read's URL only has to last until S3 starts answering. */
    private static final Duration READ_URL_TTL = Duration.ofMinutes(1);

    /** How long S3 may take to start answering a GET. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static final int RANGE_NOT_SATISFIABLE = 416;

    /** Collects a body that is known to be small (an error document, a small object's content). */
    static final Collector<Buffer, Buffer, Buffer> BODY =
            Collector.of(Buffer::buffer, Buffer::appendBuffer, Buffer::appendBuffer);

    private final Vertx vertx;
    private final S3Signing signing;
    /**
     * A client per event loop: Vert.x's pool hands out its most recently used idle connection
     * whatever loop it lives on, and a response read on one loop for a request made on another
     * reaches it through a task per batch of pieces. Each loop reading over connections of its own
     * keeps a relayed GET on one thread from S3's socket to the client's.
     */
    private final Map<EventLoop, HttpClient> clients = new ConcurrentHashMap<>();

    S3ObjectReader(Vertx vertx, S3Signing signing) {
        this.vertx = vertx;
        this.signing = signing;
    }

    private HttpClient clientFor(Context context) {
        return clients.computeIfAbsent(
                ((ContextInternal) context).nettyEventLoop(),
                loop -> vertx.httpClientBuilder()
                        .with(new HttpClientOptions().setKeepAlive(true).setMaxChunkSize(MAX_CHUNK_SIZE))
                        .with(new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS))
                        .withConnectHandler(S3ObjectReader::readIntoRelayBuffers)
                        .build());
    }

    /**
     * Has {@code connection} read into {@link S3ReadBuffers}, whose pieces Vert.x hands on uncopied.
     * Netty takes the channel's allocator afresh for every read, and Vert.x calls this before the
     * connection carries its first request.
     */
    private static void readIntoRelayBuffers(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            base.channel().config().setAllocator(S3ReadBuffers.allocator());
        }
    }

    /**
     * The object's bytes that {@code range} (an HTTP Range header, or null for all) names, paused
     * until its reader starts reading; {@code path} names it in failures. A range that starts at or
     * past the end reads as no bytes.
     *
     * <p>Every step runs on the caller's context, the request included, and the answer is taken by a
     * listener on the send's own future, so that S3's response is paused and given its handlers in
     * the turn it arrives: a response handed over a turn later may have lost bytes that came with no
     * handler set, or already have ended.
     */
    Future<ReadStream<Buffer>> open(String path, String key, String range) {
        Context context = vertx.getOrCreateContext();
        return signing.presignedGet(key, READ_URL_TTL).compose(url -> get(context, path, url, range));
    }

    /**
     * What {@link #open} reads once it has a URL: {@code url}'s body, through this reader's own
     * clients, on {@code context}. {@link RelayWarmUp} reads a loopback URL through it.
     */
    Future<ReadStream<Buffer>> get(Context context, String path, URI url, String range) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url.toString());
        if (range != null) {
            request.putHeader("Range", range);
        }
        return exchange(context, path, request, null).compose(answer -> answer(context, path, answer));
    }

    /**
     * S3's answer to a request: its status and headers, its body as a stream that starts paused, and
     * when the request's own body was sent (or failed to be): S3 may answer before it read all of it.
     */
    record Answer(int status, MultiMap headers, S3BodyStream body, Future<Void> sent) {}

    /**
     * Sends {@code request}, with {@code body} unless null, through this reader's clients on {@code
     * context}, and answers S3's response as it arrives. A caller whose body's memory is to be reused
     * waits for {@link Answer#sent()} first. {@code path} names the object in failures.
     *
     * <p>Runs on {@code context}'s thread, whichever thread calls: the request's futures then complete
     * there, so that the response is taken in the turn it arrives.
     */
    Future<Answer> exchange(Context context, String path, RequestOptions request, Buffer body) {
        if (Vertx.currentContext() != context) {
            Promise<Answer> answered = Promise.promise();
            context.runOnContext(
                    ignored -> exchange(context, path, request, body).onComplete(answered));
            return answered.future();
        }
        return clientFor(context).request(request).compose(sending -> {
            Future<Void> sent = body == null ? sending.end() : sending.end(body);
            Future<HttpClientResponse> answered = awaitingAnswer(sending);
            // Straight on the response's own future, so that it runs in the turn the answer arrives.
            return answered.map(response -> {
                // Paused so that no byte arrives before the reader set its handler.
                response.pause();
                return new Answer(
                        response.statusCode(), response.headers(), new S3BodyStream(context, path, response), sent);
            });
        });
    }

    /**
     * The answer to {@code request}, which S3 has {@link #ANSWER_TIMEOUT} to start once asked, as the
     * SDK's read timeout did; a request S3 leaves hanging is reset, which fails it and frees its
     * connection. The body has no such limit: while a slow client holds the stream paused, nothing is
     * read from S3, and a read-idle timer could not tell that from S3 hanging. (Not {@code
     * Future.timeout} nor any other future between: the answer must be taken in the turn it arrives,
     * see {@link #open}.)
     */
    private Future<HttpClientResponse> awaitingAnswer(HttpClientRequest request) {
        long timer = vertx.setTimer(
                ANSWER_TIMEOUT.toMillis(),
                fired -> request.reset(0, new TimeoutException("S3 did not answer within " + ANSWER_TIMEOUT)));
        Future<HttpClientResponse> answered = request.response();
        answered.onComplete(done -> vertx.cancelTimer(timer));
        return answered;
    }

    private static Future<ReadStream<Buffer>> answer(Context context, String path, Answer answer) {
        int status = answer.status();
        S3BodyStream stream = answer.body();
        if (status == 200 || status == 206) {
            return Future.succeededFuture(stream);
        }
        // Read through the stream, which gives the pooled pieces back (Vert.x's own body() would not).
        return stream.collect(BODY).transform(body -> {
            if (status == RANGE_NOT_SATISFIABLE) {
                return Future.succeededFuture(new EmptyReadStream(context));
            }
            String error = body.succeeded() ? body.result().toString() : "";
            return Future.failedFuture(S3Errors.translate(new S3ErrorAnswer("GET of " + path, status, error), path));
        });
    }

    Future<Void> close() {
        return Future.all(clients.values().stream().map(HttpClient::close).toList())
                .mapEmpty();
    }
}
