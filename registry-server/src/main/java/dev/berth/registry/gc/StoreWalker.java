package dev.berth.registry.gc;

import dev.berth.oci.Digest;
import dev.berth.registry.core.Batches;
import dev.berth.registry.core.RegistryLayout;
import dev.berth.registry.core.Store;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Walks the registry:2 tree the way the collector and scrub need it: every repository, every
 * digest under a directory of digest paths, every blob. A directory that is gone lists as empty
 * ({@link Store#listOrEmpty}): pushes and deletes go on while the walk reads.
 */
public final class StoreWalker {
    private final Store store;

    public StoreWalker(Store store) {
        this.store = store;
    }

    /** Every repository: a directory holding manifests, layer links or uploads, found by walking the tree. */
    public Future<List<String>> repositories() {
        List<String> found = Collections.synchronizedList(new ArrayList<>());
        return walk("", found).map(v -> List.copyOf(found));
    }

    private Future<Void> walk(String name, List<String> found) {
        String dir = name.isEmpty() ? RegistryLayout.repositoriesRoot() : RegistryLayout.repository(name);
        return store.listOrEmpty(dir).compose(children -> {
            if (!name.isEmpty() && RegistryLayout.isRepository(children)) {
                found.add(name);
            }
            List<String> nested = children.stream()
                    .filter(child -> !child.startsWith("_"))
                    .map(child -> name.isEmpty() ? child : name + "/" + child)
                    .toList();
            return Batches.forEach(nested, child -> walk(child, found));
        });
    }

    /** The digests under a directory laid out as {@code <algorithm>/<encoded>/}. */
    public Future<List<Digest>> digestsUnder(String dir) {
        return store.listOrEmpty(dir)
                .compose(algorithms ->
                        Batches.flatMap(algorithms, algorithm -> digestsIn(dir + "/" + algorithm, algorithm)));
    }

    /** Every blob in the store, from the {@code blobs/<algorithm>/<prefix>/<encoded>} directories. */
    public Future<List<Digest>> blobs() {
        String root = RegistryLayout.blobsRoot();
        return store.listOrEmpty(root)
                .compose(algorithms -> Batches.flatMap(algorithms, algorithm -> {
                    String prefixes = root + "/" + algorithm;
                    return store.listOrEmpty(prefixes)
                            .compose(names ->
                                    Batches.flatMap(names, prefix -> digestsIn(prefixes + "/" + prefix, algorithm)));
                }));
    }

    private Future<List<Digest>> digestsIn(String dir, String algorithm) {
        return store.listOrEmpty(dir)
                .map(names -> names.stream()
                        .flatMap(encoded -> parse(algorithm, encoded).stream())
                        .toList());
    }

    /** Names that are no digest (a stray file, a driver's hidden object) are not the walk's business. */
    private static Optional<Digest> parse(String algorithm, String encoded) {
        String text = algorithm + ":" + encoded;
        return Digest.isValid(text) ? Optional.of(Digest.parse(text)) : Optional.empty();
    }
}
