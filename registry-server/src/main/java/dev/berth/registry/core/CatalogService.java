package dev.berth.registry.core;

import io.vertx.core.Future;
import java.util.List;

/**
 * The repository catalog, read from the {@link CatalogIndex}. A store without a complete index
 * (filled by registry:2) is walked once the way registry:2 finds repositories, and the index
 * written from that walk: a directory under {@code repositories/} is a repository when it has a
 * {@code _manifests} child; directories starting with an underscore are registry data, not names.
 */
public final class CatalogService {
    private static final String MANIFESTS = "_manifests";

    private final Store store;
    private final CatalogIndex index;

    CatalogService(Store store, CatalogIndex index) {
        this.store = store;
        this.index = index;
    }

    public Future<Page> list(Integer n, String last) {
        return index.repositories(this::completeIndex).map(sorted -> Page.ofSorted(sorted, n, last));
    }

    private Future<Void> completeIndex() {
        return index.isComplete().compose(complete -> complete ? Future.succeededFuture() : rebuildIndex());
    }

    /** Replicas may rebuild at once: every write is an idempotent marker, the completion mark last. */
    private Future<Void> rebuildIndex() {
        return walk(RegistryLayout.repositoriesRoot(), "")
                .compose(index::addAll)
                .compose(v -> index.markComplete());
    }

    /**
     * The repositories under {@code dir}, {@link Batches} of directories at a time: a store of
     * 2,000 repositories listed every repository directory at once, whose 2,000 answers from S3,
     * parsed and in flight together, outlived young collections and filled a third of the heap.
     */
    private Future<List<String>> walk(String dir, String name) {
        return store.listOrEmpty(dir).compose(children -> {
            boolean repository = !name.isEmpty() && children.contains(MANIFESTS);
            List<String> below =
                    children.stream().filter(child -> !child.startsWith("_")).toList();
            return Batches.<String, String>flatMap(
                            below, child -> walk(dir + "/" + child, name.isEmpty() ? child : name + "/" + child))
                    .map(found -> {
                        if (repository) {
                            found.add(name);
                        }
                        return found;
                    });
        });
    }
}
