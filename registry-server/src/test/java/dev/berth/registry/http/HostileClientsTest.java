package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RawHttp;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Clients that bend HTTP/1.1: ambiguous framing, malformed heads, slow heads, too many connections, unread bodies. */
@DisplayName("Hostile HTTP clients")
class HostileClientsTest {
    private static final int MAX_CONNECTIONS = 4;

    @TempDir
    static Path dir;

    private static InProcessBerth registry;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        registry = InProcessBerth.start(
                dir,
                Map.of(
                        "BERTH_HTTP_HEADERTIMEOUT",
                        "1s",
                        "BERTH_HTTP_MAXCONNECTIONSPERCLIENT",
                        String.valueOf(MAX_CONNECTIONS)));
        port = registry.port();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    @DisplayName(
            "Content-Length and Transfer-Encoding together: 400, the connection closed, the bytes after the body never served")
    void smuggling() throws IOException {
        try (Socket socket = socket()) {
            write(
                    socket,
                    "POST /v2/a/blobs/uploads/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n");

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(400);
            assertIsSpecError(response);
            assertThat(socket.getInputStream().read()).as("a second response").isEqualTo(-1);
        }
    }

    @Test
    @DisplayName(
            "a transfer coding other than chunked: 501, and the connection closed rather than its body read as a request")
    void unknownTransferCoding() throws IOException {
        try (Socket socket = socket()) {
            write(
                    socket,
                    "POST /v2/a/blobs/uploads/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n"
                            + "GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n");

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(501);
            assertIsSpecError(response);
            assertThat(socket.getInputStream().read()).as("a second response").isEqualTo(-1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "two different Content-Lengths | 400 | GET /v2/ HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nab",
                "a Content-Length that is no number | 400 | GET /v2/ HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\n\\r\\n",
                "a line ending in a bare LF | 400 | GET /v2/ HTTP/1.1\\nHost: x\\r\\n\\r\\n",
                "a request line of 20 KiB | 414 | GET /v2/LONG HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
                "headers of 20 KiB | 431 | GET /v2/ HTTP/1.1\\r\\nHost: x\\r\\nX-Big: HUGE\\r\\n\\r\\n"
            })
    @DisplayName("a request the decoder cannot read gets the spec's JSON error and a closed connection")
    void undecodable(String what, int status, String request) throws IOException {
        String raw = request.replace("\\r", "\r")
                .replace("\\n", "\n")
                .replace("LONG", "a".repeat(20 * 1024))
                .replace("HUGE", "b".repeat(20 * 1024));
        try (Socket socket = socket()) {
            write(socket, raw);

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(status);
            assertIsSpecError(response);
            assertThat(response.closesConnection()).isTrue();
        }
    }

    @Test
    @DisplayName("a client that writes a whole 5 MiB manifest before reading gets the 413")
    void refusedBodyDrained() throws Exception {
        byte[] manifest = new byte[5 * 1024 * 1024];
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(
                            ("PUT /v2/a/manifests/big HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\n"
                                            + "Content-Length: " + manifest.length + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.write(manifest);
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException("the registry stopped reading the body", e);
                }
            });
            writer.get(30, TimeUnit.SECONDS);

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(413);
            assertIsSpecError(response);
        }
    }

    @Test
    @DisplayName("a client that sends its request head slower than the header timeout loses the connection")
    void slowHead() throws IOException {
        try (Socket socket = socket()) {
            write(socket, "GET /v2/ HT");
            // Nothing more: the registry closes after http.headerTimeout (1s here), well before the idle timeout.
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    @DisplayName("a client over its connection limit gets 429 TOOMANYREQUESTS; other connections carry on")
    void tooManyConnections() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                Socket socket = socket();
                held.add(socket);
                // Answered, so the server has counted it: connections are set up on every event loop
                // at once, and one accepted later could otherwise be counted before this one.
                write(socket, "GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            }
            try (Socket extra = socket()) {
                write(extra, "GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n");

                RawHttp.Response response = RawHttp.read(extra.getInputStream());

                assertThat(response.status()).isEqualTo(429);
                assertThat(response.body()).contains("TOOMANYREQUESTS", "connections open");
            }
            write(held.get(0), "GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(RawHttp.read(held.get(0).getInputStream()).status()).isEqualTo(200);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static void assertIsSpecError(RawHttp.Response response) {
        assertThat(response.head()).containsIgnoringCase("content-type: application/json");
        assertThat(new JsonObject(response.body())
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("code"))
                .isNotBlank();
    }
}
