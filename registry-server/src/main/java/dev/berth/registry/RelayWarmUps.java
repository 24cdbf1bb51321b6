package dev.berth.registry;

import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.S3StorageConfig;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.s3.S3StorageDriver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the S3 driver's warm-up of blob GETs ({@code storage.s3.warmUp}) before the registry listens,
 * so that a registry (a replica joining others) answers only once its relay is compiled, and its
 * first clients' pulls neither go at half speed nor share the cores with the warm-up. Its relaying
 * servers are the registry's own kind, one on each event loop, on a loopback port of their own. A
 * warm-up that fails, or gives up after 30 s, is logged and leaves the JIT cold, nothing else.
 */
final class RelayWarmUps {
    private static final Logger LOG = LoggerFactory.getLogger(RelayWarmUps.class);
    private static final ListenAddress LOOPBACK = new ListenAddress("127.0.0.1", 0);
    /** The default warm-up takes about 2 s on two idle cores; it gives up after this. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What closing the warm-up's servers and connections may take once it gave up. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private RelayWarmUps() {}

    /**
     * Warms up and answers the bytes relayed (none if {@code driver} has nothing to warm, or the
     * warm-up failed); {@code servers} makes the registry's servers without a request handler,
     * {@code https} if they serve HTTPS. Blocks the calling thread, which must not be a Vert.x thread.
     */
    static long run(
            Vertx vertx, StorageDriver driver, RegistryConfig config, Supplier<HttpServer> servers, boolean https) {
        if (!(driver instanceof S3StorageDriver s3) || !(config.storage() instanceof S3StorageConfig settings)) {
            return 0;
        }
        long started = System.nanoTime();
        try {
            long bytes = s3.warmUp(
                            relay -> ServersPerEventLoop.listen(
                                    vertx,
                                    config.http().eventLoopCount(),
                                    LOOPBACK,
                                    ServersPerEventLoop.WARM_UP_PORT_ID,
                                    () -> servers.get().requestHandler(relay)),
                            https,
                            settings.warmUp(),
                            TIMEOUT)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(TIMEOUT.plus(CLOSE_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
            if (bytes > 0) {
                LOG.info(
                        "relayed {} MiB of blob GETs over loopback in {} ms to warm the JIT",
                        bytes >> 20,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            return bytes;
        } catch (ExecutionException e) {
            LOG.warn(
                    "the warm-up of blob GETs failed, so the first pulls find the JIT cold: {}",
                    e.getCause().toString());
        } catch (TimeoutException e) {
            LOG.warn(
                    "the warm-up of blob GETs did not stop within {} s; listening without waiting for it",
                    TIMEOUT.plus(CLOSE_TIMEOUT).toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while warming up blob GETs");
        }
        return 0;
    }
}
