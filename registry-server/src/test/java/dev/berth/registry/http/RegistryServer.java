package dev.berth.registry.http;

import dev.berth.registry.LaunchException;
import dev.berth.registry.RegistryLauncher;
import dev.berth.registry.RunningRegistry;
import dev.berth.registry.config.DeleteConfig;
import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.GcConfig;
import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.LogConfig;
import dev.berth.registry.config.LogLevel;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.StorageConfig;
import dev.berth.registry.config.UploadsConfig;
import dev.berth.testkit.api.RegistryClient;
import io.vertx.core.Future;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The registry in process, started the way {@code berth-registry serve} starts it (same server
 * options), over the filesystem driver in a directory, on a free port.
 */
final class RegistryServer implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;

    private final RunningRegistry running;
    private final Path dataDir;

    private RegistryServer(RunningRegistry running, Path dataDir) {
        this.running = running;
        this.dataDir = dataDir;
    }

    static RegistryServer start(Path dataDir, boolean deleteEnabled) {
        return start(new FilesystemStorageConfig(dataDir), dataDir, deleteEnabled);
    }

    /** A registry over other storage; {@code dataDir} is only for tests that look into a filesystem. */
    static RegistryServer start(StorageConfig storage, Path dataDir, boolean deleteEnabled) {
        return start(storage, dataDir, deleteEnabled, RegistryConfig.defaults().gc(), RegistryConfig.defaults().uploads());
    }

    /** A registry whose garbage collection and upload purge are set as the test needs. */
    static RegistryServer start(StorageConfig storage, Path dataDir, boolean deleteEnabled, GcConfig gc, UploadsConfig uploads) {
        RegistryConfig defaults = RegistryConfig.defaults();
        RegistryConfig config = defaults.withHttp(defaults.http().withListen(new ListenAddress("127.0.0.1", 0)))
                .withStorage(storage).withDelete(new DeleteConfig(deleteEnabled)).withLog(new LogConfig(LogLevel.WARN, false))
                .withGc(gc).withUploads(uploads);
        try {
            return new RegistryServer(RegistryLauncher.start(config), dataDir);
        } catch (LaunchException e) {
            throw new IllegalStateException("the registry did not start on " + storage.describe(), e);
        }
    }

    int port() {
        return running.address().port();
    }

    Path dataDir() {
        return dataDir;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port());
    }

    RegistryClient client() {
        return new RegistryClient(base());
    }

    @Override
    public void close() {
        // No grace period: the client's idle keep-alive connections would only hold the stop up.
        running.stop(Duration.ZERO);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("no answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
