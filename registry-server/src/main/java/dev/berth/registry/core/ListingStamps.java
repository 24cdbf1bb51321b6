package dev.berth.registry.core;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Collections;
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
 * <p>A listing without a stamp (a store filled by registry:2 or an older Berth) is listed afresh
 * each time, until its first change here writes one: a listing never writes, so read-only replicas
 * stay read-only.
 */
final class ListingStamps {
    private record Remembered(String stamp, List<String> sorted) {}

    private final Store store;
    /** Where the stamp of the listing of a key lives. */
    private final UnaryOperator<String> stampPath;
    /** The most recently taken listings, each with the stamp it was taken under. */
    private final Map<String, Remembered> remembered;

    ListingStamps(Store store, UnaryOperator<String> stampPath, int capacity) {
        this.store = store;
        this.stampPath = stampPath;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The sorted listing of {@code key}: from memory when it was taken under the stamp that stands
     * now, else {@code fresh}'s, remembered under the stamp read before it was taken. An empty
     * listing is not remembered: taking it again costs as little as reading the stamp.
     */
    Future<List<String>> list(String key, Supplier<Future<List<String>>> fresh) {
        return read(key).compose(stamp -> {
            Optional<List<String>> known = stamp.flatMap(value -> recall(key, value));
            if (known.isPresent()) {
                return Future.succeededFuture(known.get());
            }
            return fresh.get().map(sorted -> {
                if (!sorted.isEmpty()) {
                    stamp.ifPresent(value -> remember(key, value, sorted));
                }
                return sorted;
            });
        });
    }

    /**
     * Whether {@code entry} is in the listing of {@code key} this process took last, under whatever
     * stamp: for listings whose entries are never removed, proof that it is there still.
     */
    boolean lastListed(String key, String entry) {
        Remembered known;
        synchronized (remembered) {
            known = remembered.get(key);
        }
        return known != null && Collections.binarySearch(known.sorted(), entry) >= 0;
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

    private Optional<List<String>> recall(String key, String stamp) {
        Remembered known;
        synchronized (remembered) {
            known = remembered.get(key);
        }
        return known != null && known.stamp().equals(stamp) ? Optional.of(known.sorted()) : Optional.empty();
    }

    private void remember(String key, String stamp, List<String> sorted) {
        synchronized (remembered) {
            remembered.put(key, new Remembered(stamp, sorted));
        }
    }
}
