package dev.berth.registry.core;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Lets a replica answer a listing (a repository's tags, the catalog) from memory when no replica
 * changed it since this one last listed it, at the cost of reading one small object instead of
 * listing a directory: on S3 a GET instead of a LIST of pages, whose cost grows with the entries
 * (and whose answers, parsed, filled the heap when many clients listed at once).
 *
 * <p>A listing's stamp is an object holding a value never used before (a random UUID). Every change
 * to the listing rewrites it after the change is in the layout, and a listing remembered here is
 * keyed by the stamp read <em>before</em> listing. Why that is never stale: a reader that finds
 * stamp {@code s} finds it because the write of {@code s} was the last one (S3 and the filesystem
 * read what the last completed write left), so every change acknowledged before that read wrote
 * its stamp before {@code s}; whoever remembered a listing under {@code s} listed after reading
 * {@code s}, so after those changes. A change whose stamp write failed was not acknowledged (the
 * push answers an error): until the next change, replicas holding the previous stamp may list
 * without it.
 *
 * <p>Requests that find the same stamp while a listing under it is on its way share that listing
 * rather than each taking one: what a listing taken after reading {@code s} shows is what any
 * reader of {@code s} may be shown. Without that, the first moment of many clients listing a large
 * repository (16 at once in the benchmark, 5,000 tags) took 16 listings of five S3 pages each,
 * whose parsed pages outlived young collections and filled a third of the old generation.
 *
 * <p>A listing without a stamp (a store filled by registry:2 or an older Berth) is listed afresh
 * each time, and not shared, until its first change here writes one: a listing never writes, so
 * read-only replicas stay read-only.
 */
final class ListingStamps<E> {
    private record Remembered<E>(String stamp, List<E> sorted) {}

    private final Store store;
    /** Where the stamp of the listing of a key lives. */
    private final UnaryOperator<String> stampPath;
    /** The most recently taken listings, each with the stamp it was taken under. */
    private final Map<String, Remembered<E>> remembered;
    /** The listing of each key being taken now, and the stamp it is taken under. */
    private final Map<String, Taking<E>> taking = new HashMap<>();

    private record Taking<E>(String stamp, Future<List<E>> listing) {}

    ListingStamps(Store store, UnaryOperator<String> stampPath, int capacity) {
        this.store = store;
        this.stampPath = stampPath;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered<E>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The sorted listing of {@code key}: from memory when it was taken under the stamp that stands
     * now, else {@code fresh}'s, remembered under the stamp read before it was taken. An empty
     * listing is not remembered: taking it again costs as little as reading the stamp.
     */
    Future<List<E>> list(String key, Supplier<Future<List<E>>> fresh) {
        return read(key).compose(stamp -> {
            if (stamp.isEmpty()) {
                return fresh.get();
            }
            Optional<List<E>> known = recall(key, stamp.get());
            return known.isPresent() ? Future.succeededFuture(known.get()) : shared(key, stamp.get(), fresh);
        });
    }

    /** The listing of {@code key} under {@code stamp} being taken now, or a new one that others may join. */
    private Future<List<E>> shared(String key, String stamp, Supplier<Future<List<E>>> fresh) {
        Promise<List<E>> mine;
        Future<List<E>> running = null;
        synchronized (taking) {
            Taking<E> current = taking.get(key);
            if (current != null && current.stamp().equals(stamp)) {
                running = current.listing();
                mine = null;
            } else {
                mine = Promise.promise();
                taking.put(key, new Taking<>(stamp, mine.future()));
            }
        }
        if (running != null) {
            return onCallersContext(running);
        }
        Future<List<E>> listing = mine.future();
        fresh.get().onComplete(result -> {
            synchronized (taking) {
                taking.remove(key, new Taking<>(stamp, listing));
            }
            if (result.succeeded() && !result.result().isEmpty()) {
                remember(key, stamp, result.result());
            }
            mine.handle(result);
        });
        return listing;
    }

    /**
     * {@code shared}'s outcome on the caller's event loop: the listing completes on the loop of the
     * request that took it, and what the caller does next must stay on its own.
     */
    private static <T> Future<T> onCallersContext(Future<T> shared) {
        ContextInternal caller = (ContextInternal) Vertx.currentContext();
        if (caller == null) {
            return shared;
        }
        Promise<T> here = caller.promise();
        shared.onComplete(here);
        return here.future();
    }

    /**
     * Whether {@code entry} is in the listing of {@code key} this process took last, under whatever
     * stamp: for listings whose entries are never removed, proof that it is there still.
     */
    boolean lastListed(String key, E entry, Comparator<? super E> order) {
        Remembered<E> known;
        synchronized (remembered) {
            known = remembered.get(key);
        }
        return known != null && Collections.binarySearch(known.sorted(), entry, order) >= 0;
    }

    /**
     * Gives the listing of {@code key} a new stamp; called once a change to it is in the layout.
     * Not synced to disk: a stamp lost to a power cut takes back only the value, and every
     * replica's memory of listings goes with the machine on the filesystem, the one store where
     * that happens.
     */
    Future<Void> renew(String key) {
        return store.writeEphemeral(
                stampPath.apply(key), Buffer.buffer(UUID.randomUUID().toString()));
    }

    private Future<Optional<String>> read(String key) {
        return store.read(stampPath.apply(key)).map(found -> found.map(Buffer::toString));
    }

    private Optional<List<E>> recall(String key, String stamp) {
        Remembered<E> known;
        synchronized (remembered) {
            known = remembered.get(key);
        }
        return known != null && known.stamp().equals(stamp) ? Optional.of(known.sorted()) : Optional.empty();
    }

    private void remember(String key, String stamp, List<E> sorted) {
        synchronized (remembered) {
            remembered.put(key, new Remembered<>(stamp, sorted));
        }
    }
}
