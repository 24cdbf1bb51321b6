package dev.berth.storage.s3;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.FileInfo;
import dev.berth.storage.PathNotFoundException;
import dev.berth.storage.StorageDriver;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stores each path as the object "prefix + path" in one bucket, in the layout registry:2 uses, so
 * either can serve the other's data.
 *
 * <p>S3 has no directories: a "directory" exists while some key starts with its path and '/', and
 * vanishes with its last object. Whole-file writes are single PutObjects, which S3 makes atomic.
 * No call blocks the event loop: the calls a push or a pull is made of go through Vert.x's HTTP
 * client ({@link S3HttpCalls}, {@link S3ObjectReader}), the rarer ones (copies, multipart uploads)
 * through the SDK's asynchronous client.
 */
public final class S3StorageDriver implements StorageDriver {
    private final Vertx vertx;
    private final S3Bucket bucket;
    private final S3Keys keys;
    private final SegmentAssembler assembler;
    private final S3Settings settings;
    private final SegmentSizes sizes;
    private final PartPool parts;
    private final S3Signing signing;
    private final S3ObjectReader reader;
    private final boolean redirect;
    private final long partsRelease;

    /**
     * How often the part pool is asked to free its buffers if no upload took one since it was last
     * asked ({@link PartPool#releaseIfUnused}): its memory goes back 5-10 s after the last upload.
     */
    private static final long PARTS_RELEASE_MILLIS = 5_000;

    /** The size of each part buffer uploads fill (S3's smallest part): upload memory comes in these. */
    public static final int PART_SIZE = S3BlobWriter.CHUNK_SIZE;

    /**
     * A driver that talks to S3 through {@code client} and, for the calls a push or a pull is made of,
     * through Vert.x's HTTP client signed with {@code client}'s credentials and endpoint (see {@link
     * S3HttpCalls}, {@link S3ObjectReader}); it closes {@code client}. With {@code redirect} it also
     * offers clients pre-signed URLs of blobs ({@link #redirectUrl}). Its uploads share {@code uploadMemory}
     * bytes of part buffers, in whole parts of {@link #PART_SIZE} (at least one).
     */
    public S3StorageDriver(
            Vertx vertx, S3AsyncClient client, S3Settings settings, boolean redirect, long uploadMemory) {
        this(
                vertx,
                client,
                settings,
                redirect,
                SegmentSizes.DEFAULT,
                new PartPool((int) Math.min(Integer.MAX_VALUE, uploadMemory / PART_SIZE), PART_SIZE));
    }

    /** A driver whose uploads share the default pool of parts ({@link PartPool#DEFAULT_PARTS}). */
    public S3StorageDriver(Vertx vertx, S3AsyncClient client, S3Settings settings, boolean redirect) {
        this(vertx, client, settings, redirect, SegmentSizes.DEFAULT, PartPool.withDefaults());
    }

    /**
     * A driver whose segments grow as {@code sizes} says (tests make them grow within megabytes) and
     * whose uploads fill their parts from {@code parts} (tests give them fewer).
     */
    S3StorageDriver(
            Vertx vertx,
            S3AsyncClient client,
            S3Settings settings,
            boolean redirect,
            SegmentSizes sizes,
            PartPool parts) {
        this.vertx = vertx;
        this.redirect = redirect;
        this.sizes = sizes;
        this.parts = parts;
        this.settings = settings;
        this.signing = new S3Signing(vertx, client, settings.bucket());
        this.reader = new S3ObjectReader(vertx, signing);
        this.bucket = new S3Bucket(vertx, client, new S3HttpCalls(vertx, reader, signing), settings.bucket());
        this.keys = new S3Keys(settings.prefix());
        this.assembler = new SegmentAssembler(bucket);
        this.partsRelease = vertx.setPeriodic(PARTS_RELEASE_MILLIS, fired -> parts.releaseIfUnused());
    }

    @Override
    public String name() {
        return "s3";
    }

    /**
     * Fails with a {@link dev.berth.storage.StorageException} whose message says what is wrong
     * (no such bucket, credentials refused, endpoint unreachable) unless the bucket can be used.
     */
    public Future<Void> checkBucket() {
        return bucket.headBucket().recover(failure -> Future.failedFuture(BucketCheck.explain(failure, settings)));
    }

    @Override
    public Future<Buffer> read(String path) {
        return withKey(path, keys::key, bucket::get);
    }

    @Override
    public Future<Void> write(String path, Buffer content) {
        return withKey(path, keys::key, key -> bucket.put(key, Chunk.copyOf(content)));
    }

    @Override
    public Future<ReadStream<Buffer>> readStream(String path, long offset, long length) {
        if (offset < 0) {
            return Future.failedFuture(new IllegalArgumentException("negative offset " + offset + " for " + path));
        }
        Context context = vertx.getOrCreateContext();
        return withKey(path, keys::key, key -> {
            if (length == 0) {
                // HTTP cannot ask for zero bytes; still fail as a missing path should.
                return bucket.head(key).map(ignored -> new EmptyReadStream(context));
            }
            return reader.open(path, key, range(offset, length));
        });
    }

    @Override
    public Future<FileInfo> stat(String path) {
        return withKey(
                path,
                keys::key,
                key -> bucket.head(key)
                        .map(head -> new FileInfo(path, head.size(), head.modified(), false))
                        .recover(failure ->
                                S3Errors.isMissing(failure) ? statDirectory(path) : Future.failedFuture(failure)));
    }

    /** S3 keeps no time for a "directory": the time of the first object in it is the best there is. */
    private Future<FileInfo> statDirectory(String path) {
        return bucket.firstUnder(keys.directory(path))
                .compose(first -> first.map(
                                object -> Future.succeededFuture(new FileInfo(path, 0, object.lastModified(), true)))
                        .orElseGet(() -> Future.failedFuture(new PathNotFoundException(path))));
    }

    @Override
    public Future<List<String>> list(String path) {
        return withKey(
                path,
                keys::directory,
                prefix -> bucket.listChildren(prefix).compose(children -> {
                    if (children.isEmpty()) {
                        return Future.failedFuture(new PathNotFoundException(path));
                    }
                    List<String> names = new ArrayList<>();
                    children.prefixes()
                            .forEach(child -> names.add(child.substring(prefix.length(), child.length() - 1)));
                    children.objects().forEach(child -> names.add(child.key().substring(prefix.length())));
                    names.removeIf(S3Keys::isReserved);
                    return Future.succeededFuture(names);
                }));
    }

    /** A file is copied and deleted; a "directory" is every object under it, one by one. Not atomic. */
    @Override
    public Future<Void> move(String from, String to) {
        String fromKey;
        String toKey;
        try {
            fromKey = keys.key(from);
            toKey = keys.key(to);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return bucket.copy(fromKey, toKey)
                .compose(copied -> bucket.delete(fromKey))
                .recover(failure -> S3Errors.isMissing(failure)
                        ? moveDirectory(from, fromKey + "/", toKey + "/")
                        : Future.failedFuture(failure))
                .recover(translated(from));
    }

    private Future<Void> moveDirectory(String from, String fromPrefix, String toPrefix) {
        return bucket.listAll(fromPrefix).compose(objects -> {
            if (objects.isEmpty()) {
                return Future.failedFuture(new PathNotFoundException(from));
            }
            Future<Void> chain = Future.succeededFuture();
            for (S3Object object : objects) {
                String target = toPrefix + object.key().substring(fromPrefix.length());
                chain = chain.compose(ignored -> bucket.copy(object.key(), target));
            }
            return chain.compose(ignored ->
                    bucket.deleteAll(objects.stream().map(S3Object::key).toList()));
        });
    }

    /**
     * Deletes the object at the path and every object under it; S3 would not say if there were none.
     * Multipart uploads begun under it and never completed (the growing segment of a writer whose
     * process died, say) are aborted too: listings never show them, yet their parts are stored, and
     * billed, until someone aborts them.
     */
    @Override
    public Future<Void> delete(String path) {
        return withKey(path, keys::key, key -> {
            Future<Boolean> file = bucket.head(key)
                    .map(true)
                    .recover(failure ->
                            S3Errors.isMissing(failure) ? Future.succeededFuture(false) : Future.failedFuture(failure));
            Future<List<S3Object>> tree = bucket.listAll(key + "/");
            Future<List<MultipartUpload>> unfinished = bucket.listMultipartUploads(key + "/");
            return Future.all(file, tree, unfinished)
                    .compose(found -> bucket.abortAll(unfinished.result()))
                    .compose(aborted -> {
                        List<String> doomed = new ArrayList<>(
                                tree.result().stream().map(S3Object::key).toList());
                        if (file.result()) {
                            doomed.add(key);
                        }
                        if (doomed.isEmpty()) {
                            return Future.failedFuture(new PathNotFoundException(path));
                        }
                        return bucket.deleteAll(doomed);
                    });
        });
    }

    /**
     * One DeleteObject per named file, side by side: no HEAD, no listing of what else lies under the
     * directory or of the multipart uploads begun there. A writer's segments there go with its
     * commit; those of a writer whose process died in the middle of one are {@link #crashLeftovers}.
     */
    @Override
    public Future<Void> deleteKnown(String path, Set<String> names) {
        List<String> doomed;
        try {
            doomed = names.stream().map(name -> keys.key(path + "/" + name)).toList();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return bucket.deleteAll(doomed).recover(translated(path));
    }

    /**
     * The segments of writers whose process died while it uploaded one part by part: multipart
     * uploads that no listing shows and whose parts S3 keeps, and bills, until they are aborted. One
     * begun and with no part stored since {@code writtenBefore} is dead (a writer alive stores a part
     * every 5 MiB it receives); with {@code remove} it is aborted. The bucket's other multipart
     * uploads are not the driver's to judge (registry:2 keeps one open across an upload's requests).
     */
    @Override
    public Future<List<String>> crashLeftovers(Instant writtenBefore, boolean remove) {
        return bucket.listMultipartUploads(settings.prefix())
                .map(uploads -> uploads.stream()
                        .filter(upload -> keys.isSegment(upload.key()))
                        .toList())
                .compose(segments -> bucket.idleSince(segments, writtenBefore))
                .compose(dead -> (remove ? bucket.abortAll(dead) : Future.<Void>succeededFuture())
                        .map(v -> dead.stream()
                                .map(upload -> keys.relative(upload.key()))
                                .toList()));
    }

    @Override
    public Future<BlobWriter> writer(String path, boolean append) {
        return withKey(
                path,
                keys::key,
                key -> S3BlobWriter.open(
                        path,
                        keys,
                        new PartialSegments(bucket, keys.partialOf(path)),
                        assembler,
                        sizes,
                        parts,
                        vertx,
                        append));
    }

    /** A pre-signed GET of the object, when this driver redirects. */
    @Override
    public Future<Optional<URI>> redirectUrl(String path, Duration ttl) {
        if (!redirect) {
            return Future.succeededFuture(Optional.empty());
        }
        return withKey(path, keys::key, key -> signing.presignedGet(key, ttl).map(Optional::of));
    }

    /**
     * Relays at least {@code bytes} over loopback through the path a blob GET takes, into servers
     * that {@code relayServers} starts with the handler it is given ({@code https} if they serve
     * HTTPS; see {@link RelayWarmUp}); answers how many bytes went through, or fails once {@code
     * within} has passed. None with redirects on, where clients fetch blobs from S3 themselves.
     */
    public Future<Long> warmUp(
            Function<Handler<HttpServerRequest>, Future<List<HttpServer>>> relayServers,
            boolean https,
            long bytes,
            Duration within) {
        if (redirect || bytes <= 0) {
            return Future.succeededFuture(0L);
        }
        return new RelayWarmUp(vertx, reader, relayServers, https).run(bytes, within);
    }

    @Override
    public Future<Void> close() {
        vertx.cancelTimer(partsRelease);
        return reader.close().eventually(bucket::close);
    }

    /** Rejects a bad path before any I/O and names failures by the storage path. */
    private <T> Future<T> withKey(String path, Function<String, String> toKey, Function<String, Future<T>> operation) {
        String key;
        try {
            key = toKey.apply(path);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return operation.apply(key).recover(translated(path));
    }

    private static <T> Function<Throwable, Future<T>> translated(String path) {
        return failure -> Future.failedFuture(S3Errors.translate(failure, path));
    }

    /** An HTTP Range header for the bytes wanted, or null for the whole object. */
    private static String range(long offset, long length) {
        if (length < 0) {
            return offset == 0 ? null : "bytes=" + offset + "-";
        }
        return "bytes=" + offset + "-" + (offset + length - 1);
    }
}
