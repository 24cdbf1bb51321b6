package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.Names;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * Which tags point at a manifest, kept as one empty marker per (manifest, tag) under the
 * repository's {@code _berth/tagged/<digest>/}, so that deleting a manifest reads the few tags
 * named there instead of every tag's current link.
 *
 * <p>A marker is written before the tag's current link, so every tag has the marker of the
 * manifest it points at, whatever crashes. Markers are not removed when a tag moves or goes
 * (another replica may be pointing the tag back at the same manifest, and S3 has no lock to
 * order the two): a marker is therefore a candidate only, to check against the tag's current
 * link, and the markers of a manifest go with the manifest.
 */
final class TaggedByIndex {
    private final Store store;

    TaggedByIndex(Store store) {
        this.store = store;
    }

    Future<Void> add(String repository, String tag, Digest digest) {
        return store.write(RegistryLayout.taggedByMarker(repository, digest, tag), Buffer.buffer());
    }

    /** The tags that were pointed at {@code digest}; some may point elsewhere by now. */
    Future<List<String>> candidates(String repository, Digest digest) {
        return store.listOrEmpty(RegistryLayout.taggedByDir(repository, digest))
                .map(names -> names.stream().filter(Names::isTag).toList());
    }

    Future<Void> forget(String repository, Digest digest) {
        return store.deleteIfExists(RegistryLayout.taggedByDir(repository, digest));
    }

    /** False for a repository that registry:2 (or a Berth without the index) filled, until it is rebuilt. */
    Future<Boolean> isComplete(String repository) {
        return store.exists(RegistryLayout.taggedByIndexComplete(repository));
    }

    Future<Void> markComplete(String repository) {
        return store.write(RegistryLayout.taggedByIndexComplete(repository), Buffer.buffer());
    }
}
