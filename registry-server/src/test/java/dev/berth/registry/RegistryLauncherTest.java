package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.config.ListenAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The registry launcher")
class RegistryLauncherTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private InProcessBerth running;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    @DisplayName("Creates the storage directory, listens on the port it got and answers /v2/ with 200")
    void starts() throws Exception {
        Path root = dir.resolve("not/yet/there");
        running = InProcessBerth.launch(settings(new ListenAddress("127.0.0.1", 0), root, true));

        assertThat(running.port()).isPositive();
        assertThat(root).isDirectory();
        assertThat(get("/v2/").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Keeps plain-HTTP clients on HTTP/1.1 when they offer an h2c upgrade, as registry:2 does")
    void noCleartextHttp2() throws Exception {
        running = InProcessBerth.launch(settings(new ListenAddress("127.0.0.1", 0), dir, true));

        try (Socket socket = new Socket("127.0.0.1", running.port())) {
            String statusLine = statusLine(
                    socket,
                    "GET /v2/ HTTP/1.1\r\nHost: test\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                            + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n");

            assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    @DisplayName("Accepts request lines of 12 KiB, longer than Vert.x's default of 4 KiB")
    void longRequestLine() throws Exception {
        running = InProcessBerth.launch(settings(new ListenAddress("127.0.0.1", 0), dir, true));

        assertThat(get("/v2/?q=" + "a".repeat(12 * 1024)).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Logs each request to the access log when log.accesslog is on")
    void accessLogOn() throws Exception {
        try (CapturedLog log = CapturedLog.of(AccessLog.LOGGER_NAME)) {
            running = InProcessBerth.launch(settings(new ListenAddress("127.0.0.1", 0), dir, true));

            get("/v2/?probe=1");

            assertThat(log.awaitLines(1)).singleElement().asString().contains("\"GET /v2/?probe=1 HTTP/1.1\" 200 2 ");
        }
    }

    @Test
    @DisplayName("Logs no requests when log.accesslog is off")
    void accessLogOff() throws Exception {
        try (CapturedLog log = CapturedLog.of(AccessLog.LOGGER_NAME)) {
            running = InProcessBerth.launch(settings(new ListenAddress("127.0.0.1", 0), dir, false));

            get("/v2/");

            Thread.sleep(200);
            assertThat(log.awaitLines(0)).isEmpty();
        }
    }

    @Test
    @DisplayName("Serves connections on each of its http.eventLoops event loops, in turn, on one port")
    void everyEventLoopServes() throws Exception {
        try (CapturedLog log = CapturedLog.of(AccessLog.LOGGER_NAME)) {
            Map<String, String> settings = new HashMap<>(settings(new ListenAddress("127.0.0.1", 0), dir, true));
            settings.put("BERTH_HTTP_EVENTLOOPS", "3");
            running = InProcessBerth.launch(settings);

            for (int connection = 0; connection < 6; connection++) {
                try (Socket socket = new Socket("127.0.0.1", running.port())) {
                    assertThat(statusLine(socket, "GET /v2/ HTTP/1.1\r\nHost: test\r\n\r\n"))
                            .isEqualTo("HTTP/1.1 200 OK");
                }
            }

            log.awaitLines(6);
            assertThat(Set.copyOf(log.threads()))
                    .hasSize(3)
                    .allSatisfy(thread -> assertThat(thread).startsWith("vert.x-eventloop-thread-"));
        }
    }

    @Test
    @DisplayName("Puts every event loop on the one port asked for, not only on random ones")
    void eventLoopsShareAFixedPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(settings(new ListenAddress("127.0.0.1", port), dir, true));
        settings.put("BERTH_HTTP_EVENTLOOPS", "2");
        running = InProcessBerth.launch(settings);

        assertThat(running.port()).isEqualTo(port);
        for (int connection = 0; connection < 4; connection++) {
            assertThat(get("/v2/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("Fails with the address when the port is taken")
    void portTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ListenAddress address = new ListenAddress("127.0.0.1", taken.getLocalPort());

            assertThatThrownBy(() -> InProcessBerth.launch(settings(address, dir, true)))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageStartingWith("cannot listen on " + address + ":")
                    .hasMessageContaining("Address already in use");
        }
    }

    @Test
    @DisplayName("Fails with the directory when the storage directory cannot be created")
    void storageDirectoryBlocked() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> InProcessBerth.launch(settings(new ListenAddress("127.0.0.1", 0), file, true)))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("cannot create the storage directory " + file);
    }

    private static String statusLine(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + running.port() + pathAndQuery);
        return client.send(
                HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> settings(ListenAddress listen, Path root, boolean accessLog) {
        return Map.of(
                "BERTH_HTTP_LISTEN",
                listen.toString(),
                "BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY",
                root.toString(),
                "BERTH_LOG_ACCESSLOG",
                String.valueOf(accessLog));
    }
}
