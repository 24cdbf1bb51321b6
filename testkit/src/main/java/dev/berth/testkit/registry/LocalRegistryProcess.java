package dev.berth.testkit.registry;

import dev.berth.testkit.process.FreePort;
import dev.berth.testkit.process.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntFunction;

/** What every registry the tests start has in common: a port on 127.0.0.1, a data directory, a process. */
abstract class LocalRegistryProcess implements RegistryProcess {

    private static final int START_ATTEMPTS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final RegistryKind kind;
    private final int port;
    private final Path dataDir;
    private final ServerProcess server;
    private final Duration stopGrace;

    LocalRegistryProcess(RegistryKind kind, int port, Path dataDir, ServerProcess server, Duration stopGrace) {
        this.kind = kind;
        this.port = port;
        this.dataDir = dataDir;
        this.server = server;
        this.stopGrace = stopGrace;
    }

    /**
     * Launches on a port that was free a moment ago and waits for {@code GET /v2/} to answer
     * 200. If the process dies first (another process took the port in between), it tries
     * again on a new port.
     */
    static <T extends LocalRegistryProcess> T startOnFreePort(IntFunction<T> launchOnPort) {
        ServerProcess.ExitedEarly lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            T registry = launchOnPort.apply(FreePort.pick());
            try {
                registry.awaitReady();
                return registry;
            } catch (ServerProcess.ExitedEarly e) {
                lastFailure = e;
            }
        }
        throw new AssertionError("the registry did not start in " + START_ATTEMPTS + " attempts", lastFailure);
    }

    /** Where the process's output goes. */
    final Path logFile() {
        return server.logFile();
    }

    final void awaitReady() {
        server.awaitOk(baseUrl().resolve("/v2/"), START_TIMEOUT);
    }

    @Override
    public RegistryKind kind() {
        return kind;
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://" + hostPort());
    }

    @Override
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void stop() {
        if (!server.terminate(stopGrace)) {
            throw new AssertionError(kind + " registry did not exit within " + stopGrace.toSeconds()
                    + " s of SIGTERM (it was killed); its log " + server.logFile() + " ends with:\n"
                    + server.logTail());
        }
    }

    @Override
    public void kill() {
        server.kill();
    }

    @Override
    public long peakResidentBytes() {
        return server.peakResidentBytes();
    }

    @Override
    public void close() {
        if (server.isAlive()) {
            server.terminate(stopGrace);
        }
    }

    @Override
    public String toString() {
        return kind + " registry at " + hostPort() + " on " + dataDir;
    }
}
