package dev.berth.registry.gc;

import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.registry.core.Batches;
import dev.berth.registry.core.RegistryLayout;
import dev.berth.registry.core.Store;
import dev.berth.registry.core.StoredManifests;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads a repository's revisions and tags into a {@link RepositoryGraph}. */
final class RepositoryGraphLoader {
    private final Store store;
    private final StoreWalker walker;

    RepositoryGraphLoader(Store store, StoreWalker walker) {
        this.store = store;
        this.walker = walker;
    }

    Future<RepositoryGraph> load(String repository) {
        Future<Map<Digest, Optional<Manifest>>> revisions = walker.digestsUnder(RegistryLayout.revisionsDir(repository))
                .compose(digests -> Batches.map(
                        digests,
                        digest -> revisionOf(repository, digest)
                                .map(manifest -> manifest.map(found -> Map.entry(digest, found)))))
                .map(found -> found.stream()
                        .flatMap(Optional::stream)
                        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
        Future<List<Digest>> tagged = store.listOrEmpty(RegistryLayout.tagsDir(repository))
                .compose(names ->
                        Batches.map(names, tag -> store.readIntactLink(RegistryLayout.tagCurrentLink(repository, tag))))
                .map(found -> found.stream().flatMap(Optional::stream).toList());
        return Future.all(revisions, tagged)
                .map(v -> new RepositoryGraph(repository, revisions.result(), tagged.result()));
    }

    /**
     * The manifest a revision holds. A revision is its link file, not its directory: deleting a
     * manifest removes the link, and on the filesystem the emptied directory may stay behind. A
     * revision whose content is gone references nothing; scrub reports the dangling link.
     */
    private Future<Optional<Optional<Manifest>>> revisionOf(String repository, Digest digest) {
        return store.exists(RegistryLayout.revisionLink(repository, digest))
                .compose(linked -> linked
                        ? store.read(RegistryLayout.blobData(digest))
                                .map(content -> content.map(StoredManifests::parse))
                        : Future.succeededFuture(Optional.empty()));
    }
}
