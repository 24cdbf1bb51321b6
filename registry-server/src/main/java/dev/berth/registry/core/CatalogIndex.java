package dev.berth.registry.core;

import dev.berth.oci.Names;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
 *
 * <p>Every marker added renews the catalog's stamp ({@link ListingStamps}), so that a replica
 * answers a catalog from memory until any replica adds a repository. Since markers are never
 * removed, a repository this process marked or saw listed needs no marker written again: pushing
 * into a known repository writes neither.
 */
final class CatalogIndex {
    /** The one listing the catalog's stamp stands for. */
    private static final String CATALOG = "catalog";
    /** How many of the repositories this process marked it remembers (the listed ones come on top). */
    private static final int MARKED_REMEMBERED = 1024;

    private final Store store;
    private final ListingStamps<String> stamps;
    private final Set<String> marked = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MARKED_REMEMBERED;
        }
    });

    CatalogIndex(Store store) {
        this.store = store;
        this.stamps = new ListingStamps<>(store, key -> RegistryLayout.catalogStamp(), 1);
    }

    /** Marks {@code repository} unless it is known to be marked, then renews the catalog's stamp. */
    Future<Void> add(String repository) {
        if (known(repository)) {
            return Future.succeededFuture();
        }
        return writeMarker(repository).compose(v -> stamps.renew(CATALOG)).onSuccess(v -> {
            synchronized (marked) {
                marked.add(repository);
            }
        });
    }

    /** Marks every one of {@code repositories}, then renews the catalog's stamp once. */
    Future<Void> addAll(List<String> repositories) {
        return Batches.forEach(repositories, this::writeMarker).compose(v -> stamps.renew(CATALOG));
    }

    /** False for a store that registry:2 (or a Berth without the index) filled, until it is rebuilt. */
    Future<Boolean> isComplete() {
        return store.exists(RegistryLayout.catalogIndexComplete());
    }

    Future<Void> markComplete() {
        return store.write(RegistryLayout.catalogIndexComplete(), Buffer.buffer());
    }

    /**
     * Every marked repository, sorted: from memory while the catalog's stamp is the one this
     * process listed under, else listed once {@code ready} completed the index.
     */
    Future<List<String>> repositories(Supplier<Future<Void>> ready) {
        return stamps.list(CATALOG, () -> ready.get().compose(v -> listMarkers()));
    }

    private Future<List<String>> listMarkers() {
        return store.listOrEmpty(RegistryLayout.catalogMarkersDir())
                .map(markers -> markers.stream()
                        .map(RegistryLayout::catalogMarkerName)
                        .filter(Names::isRepository)
                        .sorted()
                        .toList());
    }

    private Future<Void> writeMarker(String repository) {
        return store.write(RegistryLayout.catalogMarker(repository), Buffer.buffer());
    }

    private boolean known(String repository) {
        synchronized (marked) {
            if (marked.contains(repository)) {
                return true;
            }
        }
        return stamps.lastListed(CATALOG, repository, Comparator.naturalOrder());
    }
}
