package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.storage.testkit.Await;
import dev.berth.storage.testkit.VertxPerClass;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The warm-up of blob GETs at start: the driver's own reader and relay carry a loopback body into
 * a server of the registry's kind, GET after GET, until the bytes asked for went through; nothing
 * is left behind, neither a pooled buffer nor a listening socket.
 */
@DisplayName("The warm-up of blob GETs")
class RelayWarmUpTest {
    private static final int MIB = 1 << 20;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @RegisterExtension
    static final VertxPerClass VERTX = new VertxPerClass();

    private S3Settings settings;
    private S3AsyncClient client;
    private S3ObjectReader reader;
    /** What the relaying server saw. */
    private final AtomicInteger connections = new AtomicInteger();

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong relayedBodies = new AtomicLong();
    private HttpServer relayServer;

    @BeforeEach
    void bucket() throws Exception {
        settings = S3TestClients.newBucket("warm-up");
        client = S3TestClients.client(settings);
        reader = new S3ObjectReader(vertx(), new S3Signing(vertx(), client, settings.bucket()));
    }

    @AfterEach
    void closeReader() {
        Await.result(reader.close());
        client.close();
    }

    @Test
    @DisplayName(
            "relays the bytes asked for in GETs of its body size, each on a connection of its own, and gives every pooled buffer back")
    void relaysTheBytesAskedFor() {
        long inUseBefore = S3ReadBuffers.inUse();
        RelayWarmUp warmUp = new RelayWarmUp(vertx(), reader, this::listen, false, MIB);

        long relayed = Await.result(warmUp.run(4L * MIB + 1, MINUTE));

        assertThat(relayed)
                .as("whole bodies, until the bytes asked for are there")
                .isEqualTo(5L * MIB);
        assertThat(requests).as("GETs").hasValue(5);
        assertThat(connections)
                .as("a connection per GET, so that a registry's servers take them in turn")
                .hasValue(5);
        assertThat(relayedBodies).as("what the relay wrote into its responses").hasValue(5L * MIB);
        Await.until("every pooled buffer is back", () -> S3ReadBuffers.inUse() == inUseBefore);
        assertThat(portIsFree(relayServer.actualPort()))
                .as("the relaying server is closed once the warm-up is over")
                .isTrue();
    }

    @Test
    @DisplayName("asked for less than a body, relays one body of that size")
    void smallWarmUp() {
        RelayWarmUp warmUp = new RelayWarmUp(vertx(), reader, this::listen, false, MIB);

        assertThat(Await.result(warmUp.run(1000, MINUTE))).isEqualTo(1000);
        assertThat(requests).hasValue(1);
    }

    @Test
    @DisplayName("gives up once its time is up, cutting the GET in flight, and leaves nothing listening nor in use")
    void givesUpInTime() {
        long inUseBefore = S3ReadBuffers.inUse();
        RelayWarmUp warmUp = new RelayWarmUp(vertx(), reader, this::listen, false, 64 * MIB);

        assertThatThrownBy(() -> Await.result(warmUp.run(1L << 40, Duration.ofMillis(300))))
                .hasMessageContaining("the warm-up took longer than");
        Await.until("every pooled buffer is back", () -> S3ReadBuffers.inUse() == inUseBefore);
        assertThat(portIsFree(relayServer.actualPort()))
                .as("the relaying server is closed")
                .isTrue();
    }

    @Test
    @DisplayName("fails, saying why, when the relaying server cannot start")
    void serverThatCannotStart() {
        RelayWarmUp warmUp = new RelayWarmUp(vertx(), reader, relay -> Future.failedFuture("port taken"), false, MIB);

        assertThatThrownBy(() -> Await.result(warmUp.run(MIB, MINUTE))).hasMessageContaining("port taken");
    }

    @Test
    @DisplayName("with blob GETs redirected to S3 there is nothing to warm, and with 0 bytes none is wanted")
    void nothingToWarm() {
        Function<Handler<HttpServerRequest>, Future<List<HttpServer>>> never = relay -> {
            throw new AssertionError("no relaying server should start");
        };
        S3StorageDriver redirecting = new S3StorageDriver(vertx(), S3TestClients.client(settings), settings, true);
        S3StorageDriver streaming = S3TestClients.driver(vertx(), settings);
        try {
            assertThat(Await.result(redirecting.warmUp(never, false, MIB, MINUTE)))
                    .isZero();
            assertThat(Await.result(streaming.warmUp(never, false, 0, MINUTE))).isZero();
        } finally {
            Await.result(redirecting.close());
            Await.result(streaming.close());
        }
    }

    /** A plain server standing for the registry's, counting what it relays. */
    private Future<List<HttpServer>> listen(Handler<HttpServerRequest> relay) {
        relayServer = vertx().createHttpServer()
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(request -> {
                    requests.incrementAndGet();
                    relay.handle(request);
                    request.response()
                            .bodyEndHandler(ended ->
                                    relayedBodies.addAndGet(request.response().bytesWritten()));
                });
        return relayServer.listen(0, "127.0.0.1").map(List::of);
    }

    /**
     * Whether nothing listens on {@code port} any more: binding it succeeds. (Connecting to it would
     * not tell: with no listener, a connection from an ephemeral port that happens to be the same
     * one connects to itself.)
     */
    private static boolean portIsFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Vertx vertx() {
        return VERTX.get();
    }
}
