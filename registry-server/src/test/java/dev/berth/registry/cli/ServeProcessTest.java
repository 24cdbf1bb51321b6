package dev.berth.registry.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

import static org.assertj.core.api.Assertions.assertThat;

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

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                        .version(HttpClient.Version.HTTP_1_1).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(root).isDirectory();

        assertThat(sigtermAndWait()).isEqualTo(SIGTERM_EXIT);
        List<String> output = output();
        assertThat(output).anyMatch(line -> line.contains("berth.access") && line.contains("\"GET /v2/ HTTP/1.1\" 200 2 "));
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
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited within 20 s").isTrue();
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitOk(URI uri) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("process alive; output so far: %s", output()).isTrue();
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
            assertThat(process.isAlive()).as("process alive; output so far: %s", output()).isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no 'listening on' line within 30 s; output: " + output());
    }
}
