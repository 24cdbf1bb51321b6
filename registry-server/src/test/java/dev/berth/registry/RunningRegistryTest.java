package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.config.ListenAddress;
import dev.berth.storage.fs.FsStorageDriver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Stopping a running registry")
class RunningRegistryTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Lets a request in flight finish, then refuses new connections")
    void drainsInFlightRequests() throws Exception {
        Vertx vertx = Vertx.vertx();
        CountDownLatch arrived = new CountDownLatch(1);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            arrived.countDown();
            vertx.setTimer(500, t -> request.response().end("finished"));
        });
        int port = server.listen(0, "127.0.0.1").await().actualPort();
        RunningRegistry running = new RunningRegistry(
                vertx, List.of(server), new FsStorageDriver(vertx, dir), new ListenAddress("127.0.0.1", port), 0);

        // HTTP/1.1 as docker and containerd speak it; JDK 17's client fails HTTP/2 streams on GOAWAY.
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
                                .version(HttpClient.Version.HTTP_1_1)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(running.stop(Duration.ofSeconds(5))).isTrue();

        HttpResponse<String> response = inFlight.get(1, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(running.stop(Duration.ofSeconds(5))).as("a second stop").isTrue();
    }

    @Test
    @DisplayName("Cuts requests that outlast the grace period and still stops")
    void graceRunsOut() throws IOException, InterruptedException {
        Vertx vertx = Vertx.vertx();
        CountDownLatch arrived = new CountDownLatch(1);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> arrived.countDown());
        int port = server.listen(0, "127.0.0.1").await().actualPort();
        RunningRegistry running = new RunningRegistry(
                vertx, List.of(server), new FsStorageDriver(vertx, dir), new ListenAddress("127.0.0.1", port), 0);

        CompletableFuture<HttpResponse<String>> neverAnswered = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stuck"))
                                .version(HttpClient.Version.HTTP_1_1)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        running.stop(Duration.ofMillis(300));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(neverAnswered).failsWithin(Duration.ofSeconds(2));
    }
}
