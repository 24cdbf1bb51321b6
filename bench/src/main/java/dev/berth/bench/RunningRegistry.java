package dev.berth.bench;

import dev.berth.testkit.process.FreePort;
import dev.berth.testkit.process.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A registry process started for one round: its address, how long it took to serve (from launch
 * to the first 200 on /v2/), and its memory.
 */
record RunningRegistry(ServerProcess server, URI url, long startupMillis) implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** Set on these machines for other programs; Go's AWS SDK in registry:2 trips over it. */
    private static final Set<String> UNSET = Set.of("AWS_CA_BUNDLE");

    /** Starts the registry and waits for its first 200 on /v2/; the wait is its startup time. */
    static RunningRegistry start(Contender contender, Tools tools, Storage storage, Path workDir) throws IOException {
        int port = FreePort.pick();
        return launch(
                contender.label,
                port,
                contender.command(tools, port, storage, workDir),
                contender.environment(storage),
                workDir.resolve(contender.name().toLowerCase() + ".log"));
    }

    /** Starts {@code command}, which serves on loopback at {@code port}, and waits for its first 200 on /v2/. */
    static RunningRegistry launch(
            String label, int port, List<String> command, Map<String, String> environment, Path log) {
        URI url = URI.create("http://127.0.0.1:" + port);
        long started = System.nanoTime();
        ServerProcess server = ServerProcess.launch(label, command, environment, UNSET, log);
        server.awaitOk(url.resolve("/v2/"), READY_TIMEOUT);
        return new RunningRegistry(server, url, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
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
