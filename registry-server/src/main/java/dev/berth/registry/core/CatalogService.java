package dev.berth.registry.core;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;

/**
 * The repository catalog, found the way registry:2 finds it: a directory under
 * {@code repositories/} is a repository when it has a {@code _manifests} child; directories
 * starting with an underscore are registry data, not names.
 */
public final class CatalogService {
    private static final String MANIFESTS = "_manifests";

    private final Store store;

    CatalogService(Store store) {
        this.store = store;
    }

    public Future<Page> list(Integer n, String last) {
        return walk(RegistryLayout.repositoriesRoot(), "").map(names -> Page.of(names, n, last));
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
