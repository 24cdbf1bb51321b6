package dev.berth.bench;

import dev.berth.testkit.process.FreePort;
import dev.berth.testkit.process.ServerProcess;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A registry process started for one round: its address, how long it took to serve (from launch
 * to the first 200 on /v2/), its memory, and what it said at start.
 *
 * @param logOffset where this process's lines begin in its log, which earlier rounds' processes
 *     of the same name appended to
 */
record RunningRegistry(ServerProcess server, URI url, long startupMillis, long logOffset) implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** Berth logs its engine right after it starts listening, so it may come just after the first 200. */
    private static final Duration ENGINE_LINE_WAIT = Duration.ofSeconds(10);
    /** What berth-registry logs at start before the name of the SHA-256 engine it hashes uploads with. */
    static final String ENGINE_MARKER = "uploads are hashed with ";
    /** Set on these machines for other programs; Go's AWS SDK in registry:2 trips over it. */
    private static final Set<String> UNSET = Set.of("AWS_CA_BUNDLE");

    /** Starts the registry and waits for its first 200 on /v2/; the wait is its startup time. */
    static RunningRegistry start(Contender contender, Tools tools, Storage storage, Path workDir) throws IOException {
        return start(contender, tools, storage, workDir, Optional.empty(), "", Map.of());
    }

    /** The same as a pull-through cache of {@code mirrorOf}. */
    static RunningRegistry start(
            Contender contender, Tools tools, Storage storage, Path workDir, Optional<URI> mirrorOf)
            throws IOException {
        return start(contender, tools, storage, workDir, mirrorOf, "", Map.of());
    }

    /**
     * One of several instances started in a round, with a log of its own.
     *
     * @param instance what sets it apart, in its log's name ("replica-2", "jdk-sha256")
     * @param extraEnvironment set on top of the contender's own environment
     */
    static RunningRegistry start(
            Contender contender,
            Tools tools,
            Storage storage,
            Path workDir,
            String instance,
            Map<String, String> extraEnvironment)
            throws IOException {
        return start(contender, tools, storage, workDir, Optional.empty(), instance, extraEnvironment);
    }

    private static RunningRegistry start(
            Contender contender,
            Tools tools,
            Storage storage,
            Path workDir,
            Optional<URI> mirrorOf,
            String instance,
            Map<String, String> extraEnvironment)
            throws IOException {
        int port = FreePort.pick();
        Map<String, String> environment = new HashMap<>(contender.environment(storage, mirrorOf));
        environment.putAll(extraEnvironment);
        String name = contender.name().toLowerCase() + (instance.isEmpty() ? "" : "-" + instance);
        return launch(
                contender.label,
                port,
                contender.command(tools, port, storage, workDir, mirrorOf),
                environment,
                workDir.resolve(name + ".log"));
    }

    /** Starts {@code command}, which serves on loopback at {@code port}, and waits for its first 200 on /v2/. */
    static RunningRegistry launch(
            String label, int port, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        URI url = URI.create("http://127.0.0.1:" + port);
        long logOffset = Files.exists(log) ? Files.size(log) : 0;
        long started = System.nanoTime();
        ServerProcess server = ServerProcess.launch(label, command, environment, UNSET, log);
        server.awaitOk(url.resolve("/v2/"), READY_TIMEOUT);
        return new RunningRegistry(server, url, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logOffset);
    }

    /** The SHA-256 engine berth-registry said at start it hashes uploads with, as it said it. */
    String sha256Engine() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ENGINE_LINE_WAIT.toNanos();
        while (true) {
            Optional<String> engine = sha256Engine(ownLog());
            if (engine.isPresent()) {
                return engine.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("berth-registry did not say which SHA-256 engine it uses; its log "
                        + server.logFile() + " ends with:\n" + server.logTail());
            }
            Thread.sleep(50);
        }
    }

    /** The engine named by the last start-up line in {@code log} that names one. */
    static Optional<String> sha256Engine(String log) {
        int at = log.lastIndexOf(ENGINE_MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = log.substring(at + ENGINE_MARKER.length());
        int end = rest.indexOf('\n');
        return Optional.of((end < 0 ? rest : rest.substring(0, end)).strip());
    }

    private String ownLog() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(server.logFile().toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - logOffset)];
            file.seek(logOffset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The process's peak resident set so far (VmHWM), in MiB. */
    double peakRssMib() {
        return server.peakResidentBytes() / (1024.0 * 1024.0);
    }

    long pid() {
        return server.pid();
    }

    @Override
    public void close() {
        server.terminate(STOP_GRACE);
    }
}
