package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.StorageException;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.Streams;
import dev.berth.storage.testkit.TestContent;
import dev.berth.storage.testkit.VertxPerClass;
import dev.berth.testkit.s3.S3Relay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.streams.WriteStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A blob GET on S3 relays the pooled buffers S3's answer was read into straight to the client's
 * socket (issue 17, point 1: no heap copy per chunk), and gives every one of them back to the pool
 * exactly once, however the GET ends: whole, ranged, the client leaving, S3 breaking off. Served
 * here by a real Vert.x server that pipes the driver's stream into its response, as the registry's
 * blob GET does.
 */
@DisplayName("The relay of S3's answer to a blob GET")
class S3BodyRelayTest {
    private static final int MIB = 1 << 20;
    private static final int SIZE = 24 * MIB;
    private static final String PATH = "blobs/relayed";

    @RegisterExtension
    static final VertxPerClass VERTX = new VertxPerClass();

    private final Buffer content = TestContent.bytes(SIZE, 17);

    @RegisterExtension
    final StoredBlob stored = new StoredBlob(VERTX::get, "relay", PATH, content);

    /** What each GET's pipe into the response ended with. */
    private final List<Future<Void>> pipes = new CopyOnWriteArrayList<>();
    /** Every piece the relay wrote into a response, as it was when written (it is released after). */
    private final List<Piece> written = new CopyOnWriteArrayList<>();

    /** Where the tests without a server read: one event loop, as a request's. */
    private Context context;

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        context = vertx().getOrCreateContext();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            Await.result(server.close());
        }
    }

    @Test
    @DisplayName(
            "a whole blob goes to the client's socket in the pooled direct buffers S3 was read into, each given back")
    void wholeBlob() throws Exception {
        serve(stored.driver());

        try (RawGet get = RawGet.of(server.actualPort(), null)) {
            assertThat(get.contentLength()).isEqualTo(SIZE);
            assertThat(get.body().readAllBytes()).isEqualTo(content.getBytes());
        }

        Await.result(pipes.getFirst());
        assertThat(written).isNotEmpty().allSatisfy(S3BodyRelayTest::isPooledDirect);
        stored.everyBufferGivenBack();
    }

    @Test
    @DisplayName("a ranged GET relays exactly its range the same way")
    void rangedBlob() throws Exception {
        serve(stored.driver());
        int offset = 3 * MIB + 7;
        int length = 5 * MIB + 11;

        try (RawGet get = RawGet.of(server.actualPort(), offset + "-" + length)) {
            assertThat(get.contentLength()).isEqualTo(length);
            assertThat(get.body().readAllBytes())
                    .isEqualTo(Arrays.copyOfRange(content.getBytes(), offset, offset + length));
        }

        Await.result(pipes.getFirst());
        assertThat(written).isNotEmpty().allSatisfy(S3BodyRelayTest::isPooledDirect);
        stored.everyBufferGivenBack();
    }

    @Test
    @DisplayName("a client that leaves mid-body fails the relay, and every buffer read from S3 goes back")
    void clientLeaves() throws Exception {
        serve(stored.driver());

        try (RawGet get = RawGet.of(server.actualPort(), null)) {
            assertThat(get.body().readNBytes(64 * 1024)).hasSize(64 * 1024);
        }

        Await.failure(pipes.getFirst());
        stored.everyBufferGivenBack();
        // The driver still serves: the connection the relay closed was not handed out again.
        try (RawGet again = RawGet.of(server.actualPort(), null)) {
            assertThat(again.body().readAllBytes()).isEqualTo(content.getBytes());
        }
        stored.everyBufferGivenBack();
    }

    @Test
    @DisplayName("each event loop reads S3 over connections of its own, never over another loop's idle one")
    void connectionsPerEventLoop() throws Exception {
        try (S3Relay relay = stored.newRelay()) {
            StorageDriver through = stored.through(relay);
            VertxInternal vertx = (VertxInternal) vertx();
            ContextInternal first = vertx.createEventLoopContext();
            ContextInternal second = vertx.createEventLoopContext();
            while (second.nettyEventLoop() == first.nettyEventLoop()) {
                second = vertx.createEventLoopContext();
            }

            assertThat(readWhole(through, first)).isEqualTo(content);
            assertThat(relay.openSockets())
                    .as("one connection to S3, two sockets")
                    .isEqualTo(2);
            assertThat(readWhole(through, second)).isEqualTo(content);
            assertThat(relay.openSockets())
                    .as("a connection of the second loop's own")
                    .isEqualTo(4);
            assertThat(readWhole(through, first)).isEqualTo(content);
            assertThat(relay.openSockets())
                    .as("the first loop's connection, used again")
                    .isEqualTo(4);
        }
    }

    @Test
    @DisplayName("a client that leaves mid-body closes the S3 connection rather than reading the rest of the body")
    void clientLeavesClosesS3() throws Exception {
        try (S3Relay relay = stored.newRelay()) {
            StorageDriver through = stored.through(relay);
            serve(through);

            try (RawGet get = RawGet.of(server.actualPort(), null)) {
                assertThat(get.body().readNBytes(64 * 1024)).hasSize(64 * 1024);
                assertThat(relay.openSockets()).as("the GET's connection to S3").isEqualTo(2);
            }

            Await.failure(pipes.getFirst());
            Await.until("the S3 connection closed", () -> relay.openSockets() == 0);
            // Read to its end, the body would have passed whole (S3 closes an idle connection in the end too).
            assertThat(relay.bytesFromServer()).as("bytes S3 sent").isLessThan(SIZE);
            stored.everyBufferGivenBack();
        }
    }

    @Test
    @DisplayName("S3 breaking off mid-body cuts the client short, never a clean end, and every buffer goes back")
    void s3BreaksOff() throws Exception {
        try (S3Relay relay = stored.newRelay()) {
            StorageDriver through = stored.through(relay);
            serve(through);
            long received;
            try (RawGet get = RawGet.of(server.actualPort(), null)) {
                received = get.body().readNBytes(64 * 1024).length;
                relay.cut();
                received += get.readToCut();
            }

            assertThat(received).as("bytes the client received").isLessThan(SIZE);
            assertThat(Await.failure(pipes.getFirst()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(PATH);
            stored.everyBufferGivenBack();
        }
    }

    @Test
    @DisplayName("pieces S3 sent while the client stalled, still queued when the client leaves, go back too")
    void clientLeavesWithPiecesQueued() {
        StalledClient client = new StalledClient();
        Future<Void> piped = pipeInto(stored.driver(), client);
        piecesQueueBehind(client);

        client.leave();

        assertThat(Await.failure(piped)).hasMessageContaining("client left");
        stored.everyBufferGivenBack();
    }

    @Test
    @DisplayName("pieces S3 sent while the client stalled, still queued when S3 breaks off, go back too")
    void s3BreaksOffWithPiecesQueued() throws Exception {
        try (S3Relay relay = stored.newRelay()) {
            StorageDriver through = stored.through(relay);
            StalledClient client = new StalledClient();
            Future<Void> piped = pipeInto(through, client);
            piecesQueueBehind(client);

            relay.cut();
            // A paused response reads nothing, so its connection's end is seen once the client takes pieces again.
            client.flow();

            assertThat(Await.failure(piped)).isInstanceOf(StorageException.class);
            stored.everyBufferGivenBack();
        }
    }

    @Test
    @DisplayName("a reader with a handler gets heap copies it need not release, and the pooled buffers go back")
    void handlerReader() {
        List<Buffer> chunks = new CopyOnWriteArrayList<>();
        Promise<Void> ended = Promise.promise();
        context.runOnContext(ignored -> stored.driver()
                .readStream(PATH, 0, -1)
                .onFailure(ended::fail)
                .onSuccess(stream -> {
                    stream.handler(chunks::add);
                    stream.endHandler(ended::complete);
                    stream.exceptionHandler(ended::fail);
                }));

        Await.result(ended.future());
        assertThat(chunks)
                .isNotEmpty()
                .allSatisfy(chunk -> assertThat(S3ReadBuffers.pooled(chunk))
                        .as("a pooled buffer handed to a reader")
                        .isNull());
        Buffer read = Buffer.buffer();
        chunks.forEach(read::appendBuffer);
        assertThat(read).isEqualTo(content);
        stored.everyBufferGivenBack();
    }

    @Test
    @DisplayName("S3's error answer to a GET is read and its buffers go back")
    void errorAnswer() {
        Throwable failure = Await.failure(stored.driver()
                .readStream("blobs/missing", 0, -1)
                .compose(Streams::collect)
                .map(Buffer::length));

        assertThat(failure).isInstanceOf(PathNotFoundException.class);
        stored.everyBufferGivenBack();
    }

    private static Vertx vertx() {
        return VERTX.get();
    }

    /** Pipes the whole blob from {@code from} into {@code client}, on an event loop as a request would. */
    private Future<Void> pipeInto(StorageDriver from, WriteStream<Buffer> client) {
        Promise<Void> piped = Promise.promise();
        context.runOnContext(ignored -> from.readStream(PATH, 0, -1)
                .compose(stream -> stream.pipeTo(client))
                .onComplete(piped));
        return piped.future();
    }

    /** The whole blob read from {@code from} by a reader on {@code context}. */
    private static Buffer readWhole(StorageDriver from, Context context) {
        Promise<Buffer> read = Promise.promise();
        context.runOnContext(ignored ->
                from.readStream(PATH, 0, -1).compose(Streams::collect).onComplete(read));
        return Await.result(read.future());
    }

    /** Waits until more buffers are out than the client holds: the rest wait, read from S3, in the paused response. */
    private void piecesQueueBehind(StalledClient client) {
        Await.until(
                "pieces from S3 queued behind the stalled client",
                () -> client.held() > 0 && S3ReadBuffers.inUse() > stored.inUseBefore() + client.held());
    }

    /** Serves GETs of {@link #PATH} from {@code from}, piped into the response as the registry's blob GET does. */
    private void serve(StorageDriver from) {
        server = Await.result(vertx().createHttpServer()
                .requestHandler(request -> pipes.add(stored.send(from, request, new Recording(request.response()))))
                .listen(0, "127.0.0.1"));
    }

    private static void isPooledDirect(Piece piece) {
        assertThat(piece.direct())
                .as("a piece written to the client is in direct memory")
                .isTrue();
        assertThat(piece.pooled())
                .as("a piece written to the client is the pooled buffer S3 was read into")
                .isTrue();
    }

    /** What a written piece was: in direct memory or on the heap, the pooled buffer S3 was read into or a copy. */
    private record Piece(boolean direct, boolean pooled) {
        static Piece of(Buffer written) {
            return new Piece(((BufferImpl) written).byteBuf().isDirect(), S3ReadBuffers.pooled(written) != null);
        }
    }

    /** The response, noting every piece written into it. */
    private final class Recording implements WriteStream<Buffer> {
        private final HttpServerResponse response;

        Recording(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public Future<Void> write(Buffer data) {
            written.add(Piece.of(data));
            return response.write(data);
        }

        @Override
        public Future<Void> end() {
            return response.end();
        }

        @Override
        public boolean writeQueueFull() {
            return response.writeQueueFull();
        }

        @Override
        public Recording drainHandler(Handler<Void> handler) {
            response.drainHandler(handler);
            return this;
        }

        @Override
        public Recording exceptionHandler(Handler<Throwable> handler) {
            response.exceptionHandler(handler);
            return this;
        }

        @Override
        public Recording setWriteQueueMaxSize(int maxSize) {
            response.setWriteQueueMaxSize(maxSize);
            return this;
        }
    }

    /**
     * A client that takes the first piece and then neither finishes a write nor drains, until it
     * leaves (every write it holds then fails, as writes to a closed connection do) or flows again
     * (they succeed, and so does every write after).
     */
    private final class StalledClient implements WriteStream<Buffer> {
        private final List<Promise<Void>> pending = new CopyOnWriteArrayList<>();
        private boolean flowing;
        private Handler<Void> drainHandler;

        int held() {
            return pending.size();
        }

        void leave() {
            context.runOnContext(ignored -> pending.forEach(write -> write.tryFail("the client left")));
        }

        void flow() {
            context.runOnContext(ignored -> {
                flowing = true;
                pending.forEach(Promise::tryComplete);
                if (drainHandler != null) {
                    drainHandler.handle(null);
                }
            });
        }

        @Override
        public Future<Void> write(Buffer data) {
            if (flowing) {
                return Future.succeededFuture();
            }
            Promise<Void> write = Promise.promise();
            pending.add(write);
            return write.future();
        }

        @Override
        public Future<Void> end() {
            return Future.succeededFuture();
        }

        @Override
        public boolean writeQueueFull() {
            return !flowing;
        }

        @Override
        public StalledClient drainHandler(Handler<Void> handler) {
            drainHandler = handler;
            return this;
        }

        @Override
        public StalledClient exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public StalledClient setWriteQueueMaxSize(int maxSize) {
            return this;
        }
    }
}
