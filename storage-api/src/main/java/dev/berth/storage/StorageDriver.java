package dev.berth.storage;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dumb, path-addressed byte store. Every registry rule (links, tags, uploads, deletion) lives
 * above it in the registry core, so that every driver gets the same semantics by construction.
 *
 * <p>Paths are relative, '/'-separated and checked by {@link StoragePath#check(String)}: a driver
 * never sees "..", an absolute path or an empty segment. Every operation is asynchronous and
 * never blocks the calling event loop. A missing path fails the future with
 * {@link PathNotFoundException}.
 */
public interface StorageDriver {

    /** A short name for logs and metrics, such as "filesystem". */
    String name();

    /** Reads a whole (small) file: links, upload state, manifests. */
    Future<Buffer> read(String path);

    /** Writes a whole (small) file atomically: readers see the old content or the new, never a part. */
    Future<Void> write(String path, Buffer content);

    /**
     * Like {@link #write}, atomic and surviving a crash of the process, for content that may be lost
     * when the machine loses power or its kernel crashes: state that is cheap to recreate, such as an
     * upload session's, whose client then starts the upload again. Drivers that can make such a
     * write cheaper (the filesystem skips its fsync) override this; the rest need not.
     */
    default Future<Void> writeEphemeral(String path, Buffer content) {
        return write(path, content);
    }

    /**
     * Opens a stream of {@code length} bytes from {@code offset} ({@code length < 0}: to the end).
     * The stream is paused-capable and ends after the last byte. A driver's stream may override
     * {@code pipeTo} to hand its own buffers to the destination without copying (S3's does); a pipe
     * that fails because the storage broke off need not have ended the destination, so a caller whose
     * destination's body had begun cuts it (the registry closes the client's connection).
     */
    Future<ReadStream<Buffer>> readStream(String path, long offset, long length);

    /** Size, modification time and kind of a file or directory. */
    Future<FileInfo> stat(String path);

    /** The names (not paths) of the direct children of a directory, in no particular order. */
    Future<List<String>> list(String path);

    /** Moves a file, replacing the target; atomic where the backend allows it. */
    Future<Void> move(String from, String to);

    /** Deletes a file or a whole directory tree. */
    Future<Void> delete(String path);

    /**
     * Deletes the directory {@code path} that, as far as the caller knows, holds just the files
     * {@code names} (names in it, not paths), and succeeds whether or not they were still there.
     * Where finding what lies under a path costs requests (S3: a HEAD and two listings), a driver
     * deletes just those files: anything else under the directory stays, and with it the directory,
     * for whoever lists it (a scrub) to find, and hidden content of the driver's own that a crash
     * left there is among its {@link #crashLeftovers}. Other drivers delete the whole tree.
     */
    default Future<Void> deleteKnown(String path, Set<String> names) {
        return delete(path)
                .recover(failure -> failure instanceof PathNotFoundException
                        ? Future.succeededFuture()
                        : Future.failedFuture(failure));
    }

    /**
     * Opens a writer for large content. With {@code append}, writing continues after what an
     * earlier writer on the same path left (resumable uploads that cross requests and replicas);
     * otherwise the content starts empty. The content is readable at {@code path} only after
     * {@link BlobWriter#commit()}.
     */
    Future<BlobWriter> writer(String path, boolean append);

    /** Fast path: the local file holding {@code path}, for zero-copy sending. */
    default Optional<Path> localFile(String path) {
        return Optional.empty();
    }

    /** Fast path: a URL a client may fetch {@code path} from directly, valid for {@code ttl}. */
    default Future<Optional<URI>> redirectUrl(String path, Duration ttl) {
        return Future.succeededFuture(Optional.empty());
    }

    /**
     * The driver's own hidden files that a crash left behind (a temporary file of a write, or a
     * directory renamed out of sight to be deleted, on the filesystem), last written before
     * {@code writtenBefore}, as paths relative to the store's root; with {@code remove}, removed
     * too. Drivers whose writes leave nothing hidden behind when interrupted have none. Hidden
     * content that outlives a crash in a visible directory (the S3 driver's stored segments in an
     * upload session's) goes with that directory, not here; what no listing shows (the S3 driver's
     * unfinished multipart uploads) is here.
     */
    default Future<List<String>> crashLeftovers(Instant writtenBefore, boolean remove) {
        return Future.succeededFuture(List.of());
    }

    /** Releases clients and handles. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
