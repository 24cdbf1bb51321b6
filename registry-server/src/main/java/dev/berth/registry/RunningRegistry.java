package dev.berth.registry;

import dev.berth.registry.config.ListenAddress;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started registry: where it listens, and how to stop it. */
public final class RunningRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RunningRegistry.class);
    /** What closing the driver and Vert.x may take on top of the grace period. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final List<HttpServer> servers;
    private final StorageDriver driver;
    private final ListenAddress address;
    private final long warmedUpBytes;
    private boolean stopped;

    /**
     * @param servers the API's server first, then the metrics port's if it has one
     * @param warmedUpBytes what the warm-up of blob GETs relayed before it listened ({@code storage.s3.warmUp})
     */
    RunningRegistry(
            Vertx vertx, List<HttpServer> servers, StorageDriver driver, ListenAddress address, long warmedUpBytes) {
        this.vertx = vertx;
        this.servers = List.copyOf(servers);
        this.driver = driver;
        this.address = address;
        this.warmedUpBytes = warmedUpBytes;
    }

    /** The bytes the warm-up of blob GETs relayed before the registry listened (none if there was nothing to warm). */
    public long warmedUpBytes() {
        return warmedUpBytes;
    }

    /** The address the server is bound to; with port 0 asked for, this holds the port it got. */
    public ListenAddress address() {
        return address;
    }

    /**
     * Stops accepting connections, gives requests in flight up to {@code grace} to finish (then
     * closes their connections), closes the storage driver and then Vert.x. Each step runs even if
     * the one before failed; failures are logged. Blocks the calling thread, which must not be a
     * Vert.x thread; the steps are awaited one by one rather than chained as futures because the
     * last one shuts down the event loops that chained callbacks would run on.
     *
     * @return whether every step finished cleanly in time
     */
    public synchronized boolean stop(Duration grace) {
        if (stopped) {
            return true;
        }
        stopped = true;
        // Every server stops accepting at once; the grace runs for all of them together.
        boolean clean = await(
                "stopping the HTTP servers",
                Future.all(servers.stream()
                        .map(server -> server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS))
                        .toList()),
                grace.plus(CLOSE_TIMEOUT));
        clean &= await("closing the storage driver", driver.close(), CLOSE_TIMEOUT);
        clean &= await("closing Vert.x", vertx.close(), CLOSE_TIMEOUT);
        return clean;
    }

    private static boolean await(String step, Future<?> future, Duration timeout) {
        try {
            future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            LOG.warn("{} failed", step, e.getCause());
        } catch (TimeoutException e) {
            LOG.warn("{} took longer than {} ms; going on", step, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{} was interrupted", step);
        }
        return false;
    }
}
