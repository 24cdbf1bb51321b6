package dev.berth.registry;

import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.S3StorageConfig;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.s3.S3StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the S3 driver's warm-up of blob GETs ({@code storage.s3.warmUp}) once the registry
 * listens, in the background, and logs how it went: a failed warm-up only leaves the JIT cold. Its
 * relaying servers are the registry's own kind, one on each event loop, on a loopback port of their own.
 */
final class RelayWarmUps {
    private static final Logger LOG = LoggerFactory.getLogger(RelayWarmUps.class);
    private static final ListenAddress LOOPBACK = new ListenAddress("127.0.0.1", 0);

    private RelayWarmUps() {}

    /**
     * Answers the warm-up's bytes (none if {@code driver} has nothing to warm); {@code servers} makes
     * the registry's servers without a request handler, {@code https} if they serve HTTPS.
     */
    static Future<Long> start(
            Vertx vertx, StorageDriver driver, RegistryConfig config, Supplier<HttpServer> servers, boolean https) {
        if (!(driver instanceof S3StorageDriver s3) || !(config.storage() instanceof S3StorageConfig settings)) {
            return Future.succeededFuture(0L);
        }
        long started = System.nanoTime();
        return s3.warmUp(
                        relay -> ServersPerEventLoop.listen(
                                vertx,
                                config.http().eventLoopCount(),
                                LOOPBACK,
                                ServersPerEventLoop.WARM_UP_PORT_ID,
                                () -> servers.get().requestHandler(relay)),
                        https,
                        settings.warmUp())
                .onSuccess(bytes -> {
                    if (bytes > 0) {
                        LOG.info(
                                "relayed {} MiB of blob GETs over loopback in {} ms to warm the JIT",
                                bytes >> 20,
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    }
                })
                .onFailure(failure -> LOG.warn("the warm-up of blob GETs failed: {}", failure.toString()));
    }
}
