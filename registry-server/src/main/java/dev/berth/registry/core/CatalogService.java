package dev.berth.registry.core;

import io.vertx.core.Future;
import java.util.ArrayList;
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

    private Future<List<String>> walk(String dir, String name) {
        return store.listOrEmpty(dir).compose(children -> {
            List<Future<List<String>>> below = new ArrayList<>();
            List<String> found = new ArrayList<>();
            for (String child : children) {
                if (child.equals(MANIFESTS) && !name.isEmpty()) {
                    found.add(name);
                } else if (!child.startsWith("_")) {
                    below.add(walk(dir + "/" + child, name.isEmpty() ? child : name + "/" + child));
                }
            }
            return Future.all(below).map(all -> {
                for (int i = 0; i < all.size(); i++) {
                    found.addAll(all.resultAt(i));
                }
                return found;
            });
        });
    }
}
