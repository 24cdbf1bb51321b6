package dev.berth.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs berth-registry as its own process, as an operator or a container runtime would. */
@DisplayName("berth-registry serve as a process")
class ServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+),");
    private static final int SIGTERM_EXIT = 128 + 15;

    @TempDir
    Path dir;

    private Process process;
    private Path outputFile;

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    @DisplayName("Serves /v2/, logs the request, and on SIGTERM logs 'stopped' and exits 143")
    void serveAndStopOnSigterm() throws Exception {
        Path root = dir.resolve("data");
        start("serve", "--listen", "127.0.0.1:0", "--storage", "fs:" + root);
        int port = awaitPort();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                                .version(HttpClient.Version.HTTP_1_1)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(root).isDirectory();

        assertThat(sigtermAndWait()).isEqualTo(SIGTERM_EXIT);
        List<String> output = output();
        assertThat(output)
                .anyMatch(line -> line.contains("berth.access") && line.contains("\"GET /v2/ HTTP/1.1\" 200 2 "));
        assertThat(output.get(output.size() - 1)).endsWith(" - stopped");
    }

    @Test
    @DisplayName("Takes log.level from the environment; at warn the access log still writes")
    void logLevelFromEnvironment() throws Exception {
        int port = freePort();
        start(List.of("BERTH_LOG_LEVEL=warn"), "serve", "--listen", "127.0.0.1:" + port, "--storage", "fs:" + dir);
        awaitOk(URI.create("http://127.0.0.1:" + port + "/v2/"));

        assertThat(sigtermAndWait()).isEqualTo(SIGTERM_EXIT);
        List<String> output = output();
        assertThat(output).anyMatch(line -> line.contains("berth.access"));
        assertThat(output).noneMatch(line -> line.contains("listening on") || line.contains("stopped"));
    }

    @Test
    @DisplayName(
            "On SIGTERM refuses new connections, lets a slow upload in flight finish within http.shutdownTimeout, then exits 143")
    void gracefulShutdown() throws Exception {
        int port = freePort();
        start(
                List.of("BERTH_HTTP_SHUTDOWNTIMEOUT=20s"),
                "serve",
                "--listen",
                "127.0.0.1:" + port,
                "--storage",
                "fs:" + dir);
        awaitOk(URI.create("http://127.0.0.1:" + port + "/v2/"));
        HttpResponse<Void> session = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/app/blobs/uploads/"))
                                .version(HttpClient.Version.HTTP_1_1)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        String location = session.headers().firstValue("Location").orElseThrow();

        try (Socket upload = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = upload.getOutputStream();
            InputStream in = upload.getInputStream();
            out.write(
                    ("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                                    + "Content-Length: 10\r\nExpect: 100-continue\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server answers "100 Continue" once it handles the request: from then on the request is
            // in flight. A fixed pause instead let a loaded machine deliver SIGTERM before the server
            // had read the request, which then found an idle connection and rightly closed it.
            assertThat(responseHead(in)).startsWith("HTTP/1.1 100");
            out.write("half ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            process.destroy();
            awaitRefused(port);

            out.write("done!".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(responseHead(in))
                    .as("response to the upload; server output: %s", output())
                    .startsWith("HTTP/1.1 202");
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS))
                .as("exited within 20 s")
                .isTrue();
        assertThat(process.exitValue()).isEqualTo(SIGTERM_EXIT);
        assertThat(output()).anyMatch(line -> line.contains("requests in flight have up to 20000 ms"));
        assertThat(output().get(output().size() - 1)).endsWith(" - stopped");
    }

    /** Reads one response's status line and headers, up to the blank line that ends them. */
    private static String responseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            if (next < 0) {
                throw new AssertionError("connection closed after " + head.length() + " bytes of a response: " + head);
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private void start(String... args) throws IOException {
        start(List.of(), args);
    }

    private void start(List<String> environment, String... args) throws IOException {
        outputFile = dir.resolve("output.txt");
        process = RegistryProcesses.start(outputFile, environment, args);
    }

    /** Sends SIGTERM (what Process.destroy does on Unix) and returns the exit code. */
    private int sigtermAndWait() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS))
                .as("exited within 20 s")
                .isTrue();
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitOk(URI uri) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request =
                HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive())
                    .as("process alive; output so far: %s", output())
                    .isTrue();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no 200 from " + uri + " within 30 s; output: " + output());
    }

    /** Waits until the server, stopping, no longer accepts connections on {@code port}. */
    private void awaitRefused(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new AssertionError("still accepting connections 10 s after SIGTERM; output: " + output());
    }

    private List<String> output() throws IOException {
        return Files.readAllLines(outputFile, StandardCharsets.UTF_8);
    }

    private int awaitPort() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : output()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
            assertThat(process.isAlive())
                    .as("process alive; output so far: %s", output())
                    .isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no 'listening on' line within 30 s; output: " + output());
    }
}
