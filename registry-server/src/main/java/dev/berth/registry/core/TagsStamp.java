package dev.berth.registry.core;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lets a replica answer a tags list from memory when no replica changed the repository's tags
 * since it last listed them, at the cost of reading one small object instead of listing
 * {@code _manifests/tags/}: on S3 a GET instead of a LIST of pages, whose cost grows with the
 * tags (and with every object under them: S3Proxy reads each one's metadata per listing).
 *
 * <p>The stamp is an object under the repository's {@code _berth/} holding a value never used
 * before (a random UUID). Every change to the tags rewrites it after the change is in the layout,
 * and a listing remembered here is keyed by the stamp read <em>before</em> listing. Why that is
 * never stale: a reader that finds stamp {@code s} finds it because the write of {@code s} was
 * the last one (S3 and the filesystem read what the last completed write left), so every change
 * acknowledged before that read wrote its stamp before {@code s}; whoever remembered a listing
 * under {@code s} listed after reading {@code s}, so after those changes. A change whose stamp
 * write failed was not acknowledged (the push answers an error): until the next change, replicas
 * holding the previous stamp may list the tags without it.
 *
 * <p>A repository without a stamp (filled by registry:2 or an older Berth) is listed afresh each
 * time, until its first tag change here writes one: a listing never writes, so read-only
 * replicas stay read-only.
 */
final class TagsStamp {
    private record Remembered(String stamp, List<String> sortedTags) {}

    private final Store store;
    /** The most recently listed repositories, each with the stamp its listing was taken under. */
    private final Map<String, Remembered> remembered;

    TagsStamp(Store store, int capacity) {
        this.store = store;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The repository's stamp as it stands; empty when it has none. */
    Future<Optional<String>> read(String repository) {
        return store.read(RegistryLayout.tagsStamp(repository)).map(found -> found.map(Buffer::toString));
    }

    /** The sorted tags remembered under {@code stamp}, if a listing was taken under it. */
    Optional<List<String>> recall(String repository, String stamp) {
        Remembered known;
        synchronized (remembered) {
            known = remembered.get(repository);
        }
        return known != null && known.stamp().equals(stamp) ? Optional.of(known.sortedTags()) : Optional.empty();
    }

    /** Remembers tags listed after {@code stamp} was read. */
    void remember(String repository, String stamp, List<String> sortedTags) {
        synchronized (remembered) {
            remembered.put(repository, new Remembered(stamp, sortedTags));
        }
    }

    /**
     * Gives the repository a new stamp; called once a change to its tags is in the layout. Not
     * synced to disk: a stamp lost to a power cut takes back only the value, and every replica's
     * memory of listings goes with the machine on the filesystem, the one store where that happens.
     */
    Future<Void> renew(String repository) {
        return store.writeEphemeral(
                RegistryLayout.tagsStamp(repository),
                Buffer.buffer(UUID.randomUUID().toString()));
    }
}
