package dev.berth.registry.core;

import dev.berth.oci.Names;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * The catalog kept as one empty marker per repository in one directory, so that listing it is a
 * single directory listing instead of a walk of every repository's tree (on S3, a request per
 * directory of the whole bucket).
 *
 * <p>Markers are only ever added, each by the replica that stores a manifest, before the manifest's
 * revision link: one object per fact, so replicas never rewrite a shared object, and a crash
 * between the two writes leaves a marker for an empty repository, never a repository without one.
 * A marker is never removed: an emptied repository stays listed, as its {@code _manifests}
 * directory keeps it listed on the filesystem.
 */
final class CatalogIndex {
    private final Store store;

    CatalogIndex(Store store) {
        this.store = store;
    }

    Future<Void> add(String repository) {
        return store.write(RegistryLayout.catalogMarker(repository), Buffer.buffer());
    }

    Future<Void> addAll(List<String> repositories) {
        return Batches.forEach(repositories, this::add);
    }

    /** False for a store that registry:2 (or a Berth without the index) filled, until it is rebuilt. */
    Future<Boolean> isComplete() {
        return store.exists(RegistryLayout.catalogIndexComplete());
    }

    Future<Void> markComplete() {
        return store.write(RegistryLayout.catalogIndexComplete(), Buffer.buffer());
    }

    Future<List<String>> repositories() {
        return store.listOrEmpty(RegistryLayout.catalogMarkersDir())
                .map(markers -> markers.stream()
                        .map(RegistryLayout::catalogMarkerName)
                        .filter(Names::isRepository)
                        .toList());
    }
}
