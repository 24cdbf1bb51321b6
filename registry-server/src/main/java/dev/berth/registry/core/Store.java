package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.storage.FileInfo;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The storage driver seen the way the registry core uses it: links that hold a digest, and
 * "absent" as an ordinary answer rather than a failure.
 */
final class Store {
    private final StorageDriver driver;

    Store(StorageDriver driver) {
        this.driver = driver;
    }

    StorageDriver driver() {
        return driver;
    }

    Future<Boolean> exists(String path) {
        return stat(path).map(Optional::isPresent);
    }

    Future<Optional<FileInfo>> stat(String path) {
        return driver.stat(path).map(Optional::of).recover(e -> absent(e, Optional.empty()));
    }

    Future<List<String>> listOrEmpty(String path) {
        return driver.list(path).recover(e -> absent(e, List.of()));
    }

    /** The digest a registry:2 link file holds; empty when there is no link. */
    Future<Optional<Digest>> readLink(String path) {
        return driver.read(path)
                .map(content -> Optional.of(Digest.parse(content.toString(StandardCharsets.UTF_8).trim())))
                .recover(e -> absent(e, Optional.empty()));
    }

    Future<Void> writeLink(String path, Digest digest) {
        return driver.write(path, Buffer.buffer(digest.toString()));
    }

    Future<Void> deleteIfExists(String path) {
        return driver.delete(path).recover(e -> absent(e, null));
    }

    /** Turns "not found" into {@code whenAbsent}, and lets every other failure through. */
    static <T> Future<T> absent(Throwable failure, T whenAbsent) {
        if (failure instanceof PathNotFoundException) {
            return Future.succeededFuture(whenAbsent);
        }
        return Future.failedFuture(failure);
    }
}
