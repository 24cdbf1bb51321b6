package dev.berth.registry.gc;

import dev.berth.registry.core.RegistryLayout;
import dev.berth.registry.core.Store;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One object in storage saying which collector works on the store, and until when. Storage offers
 * no compare-and-set (S3 before conditional writes), so taking the lease is: read it, write our own
 * if it is free or expired, wait {@code settle}, and read it back. Two collectors that both wrote
 * within the same window both read back the one that wrote last, so only that one goes on, as
 * long as {@code settle} is longer than the time between a collector's read and its write.
 */
final class GcLease {
    private final Vertx vertx;
    private final Store store;
    private final Clock clock;
    private final String owner;
    private final Duration ttl;
    private final Duration settle;

    GcLease(Vertx vertx, Store store, Clock clock, String owner, Duration ttl, Duration settle) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.owner = owner;
        this.ttl = ttl;
        this.settle = settle;
    }

    /** Takes the lease, or fails with {@link GcBusyException} naming the collector that holds it. */
    Future<Void> acquire() {
        return current()
                .compose(held -> {
                    if (held.isPresent()
                            && !held.get().owner.equals(owner)
                            && held.get().expires.isAfter(clock.instant())) {
                        return Future.failedFuture(busy(held.get()));
                    }
                    return write();
                })
                .compose(v -> delay(settle))
                .compose(v -> current())
                .compose(held -> held.isPresent() && held.get().owner.equals(owner)
                        ? Future.succeededFuture()
                        : Future.failedFuture(busy(held.orElse(new Holder("an unknown collector", clock.instant())))));
    }

    /** Pushes the expiry out again; a collection longer than the ttl renews before it runs out. */
    Future<Void> renew() {
        return write();
    }

    /** Gives the lease up, unless another collector took it over after it expired. */
    Future<Void> release() {
        return current()
                .compose(held -> held.isPresent() && held.get().owner.equals(owner)
                        ? store.deleteIfExists(RegistryLayout.gcLease())
                        : Future.succeededFuture());
    }

    private Future<Void> write() {
        JsonObject lease = new JsonObject()
                .put("owner", owner)
                .put("expires", clock.instant().plus(ttl).toString());
        return store.write(RegistryLayout.gcLease(), lease.toBuffer());
    }

    private Future<Optional<Holder>> current() {
        return store.read(RegistryLayout.gcLease()).map(content -> content.flatMap(GcLease::parse));
    }

    /** A lease nobody can read is treated as free: it would otherwise stop every collection for good. */
    private static Optional<Holder> parse(Buffer content) {
        try {
            JsonObject lease = content.toJsonObject();
            return Optional.of(new Holder(lease.getString("owner"), Instant.parse(lease.getString("expires"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Future<Void> delay(Duration duration) {
        if (duration.isZero()) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        vertx.setTimer(duration.toMillis(), id -> done.complete());
        return done.future();
    }

    private static GcBusyException busy(Holder holder) {
        return new GcBusyException(
                "another garbage collection is running (" + holder.owner + ", lease until " + holder.expires + ")");
    }

    private record Holder(String owner, Instant expires) {}
}
