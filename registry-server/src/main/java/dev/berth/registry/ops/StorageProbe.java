package dev.berth.registry.ops;

import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Proves storage reachable and writable: writes a tiny object, reads it back, deletes it. Each
 * probe uses its own name, so replicas probing one bucket do not trip over each other.
 */
public final class StorageProbe {
    /** Beside the registry's own data, under the prefix that holds Berth's bookkeeping. */
    private static final String PROBE_DIRECTORY = "docker/registry/v2/_berth/readyz/";

    private final StorageDriver driver;
    private final Duration timeout;

    public StorageProbe(StorageDriver driver, Duration timeout) {
        this.driver = driver;
        this.timeout = timeout;
    }

    /** Succeeds when the round trip worked within the timeout; fails with what went wrong otherwise. */
    public Future<Void> probe() {
        String path = PROBE_DIRECTORY + UUID.randomUUID();
        Buffer content = Buffer.buffer(path);
        Future<Void> roundTrip = driver.write(path, content)
                .compose(written -> driver.read(path))
                .compose(read -> read.equals(content)
                        ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalStateException("storage returned other bytes than written")))
                .eventually(() -> driver.delete(path).otherwiseEmpty());
        return roundTrip
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(
                        failure instanceof TimeoutException
                                ? new TimeoutException("storage did not answer within " + timeout.toMillis() + " ms")
                                : failure));
    }
}
