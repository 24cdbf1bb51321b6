package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.ClientResponse;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.StorageException;
import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.TestContent;
import dev.berth.storage.testkit.VertxPerClass;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.s3.S3Relay;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On Netty's epoll transport, with plain connections on both sides, a blob GET's body goes from S3's
 * socket into the client's by splice(2): only what came with S3's headers passes through the JVM.
 * Served by a real Vert.x server that pipes the driver's stream into the registry's {@link
 * ClientResponse}, as the registry's blob GET does.
 */
@DisplayName("The splice of S3's answer to a blob GET")
class SocketSpliceTest {
    private static final int MIB = 1 << 20;
    private static final int SIZE = 24 * MIB;
    private static final String PATH = "blobs/spliced";

    @RegisterExtension
    static final VertxPerClass VERTX = new VertxPerClass(new VertxOptions().setPreferNativeTransport(true));

    private final Buffer content = TestContent.bytes(SIZE, 23);

    @RegisterExtension
    final StoredBlob stored = new StoredBlob(VERTX::get, "splice", PATH, content);

    /** Each GET's destination and what its pipe ended with. */
    private final List<Served> served = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        Prerequisites.require(
                vertx().isNativeTransportEnabled(),
                "Netty's epoll transport (" + vertx().unavailableNativeTransportCause() + ")");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            Await.result(server.close());
        }
    }

    @Test
    @DisplayName("a whole blob reaches the client intact, all but the first read's bytes spliced around the JVM")
    void wholeBlob() throws Exception {
        serve(stored.driver());

        try (RawGet get = RawGet.of(server.actualPort(), null)) {
            assertThat(get.contentLength()).isEqualTo(SIZE);
            assertThat(get.body().readAllBytes()).isEqualTo(content.getBytes());
        }

        Served get = served.getFirst();
        Await.result(get.piped());
        assertThat(get.destination().bytesSent()).as("bytes counted as sent").isEqualTo(SIZE);
        assertThat(get.destination().response().bytesWritten())
                .as("bytes that went through the JVM")
                .isLessThan(SIZE / 8);
        stored.everyBufferGivenBack();
    }

    @Test
    @DisplayName("a ranged GET gets exactly its range the same way")
    void rangedBlob() throws Exception {
        serve(stored.driver());
        int offset = 5 * MIB + 3;
        int length = 9 * MIB + 17;

        try (RawGet get = RawGet.of(server.actualPort(), offset + "-" + length)) {
            assertThat(get.contentLength()).isEqualTo(length);
            assertThat(get.body().readAllBytes())
                    .isEqualTo(Arrays.copyOfRange(content.getBytes(), offset, offset + length));
        }

        Served get = served.getFirst();
        Await.result(get.piped());
        assertThat(get.destination().bytesSent()).isEqualTo(length);
        assertThat(get.destination().response().bytesWritten()).isLessThan(length);
        stored.everyBufferGivenBack();
    }

    @Test
    @DisplayName("the client's connection carries its next GET after a spliced one")
    void keepAlive() throws Exception {
        serve(stored.driver());

        try (RawGet first = RawGet.of(server.actualPort(), null)) {
            assertThat(first.body().readAllBytes()).isEqualTo(content.getBytes());
            RawGet second = first.again("7-" + MIB);
            assertThat(second.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(content.getBytes(), 7, 7 + MIB));
        }

        assertThat(served).hasSize(2);
        for (Served get : served) {
            Await.result(get.piped());
        }
        assertThat(served.get(0).connection()).isSameAs(served.get(1).connection());
        stored.everyBufferGivenBack();
    }

    @Test
    @DisplayName("S3 breaking off mid-splice cuts the client short, never a clean end, with a storage failure")
    void s3BreaksOff() throws Exception {
        try (S3Relay relay = stored.newRelay()) {
            StorageDriver through = stored.through(relay);
            serve(through);
            long received;
            try (RawGet get = RawGet.of(server.actualPort(), null)) {
                received = get.body().readNBytes(2 * MIB).length;
                relay.cut();
                received += get.readToCut();
            }

            assertThat(received).as("bytes the client received").isLessThan(SIZE);
            assertThat(Await.failure(served.getFirst().piped()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(PATH);
            stored.everyBufferGivenBack();
        }
    }

    @Test
    @DisplayName("a client that leaves mid-splice fails it, and S3's connection is closed rather than read to its end")
    void clientLeaves() throws Exception {
        try (S3Relay relay = stored.newRelay()) {
            StorageDriver through = stored.through(relay);
            serve(through);

            try (RawGet get = RawGet.of(server.actualPort(), null)) {
                assertThat(get.body().readNBytes(2 * MIB)).hasSize(2 * MIB);
            }

            Await.failure(served.getFirst().piped());
            Await.until("the S3 connection closed", () -> relay.openSockets() == 0);
            assertThat(relay.bytesFromServer()).as("bytes S3 sent").isLessThan(SIZE);
            stored.everyBufferGivenBack();
        }
    }

    private static Vertx vertx() {
        return VERTX.get();
    }

    /** Serves GETs of {@link #PATH} from {@code from}, piped into a {@link ClientResponse} as the registry's blob GET does. */
    private void serve(StorageDriver from) {
        server = Await.result(vertx().createHttpServer()
                .requestHandler(request -> send(from, request))
                .listen(0, "127.0.0.1"));
    }

    private void send(StorageDriver from, HttpServerRequest request) {
        ClientResponse destination = new ClientResponse(request);
        served.add(new Served(destination, request.connection(), stored.send(from, request, destination)));
    }

    private record Served(ClientResponse destination, Object connection, Future<Void> piped) {}
}
