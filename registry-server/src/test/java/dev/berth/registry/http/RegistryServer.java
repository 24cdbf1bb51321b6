package dev.berth.registry.http;

import dev.berth.registry.core.Registry;
import dev.berth.registry.core.RegistryOptions;
import dev.berth.storage.fs.FsStorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The registry's HTTP API in process: a fresh Vert.x, the filesystem driver over a directory, a free port. */
final class RegistryServer implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;

    private final Vertx vertx;
    private final HttpServer server;
    private final Path dataDir;

    private RegistryServer(Vertx vertx, HttpServer server, Path dataDir) {
        this.vertx = vertx;
        this.server = server;
        this.dataDir = dataDir;
    }

    static RegistryServer start(Path dataDir, boolean deleteEnabled) {
        Vertx vertx = Vertx.vertx();
        Registry registry = new Registry(new FsStorageDriver(vertx, dataDir), new RegistryOptions(deleteEnabled));
        HttpServer server = await(vertx.createHttpServer()
                .requestHandler(RegistryRouter.create(vertx, registry))
                .listen(0, "127.0.0.1"));
        return new RegistryServer(vertx, server, dataDir);
    }

    Vertx vertx() {
        return vertx;
    }

    int port() {
        return server.actualPort();
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
        // No grace period: the client's idle keep-alive connections would hold a graceful shutdown for 30 s.
        await(server.shutdown(0, TimeUnit.SECONDS));
        // Awaited from here: a continuation chained on the event loop would never run once Vert.x is closed.
        await(vertx.close());
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
