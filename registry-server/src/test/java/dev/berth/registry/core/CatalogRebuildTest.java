package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.memory.InMemoryStorageDriver;
import dev.berth.storage.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The first catalog of a store that registry:2 filled walks it a bounded number of directories at a time. */
class CatalogRebuildTest {
    private static final int REPOSITORIES = 300;

    private final Vertx vertx = Vertx.vertx();
    private final StorageDriver memory = new InMemoryStorageDriver(vertx);
    private final AtomicInteger listing = new AtomicInteger();
    private final AtomicInteger mostListingAtOnce = new AtomicInteger();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("rebuilding the catalog of 300 repositories lists at most a batch of directories at once, and finds"
            + " them all")
    void walkIsBounded() {
        List<String> expected = new ArrayList<>();
        Digest digest = Digest.sha256("{}".getBytes());
        for (int i = 0; i < REPOSITORIES; i++) {
            String repository = String.format("team/r%03d", i);
            expected.add(repository);
            Await.result(
                    memory.write(RegistryLayout.revisionLink(repository, digest), Buffer.buffer(digest.toString())));
        }
        Registry registry = new Registry(countingLists(memory), RegistryOptions.defaults());

        assertThat(Await.result(registry.catalog().list(null, null)).items()).containsExactlyElementsOf(expected);

        assertThat(mostListingAtOnce.get()).isLessThanOrEqualTo(Batches.SIZE);
    }

    /** {@code driver}, counting the listings on their way and the most at once. */
    private StorageDriver countingLists(StorageDriver driver) {
        return (StorageDriver) Proxy.newProxyInstance(
                StorageDriver.class.getClassLoader(), new Class<?>[] {StorageDriver.class}, (self, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(driver, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("list")) {
                        mostListingAtOnce.accumulateAndGet(listing.incrementAndGet(), Math::max);
                        ((Future<?>) result).onComplete(done -> listing.decrementAndGet());
                    }
                    return result;
                });
    }
}
