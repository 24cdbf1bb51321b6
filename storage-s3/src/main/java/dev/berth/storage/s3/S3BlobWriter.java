package dev.berth.storage.s3;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Appends to numbered hidden segments beside the target (see {@link PartialSegments}), so nothing
 * is visible at the path until {@link #commit()} joins them there, or {@link #commitTo} at another
 * path's key (see {@link SegmentAssembler}): joined where they belong, they need no move, which on
 * S3 is a copy of the whole object and a delete.
 * The segments outlive {@link #end()}: that is what lets a later {@code writer(path, true)}, in
 * this process or another on the same bucket, continue them.
 *
 * <p>Bytes collect in memory until they fill a chunk of S3's minimum part size (5 MiB). Segments
 * grow with the upload (see {@link SegmentSizes}) so that the final object needs few enough parts:
 * a segment of the first size is one chunk put whole, a larger one is a multipart upload of chunks
 * ({@link GrowingSegment}). Either way every full segment is later copied into the final object
 * inside S3. Chunks that are whole segments go up as they fill, up to {@link #MAX_IN_FLIGHT} at
 * once; the chunks of a growing segment go one at a time. Once no other chunk may start, up to
 * the write queue size (1 MiB by default) more is accepted, then {@link #writeQueueFull()} pushes
 * back. Memory per writer is thus bounded, whatever the size of the upload, by the chunks being
 * sent (each at most a chunk plus the queue) and the queue filling meanwhile: about 20 MiB.
 *
 * <p>A write's future completes once the bytes are accepted, not stored: the segment that holds
 * them is only sent when it is full or at end/commit, and a caller waiting for that before ending
 * would wait forever. A failed upload fails every later write, end and commit.
 *
 * <p>A writer is driven from one context, like any Vert.x stream, so its state needs no locking.
 */
final class S3BlobWriter implements BlobWriter {
    private enum State {
        OPEN,
        ENDED,
        COMMITTED,
        CANCELLED
    }

    static final int CHUNK_SIZE = (int) SegmentAssembler.MIN_PART_SIZE;
    private static final int DEFAULT_WRITE_QUEUE_SIZE = 1 << 20;
    /**
     * Whole segments uploaded side by side: S3 takes each PUT at one connection's pace, several at
     * once go faster, and each holds a chunk in memory while it goes.
     */
    static final int MAX_IN_FLIGHT = 3;

    private final String path;
    private final S3Keys keys;
    private final PartialSegments segments;
    private final SegmentAssembler assembler;
    private final SegmentSizes sizes;
    private final long largestObject;
    private long nextSegment;
    /** The segment being built chunk by chunk, if the current one is larger than a chunk. */
    private GrowingSegment growing;
    /**
     * The size of a first segment that completes the part earlier writers left short (see
     * {@link SegmentAssembler#unfinishedPart}), or 0. Without it, that short run of segments would
     * be joined with the next segment, however large, and read back whole at commit.
     */
    private long completingSegment;
    /** Bytes in segments that are stored or on their way. */
    private long sent;
    /** The segments earlier writers left, which {@link #truncate} may cut back. */
    private List<S3Object> existing;
    /** Set by the first write: from then on {@link #truncate} could cut what this writer wrote. */
    private boolean written;

    private Buffer filling = Buffer.buffer();
    /**
     * Chunks on their way, each settling after this writer's bookkeeping for it ran. Whole segments
     * go up side by side, at most {@link #MAX_IN_FLIGHT}; a chunk of a growing segment goes alone.
     */
    private final List<Future<Void>> uploading = new ArrayList<>();
    /** Whether the chunk on its way belongs to a growing segment, whose parts go one at a time. */
    private boolean growingInFlight;

    private Throwable failure;
    private int writeQueueMaxSize = DEFAULT_WRITE_QUEUE_SIZE;
    private Handler<Void> drainHandler;
    private Handler<Throwable> exceptionHandler;
    private State state = State.OPEN;

    private S3BlobWriter(
            String path,
            S3Keys keys,
            PartialSegments segments,
            SegmentAssembler assembler,
            SegmentSizes sizes,
            long nextSegment,
            List<S3Object> existing) {
        this.path = path;
        this.keys = keys;
        this.segments = segments;
        this.assembler = assembler;
        this.sizes = sizes;
        this.largestObject = sizes.largestObject();
        this.nextSegment = nextSegment;
        continueAfter(existing);
    }

    /** Takes up where the segments an earlier writer left end. */
    private void continueAfter(List<S3Object> existing) {
        this.existing = List.copyOf(existing);
        long unfinishedPart = SegmentAssembler.unfinishedPart(existing);
        this.completingSegment = unfinishedPart == 0 ? 0 : SegmentAssembler.MIN_PART_SIZE - unfinishedPart;
        this.sent = PartialSegments.totalSize(existing);
    }

    /** Continues the segments an earlier writer left when {@code append}, removes them otherwise. */
    static Future<BlobWriter> open(
            String path,
            S3Keys keys,
            PartialSegments segments,
            SegmentAssembler assembler,
            SegmentSizes sizes,
            boolean append) {
        if (!append) {
            return segments.deleteAll()
                    .map(ignored -> new S3BlobWriter(path, keys, segments, assembler, sizes, 0, List.of()));
        }
        return segments.list()
                .map(existing -> new S3BlobWriter(
                        path, keys, segments, assembler, sizes, PartialSegments.nextNumber(existing), existing));
    }

    @Override
    public long size() {
        return sent + filling.length();
    }

    /** Deletes the segments past {@code newSize}; each segment is one object, so only where one ends. */
    @Override
    public Future<Void> truncate(long newSize) {
        if (state != State.OPEN) {
            return notOpen();
        }
        if (written || newSize < 0 || newSize > size()) {
            return Future.failedFuture(new IllegalStateException("cannot cut " + path + " to " + newSize
                    + " bytes: it holds " + size() + (written ? " and was written to" : "")));
        }
        List<S3Object> kept = new ArrayList<>();
        long keptSize = 0;
        for (S3Object segment : existing) {
            if (keptSize == newSize) {
                break;
            }
            kept.add(segment);
            keptSize += segment.size();
        }
        if (keptSize != newSize) {
            return Future.failedFuture(new StorageException("cannot cut " + path + " to " + newSize
                    + " bytes: that is inside a segment, and S3 stores each segment whole"));
        }
        List<S3Object> dropped = existing.subList(kept.size(), existing.size());
        return segments.delete(dropped)
                .onSuccess(ignored -> continueAfter(kept))
                .recover(translated());
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (state != State.OPEN) {
            return notOpen();
        }
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        written = true;
        if (size() + data.length() > largestObject) {
            return Future.failedFuture(new StorageException("cannot store " + path + " on S3: larger than the "
                    + largestObject + " bytes that fit in " + SegmentSizes.MAX_PARTS + " parts"));
        }
        filling.appendBuffer(data);
        if (filling.length() >= chunkSize() && roomForChunk()) {
            startUpload(false);
        }
        return Future.succeededFuture();
    }

    /** Stores what was written as segments and keeps them for a later writer to continue. */
    @Override
    public Future<Void> end() {
        if (state != State.OPEN) {
            return notOpen();
        }
        state = State.ENDED;
        return flush().recover(translated());
    }

    @Override
    public Future<Void> commit() {
        return commitTo(path);
    }

    @Override
    public Future<Void> commitTo(String target) {
        if (state != State.OPEN) {
            return notOpen();
        }
        String key;
        try {
            key = keys.key(target);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        state = State.COMMITTED;
        if (failure == null && nothingStored()) {
            // Content below one chunk that no writer stored yet goes to its key in one PUT: no
            // segment to write, list, read back and delete.
            Buffer content = filling;
            filling = Buffer.buffer();
            return assembler.putWhole(key, content).recover(translated());
        }
        return flush().compose(ignored -> segments.list())
                .compose(all -> assembler.assemble(all, key).compose(assembled -> segments.delete(all)))
                .recover(translated());
    }

    /** Allowed in any state, so that a caller can clean up after a failed write or commit. */
    @Override
    public Future<Void> cancel() {
        state = State.CANCELLED;
        filling = Buffer.buffer();
        // Whatever the uploads in flight did, their segments must go too: delete after they settled.
        return Future.join(List.copyOf(uploading))
                .transform(settled -> abortGrowing())
                .transform(aborted -> segments.deleteAll())
                .recover(translated());
    }

    @Override
    public S3BlobWriter exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public S3BlobWriter setWriteQueueMaxSize(int maxSize) {
        this.writeQueueMaxSize = maxSize;
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return !uploading.isEmpty() && !roomForChunk() && filling.length() >= writeQueueMaxSize;
    }

    @Override
    public S3BlobWriter drainHandler(Handler<Void> handler) {
        this.drainHandler = handler;
        return this;
    }

    /**
     * An entry of {@link #uploading} completes only after this writer's own bookkeeping for the
     * segment ran: a caller chained on the PutObject itself could run first and see the finished
     * upload still in flight (Vert.x runs listeners of a completed future at once, on the
     * context's thread).
     */
    private void startUpload(boolean last) {
        Buffer chunk = filling;
        // A writer that filled one chunk is likely to fill the next: room for it at once spares the
        // doubling growth (8 regrowths to 5 MiB, ending in an 8 MiB array). The first chunk starts
        // small, since most blobs (configs, small layers) never fill one.
        filling = Buffer.buffer((int) chunkSize());
        sent += chunk.length();
        Promise<Void> settled = Promise.promise();
        Future<Void> upload = settled.future();
        uploading.add(upload);
        boolean whole = wholeSegment(chunk.length(), last);
        growingInFlight = !whole;
        send(chunk, last).onComplete(result -> {
            uploading.remove(upload);
            if (!whole) {
                growingInFlight = false;
            }
            if (result.failed()) {
                failed(result.cause());
            } else if (state != State.CANCELLED && filling.length() >= chunkSize() && roomForChunk()) {
                startUpload(false);
            }
            if (drainHandler != null && !writeQueueFull()) {
                drainHandler.handle(null);
            }
            settled.complete();
        });
    }

    /**
     * Whether a full chunk may go up now: none is on its way, or only whole segments are, fewer than
     * {@link #MAX_IN_FLIGHT}, and the next chunk is a whole segment too.
     */
    private boolean roomForChunk() {
        if (uploading.isEmpty()) {
            return true;
        }
        return failure == null
                && !growingInFlight
                && uploading.size() < MAX_IN_FLIGHT
                && wholeSegment(chunkSize(), false);
    }

    /** Whether a chunk of {@code length} bytes goes up as a segment of its own (see {@link #send}). */
    private boolean wholeSegment(long length, boolean last) {
        return completingSegment > 0 || (growing == null && (last || length >= sizes.of(nextSegment)));
    }

    /**
     * Adds a chunk to the current segment, which is finished once it reached its size or when
     * this is the {@code last} chunk the writer sends.
     */
    private Future<Void> send(Buffer chunk, boolean last) {
        if (completingSegment > 0) {
            completingSegment = 0;
            return segments.put(nextSegment++, chunk);
        }
        long segmentSize = sizes.of(nextSegment);
        if (growing == null && (last || chunk.length() >= segmentSize)) {
            return segments.put(nextSegment++, chunk);
        }
        Future<GrowingSegment> segment = growing != null
                ? Future.succeededFuture(growing)
                : segments.start(nextSegment).map(started -> growing = started);
        return segment.compose(started -> chunk.length() == 0 ? Future.succeededFuture() : started.append(chunk))
                .compose(appended -> {
                    if (!last && growing.size() < segmentSize) {
                        return Future.succeededFuture();
                    }
                    GrowingSegment full = growing;
                    growing = null;
                    nextSegment++;
                    return full.complete();
                });
    }

    /** No segment exists for this path: none was left by earlier writers, none was started by this one. */
    private boolean nothingStored() {
        return nextSegment == 0 && growing == null && uploading.isEmpty();
    }

    private long chunkSize() {
        return completingSegment > 0 ? completingSegment : CHUNK_SIZE;
    }

    /** Sends every byte written so far, waiting for the upload in flight first to keep segments in order. */
    private Future<Void> flush() {
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        if (!uploading.isEmpty()) {
            // Settles after the uploads' bookkeeping, which may have started the next ones.
            return Future.join(List.copyOf(uploading)).transform(ignored -> flush());
        }
        if (filling.length() > 0 || growing != null) {
            startUpload(true);
            return flush();
        }
        return Future.succeededFuture();
    }

    private Future<Void> abortGrowing() {
        GrowingSegment abandoned = growing;
        growing = null;
        return abandoned == null ? Future.succeededFuture() : abandoned.abort();
    }

    private void failed(Throwable cause) {
        if (failure == null) {
            failure = S3Errors.translate(cause, path);
            if (exceptionHandler != null) {
                exceptionHandler.handle(failure);
            }
        }
    }

    private <T> Function<Throwable, Future<T>> translated() {
        return cause -> Future.failedFuture(S3Errors.translate(cause, path));
    }

    private Future<Void> notOpen() {
        return Future.failedFuture(new IllegalStateException(
                "writer for " + path + " is already " + state.name().toLowerCase()));
    }
}
