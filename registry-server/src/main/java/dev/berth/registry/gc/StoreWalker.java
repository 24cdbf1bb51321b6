package dev.berth.registry.gc;

import dev.berth.oci.Digest;
import dev.berth.registry.core.Batches;
import dev.berth.registry.core.RegistryLayout;
import dev.berth.storage.FileInfo;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the registry:2 tree the way a collector needs it: every repository, every digest under a
 * directory of digest paths, every blob. "Absent" is an ordinary answer: pushes and deletes go on
 * while the collector reads.
 */
public final class StoreWalker {
    /** A repository that only ever had an upload started has {@code _uploads} alone. */
    private static final Set<String> REPOSITORY_PARTS = Set.of("_manifests", "_layers", "_uploads");

    private final StorageDriver driver;

    public StoreWalker(StorageDriver driver) {
        this.driver = driver;
    }

    StorageDriver driver() {
        return driver;
    }

    /** Every repository: a directory holding manifests, layer links or uploads, found by walking the tree. */
    public Future<List<String>> repositories() {
        List<String> found = Collections.synchronizedList(new ArrayList<>());
        return walk("", found).map(v -> List.copyOf(found));
    }

    private Future<Void> walk(String name, List<String> found) {
        String dir = name.isEmpty() ? RegistryLayout.repositoriesRoot() : RegistryLayout.repository(name);
        return list(dir).compose(children -> {
            if (!name.isEmpty() && children.stream().anyMatch(REPOSITORY_PARTS::contains)) {
                found.add(name);
            }
            List<String> nested = children.stream().filter(child -> !child.startsWith("_"))
                    .map(child -> name.isEmpty() ? child : name + "/" + child).toList();
            return Batches.forEach(nested, child -> walk(child, found));
        });
    }

    /** The digests under a directory laid out as {@code <algorithm>/<encoded>/}. */
    public Future<List<Digest>> digestsUnder(String dir) {
        return list(dir).compose(algorithms -> {
            List<Digest> found = Collections.synchronizedList(new ArrayList<>());
            return Batches.forEach(algorithms, algorithm -> list(dir + "/" + algorithm)
                            .onSuccess(encoded -> encoded.forEach(e -> parse(algorithm, e).ifPresent(found::add))))
                    .map(v -> List.copyOf(found));
        });
    }

    /** Every blob in the store, from the {@code blobs/<algorithm>/<prefix>/<encoded>} directories. */
    public Future<List<Digest>> blobs() {
        String root = RegistryLayout.blobsRoot();
        return list(root).compose(algorithms -> {
            List<Digest> found = Collections.synchronizedList(new ArrayList<>());
            return Batches.forEach(algorithms, algorithm -> list(root + "/" + algorithm)
                            .compose(prefixes -> Batches.forEach(prefixes, prefix -> list(root + "/" + algorithm + "/" + prefix)
                                    .onSuccess(encoded -> encoded.forEach(e -> parse(algorithm, e).ifPresent(found::add))))))
                    .map(v -> List.copyOf(found));
        });
    }

    Future<List<String>> list(String dir) {
        return driver.list(dir).recover(e -> absent(e, List.of()));
    }

    public Future<Optional<FileInfo>> stat(String path) {
        return driver.stat(path).map(Optional::of).recover(e -> absent(e, Optional.empty()));
    }

    Future<Optional<Digest>> readLink(String path) {
        return driver.read(path)
                .map(content -> parse(content.toString(StandardCharsets.UTF_8).trim()))
                .recover(e -> absent(e, Optional.empty()));
    }

    public Future<Void> deleteIfExists(String path) {
        return driver.delete(path).recover(e -> absent(e, null));
    }

    public static <T> Future<T> absent(Throwable failure, T whenAbsent) {
        return failure instanceof PathNotFoundException ? Future.succeededFuture(whenAbsent) : Future.failedFuture(failure);
    }

    private static Optional<Digest> parse(String algorithm, String encoded) {
        return parse(algorithm + ":" + encoded);
    }

    /** Names that are no digest (a stray file, a driver's hidden object) are not the collector's business. */
    private static Optional<Digest> parse(String text) {
        return Digest.isValid(text) ? Optional.of(Digest.parse(text)) : Optional.empty();
    }
}
