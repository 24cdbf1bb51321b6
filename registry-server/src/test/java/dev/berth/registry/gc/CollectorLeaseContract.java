package dev.berth.registry.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.core.RegistryLayout;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every storage driver must give the collectors' lease: one collector at a time, and no lease held for ever. */
abstract class CollectorLeaseContract {
    private static final GcOptions OPTIONS = new GcOptions(false, false, Duration.ZERO, Duration.ofDays(7));
    private static final Duration SETTLE = Duration.ofMillis(500);

    private Vertx vertx;
    private StorageDriver driver;

    abstract StorageDriver createDriver(Vertx vertx) throws Exception;

    abstract void destroyDriver() throws Exception;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        driver = createDriver(vertx);
    }

    @AfterEach
    void close() throws Exception {
        await(driver.close());
        await(vertx.close());
        destroyDriver();
    }

    private GarbageCollector collector() {
        return new GarbageCollector(vertx, driver, GcListener.NONE, Clock.systemUTC(), SETTLE);
    }

    @Test
    @DisplayName(
            "of two collectors started together on one store, exactly one collects and the other is told it is busy")
    void oneCollectorAtATime() throws Exception {
        List<Future<GcReport>> runs =
                List.of(collector().collect(OPTIONS), collector().collect(OPTIONS));
        settle(Future.join(runs));

        assertThat(runs).filteredOn(Future::succeeded).hasSize(1);
        assertThat(runs)
                .filteredOn(Future::failed)
                .singleElement()
                .satisfies(run -> assertThat(run.cause()).isInstanceOf(GcBusyException.class));
    }

    @Test
    @DisplayName("the lease is given back: a second collection after the first one runs")
    void leaseReleased() throws Exception {
        await(collector().collect(OPTIONS));

        assertThat(await(collector().collect(OPTIONS)).blobsDeleted()).isZero();
    }

    @Test
    @DisplayName("a lease left by a collector that died is taken over once it expired, and honoured before")
    void expiredLease() throws Exception {
        writeLease(Instant.now().plusSeconds(600));
        Future<GcReport> refused = collector().collect(OPTIONS);
        settle(refused);
        assertThat(refused.cause()).isInstanceOf(GcBusyException.class);

        writeLease(Instant.now().minusSeconds(1));
        assertThat(await(collector().collect(OPTIONS))).isNotNull();
    }

    private void writeLease(Instant expires) throws Exception {
        await(driver.write(
                RegistryLayout.gcLease(),
                Buffer.buffer(new JsonObject()
                        .put("owner", "a dead collector")
                        .put("expires", expires.toString())
                        .encode())));
    }

    /** Waits for the future to succeed or fail; the test looks at which. */
    private static void settle(Future<?> future) throws Exception {
        future.toCompletionStage()
                .toCompletableFuture()
                .handle((result, failure) -> null)
                .get(60, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
