package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The access log")
class AccessLogTest {
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Vertx vertx;
    private CapturedLog log;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        log = CapturedLog.of(AccessLog.LOGGER_NAME);
    }

    @AfterEach
    void tearDown() {
        log.close();
        vertx.close().await();
    }

    @Test
    @DisplayName("Writes remote host, request line with query, status, bytes sent and duration")
    void oneLine() throws Exception {
        int port = serve(request -> request.response().setStatusCode(202).end("hello"));

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/repo/tags/list?n=10&last=a"))
                        .version(HttpClient.Version.HTTP_1_1)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(log.awaitLines(1))
                .singleElement()
                .asString()
                .matches("127\\.0\\.0\\.1 \"GET /v2/repo/tags/list\\?n=10&last=a HTTP/1\\.1\" 202 5 \\d+ms");
    }

    @Test
    @DisplayName("Counts the bytes of a file sent with sendFile")
    void sendFile() throws Exception {
        Path file = Files.write(dir.resolve("blob"), new byte[100_000]);
        int port = serve(request -> request.response().sendFile(file.toString()));

        client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/blob"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(log.awaitLines(1)).singleElement().asString().contains("\" 200 100000 ");
    }

    @Test
    @DisplayName("Writes one line per request on a kept-alive connection")
    void keepAlive() throws Exception {
        int port = serve(request -> request.response().end());
        URI uri = URI.create("http://127.0.0.1:" + port + "/v2/");

        for (int i = 0; i < 3; i++) {
            client.send(
                    HttpRequest.newBuilder(uri)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        Thread.sleep(200);
        assertThat(log.awaitLines(3)).hasSize(3).allMatch(line -> line.contains("\"GET /v2/ HTTP/1.1\" 200 0 "));
    }

    @Test
    @DisplayName("Marks a request whose client left before the response ended as aborted, once")
    void aborted() throws Exception {
        int port = serve(request -> request.response().setChunked(true).write("partial"));

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /slow HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().read();
        }

        List<String> lines = log.awaitLines(1);
        Thread.sleep(200);
        assertThat(log.awaitLines(1)).hasSize(1);
        assertThat(lines).singleElement().asString().matches(".*\"GET /slow HTTP/1\\.1\" 200 \\d+ \\d+ms aborted");
    }

    private int serve(Handler<HttpServerRequest> handler) throws IOException {
        Router router = Router.router(vertx);
        router.route().handler(new AccessLog());
        router.route().handler(ctx -> handler.handle(ctx.request()));
        HttpServer server = vertx.createHttpServer().requestHandler(router);
        return server.listen(0, "127.0.0.1").await().actualPort();
    }
}
