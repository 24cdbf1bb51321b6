package dev.berth.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A registry process started for one round: its address, how long it took to serve, and its memory. */
final class RunningRegistry implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(5);

    private final Process process;
    private final URI url;
    private final long startupMillis;

    private RunningRegistry(Process process, URI url, long startupMillis) {
        this.process = process;
        this.url = url;
        this.startupMillis = startupMillis;
    }

    /** Starts the registry and waits for its first 200 on /v2/; the wait is its startup time. */
    static RunningRegistry start(Contender contender, Tools tools, Storage storage, Path workDir) throws IOException, InterruptedException {
        int port = freePort();
        Path log = workDir.resolve(contender.name().toLowerCase() + ".log");
        ProcessBuilder builder = new ProcessBuilder(contender.command(tools, port, storage, workDir))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(contender.environment(storage));
        // Set on these machines for other programs; Go's AWS SDK in registry:2 trips over it.
        builder.environment().remove("AWS_CA_BUNDLE");
        long started = System.nanoTime();
        Process process = builder.start();
        URI url = URI.create("http://127.0.0.1:" + port);
        awaitReady(process, url, log);
        return new RunningRegistry(process, url, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    URI url() {
        return url;
    }

    long startupMillis() {
        return startupMillis;
    }

    /** The process's peak resident set so far (VmHWM), in MiB. */
    double peakRssMib() throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"));
        return status.stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0)
                .findFirst()
                .orElseThrow(() -> new IOException("no VmHWM for process " + process.pid()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void awaitReady(Process process, URI url, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(url.resolve("/v2/")).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the registry exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // expected until the port opens
            }
            Thread.sleep(POLL.toMillis());
        }
        process.destroyForcibly();
        throw new IOException("the registry did not answer /v2/ within " + READY_TIMEOUT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
