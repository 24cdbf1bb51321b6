package dev.berth.registry.gc;

import dev.berth.oci.Digest;
import dev.berth.oci.DistributionException;
import dev.berth.oci.Manifest;
import dev.berth.oci.ManifestParser;
import dev.berth.registry.core.Batches;
import dev.berth.registry.core.RegistryLayout;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a repository's revisions and tags into a {@link RepositoryGraph}. */
final class RepositoryGraphLoader {
    private final StoreWalker store;

    RepositoryGraphLoader(StoreWalker store) {
        this.store = store;
    }

    Future<RepositoryGraph> load(String repository) {
        Map<Digest, Optional<Manifest>> manifests = new ConcurrentHashMap<>();
        List<Digest> tagged = Collections.synchronizedList(new ArrayList<>());
        Future<Void> revisions = store.digestsUnder(RegistryLayout.revisionsDir(repository))
                .compose(digests -> Batches.forEach(digests, digest -> store.driver().read(RegistryLayout.blobData(digest))
                        .onSuccess(content -> manifests.put(digest, parse(content.getBytes())))
                        // A revision whose content is gone references nothing; scrub reports the dangling link.
                        .recover(e -> StoreWalker.absent(e, null))));
        Future<Void> tags = store.list(RegistryLayout.tagsDir(repository))
                .compose(names -> Batches.forEach(names, tag -> store.readLink(RegistryLayout.tagCurrentLink(repository, tag))
                        .onSuccess(digest -> digest.ifPresent(tagged::add))));
        return Future.all(revisions, tags).map(v -> new RepositoryGraph(repository, Map.copyOf(manifests), List.copyOf(tagged)));
    }

    private static Optional<Manifest> parse(byte[] content) {
        try {
            return Optional.of(ManifestParser.parse(content, ManifestParser.storedMediaType(content)));
        } catch (DistributionException e) {
            return Optional.empty();
        }
    }
}
