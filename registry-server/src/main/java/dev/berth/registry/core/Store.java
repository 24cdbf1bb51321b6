package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.storage.BlobWriter;
import dev.berth.storage.FileInfo;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The storage driver seen the way the registry core, the collector and scrub use it, and their
 * only way to it: links that hold a digest, and "absent" as an ordinary answer rather than a
 * failure wherever a concurrent push or delete may have removed a path. The operations that
 * keep the driver's failure for a missing path are those whose caller has just seen the path.
 */
public final class Store {
    private final StorageDriver driver;

    public Store(StorageDriver driver) {
        this.driver = driver;
    }

    /** A whole (small) file; empty when there is none. */
    public Future<Optional<Buffer>> read(String path) {
        return driver.read(path).map(Optional::of).recover(e -> absent(e, Optional.empty()));
    }

    /** Writes a whole (small) file atomically. */
    public Future<Void> write(String path, Buffer content) {
        return driver.write(path, content);
    }

    /** Like {@link #write}, for state that may be lost to a power cut (see {@link StorageDriver#writeEphemeral}). */
    public Future<Void> writeEphemeral(String path, Buffer content) {
        return driver.writeEphemeral(path, content);
    }

    /** {@code length} bytes from {@code offset} ({@code length < 0}: to the end); fails when the file is gone. */
    public Future<ReadStream<Buffer>> readStream(String path, long offset, long length) {
        return driver.readStream(path, offset, length);
    }

    /** The whole file as a stream; empty when there is none. */
    public Future<Optional<ReadStream<Buffer>>> readStreamIfExists(String path) {
        return driver.readStream(path, 0, -1).map(Optional::of).recover(e -> absent(e, Optional.empty()));
    }

    /** A writer for large content, continuing what earlier writers left when {@code append}. */
    public Future<BlobWriter> writer(String path, boolean append) {
        return driver.writer(path, append);
    }

    /** Moves a file, replacing the target; fails when the source is gone. */
    public Future<Void> move(String from, String to) {
        return driver.move(from, to);
    }

    public Future<Boolean> exists(String path) {
        return stat(path).map(Optional::isPresent);
    }

    public Future<Optional<FileInfo>> stat(String path) {
        return driver.stat(path).map(Optional::of).recover(e -> absent(e, Optional.empty()));
    }

    /** The names of a directory's children; none when there is no such directory. */
    public Future<List<String>> listOrEmpty(String path) {
        return driver.list(path).recover(e -> absent(e, List.of()));
    }

    /** Deletes a file or a directory tree; fails when it is gone. */
    public Future<Void> delete(String path) {
        return driver.delete(path);
    }

    public Future<Void> deleteIfExists(String path) {
        return driver.delete(path).recover(e -> absent(e, null));
    }

    /** Deletes a directory whose files are {@code names}, cheaply (see {@link StorageDriver#deleteKnown}). */
    public Future<Void> deleteKnown(String path, Set<String> names) {
        return driver.deleteKnown(path, names);
    }

    /** Fast path: the local file holding {@code path}, when the driver has one. */
    public Optional<Path> localFile(String path) {
        return driver.localFile(path);
    }

    /** Fast path: a URL a client may fetch {@code path} from for {@code ttl}, when the driver offers one. */
    public Future<Optional<URI>> redirectUrl(String path, Duration ttl) {
        return driver.redirectUrl(path, ttl);
    }

    /** The digest a registry:2 link file holds; empty when there is no link. A link that holds no digest fails. */
    public Future<Optional<Digest>> readLink(String path) {
        return read(path).map(content -> content.map(Store::linkText).map(Digest::parse));
    }

    /**
     * Like {@link #readLink}, but a link that holds no digest reads as no link: for a reader that
     * must get past damage rather than stop at it, as the collector must.
     */
    public Future<Optional<Digest>> readIntactLink(String path) {
        return read(path)
                .map(content ->
                        content.map(Store::linkText).filter(Digest::isValid).map(Digest::parse));
    }

    public Future<Void> writeLink(String path, Digest digest) {
        return driver.write(path, Buffer.buffer(digest.toString()));
    }

    private static String linkText(Buffer content) {
        return content.toString(StandardCharsets.UTF_8).trim();
    }

    /** Turns "not found" into {@code whenAbsent}, and lets every other failure through. */
    private static <T> Future<T> absent(Throwable failure, T whenAbsent) {
        if (failure instanceof PathNotFoundException) {
            return Future.succeededFuture(whenAbsent);
        }
        return Future.failedFuture(failure);
    }
}
