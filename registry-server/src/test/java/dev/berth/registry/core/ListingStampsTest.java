package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.storage.memory.InMemoryStorageDriver;
import dev.berth.storage.testkit.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Listings answered from memory under a stamp, and listings on their way shared by those who wait for them. */
class ListingStampsTest {
    private static final String KEY = "app";

    private final Vertx vertx = Vertx.vertx();
    private final ListingStamps<String> stamps =
            new ListingStamps<>(new Store(new InMemoryStorageDriver(vertx)), key -> "stamps/" + key, 4);
    private final AtomicInteger taken = new AtomicInteger();
    private final Promise<List<String>> listing = Promise.promise();
    private final Supplier<Future<List<String>>> fresh = () -> {
        taken.incrementAndGet();
        return listing.future();
    };

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("requests that find the same stamp while a listing under it is on its way share that one listing")
    void sameStampSharesTheListing() {
        Await.result(stamps.renew(KEY));

        // Both on one event loop, whose tasks run in the order queued: the task queued after both
        // requests runs once both have read the stamp and gone on.
        Context loop = vertx.getOrCreateContext();
        List<Future<List<String>>> requests = new CopyOnWriteArrayList<>();
        Promise<Void> bothRead = Promise.promise();
        loop.runOnContext(go -> {
            requests.add(stamps.list(KEY, fresh));
            requests.add(stamps.list(KEY, fresh));
            loop.runOnContext(after -> bothRead.complete());
        });
        Await.result(bothRead.future());
        listing.complete(List.of("v1", "v2"));
        Future<List<String>> first = requests.get(0);
        Future<List<String>> second = requests.get(1);

        assertThat(Await.result(first)).containsExactly("v1", "v2");
        assertThat(Await.result(second)).containsExactly("v1", "v2");
        assertThat(taken).hasValue(1);
        assertThat(Await.result(stamps.list(KEY, fresh))).containsExactly("v1", "v2");
        assertThat(taken).as("answered from memory").hasValue(1);
    }

    @Test
    @DisplayName("a request that finds a newer stamp does not join a listing taken under the older one")
    void newerStampListsAgain() {
        Await.result(stamps.renew(KEY));
        Future<List<String>> before = stamps.list(KEY, fresh);
        Await.until("the first listing was started", () -> taken.get() == 1);

        Await.result(stamps.renew(KEY));
        Future<List<String>> after = stamps.list(KEY, () -> {
            taken.incrementAndGet();
            return Future.succeededFuture(List.of("v1", "v2", "v3"));
        });

        assertThat(Await.result(after)).containsExactly("v1", "v2", "v3");
        assertThat(taken).hasValue(2);
        listing.complete(List.of("v1", "v2"));
        assertThat(Await.result(before)).containsExactly("v1", "v2");
    }

    @Test
    @DisplayName("a listing without a stamp is taken afresh for every request")
    void withoutStampNothingShared() {
        stamps.list(KEY, fresh);
        stamps.list(KEY, fresh);

        Await.until("both requests listed", () -> taken.get() == 2);
    }
}
