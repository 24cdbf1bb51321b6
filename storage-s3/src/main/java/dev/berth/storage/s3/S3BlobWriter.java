package dev.berth.storage.s3;

import dev.berth.storage.BlobWriter;
import dev.berth.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * <p>Bytes are copied into a part of the driver's {@link PartPool} until it holds a chunk of S3's
 * minimum part size (5 MiB). Segments grow with the upload (see {@link SegmentSizes}) so that the
 * final object needs few enough parts: a segment of the first size is one chunk put whole, a larger
 * one is a multipart upload of chunks ({@link GrowingSegment}). Either way every full segment is
 * later copied into the final object inside S3. Chunks that are whole segments go up as they fill,
 * up to {@link #MAX_IN_FLIGHT} at once; the chunks of a growing segment go one at a time. Each
 * part returns to the pool once S3 has it. Bytes that find no room (the pool has no part free, or
 * a full part waits for one of those on their way) wait in the buffers they came in and the writer
 * reports its queue full: the request body is paused until they found a part. The pool thus bounds
 * the memory of all uploads together, and one writer holds at most {@code MAX_IN_FLIGHT} parts on
 * their way, one filling and one received buffer waiting.
 *
 * <p>Content below {@link #SMALL_CONTENT} that no part was taken for yet stays in the buffers it came
 * in and goes to S3 from them: a small blob, or a small chunk of a chunked upload, takes no part.
 *
 * <p>A part that has been filling for longer than the pool's {@link PartPool#slowFill()} while
 * another upload waits for one is sent as it is, a segment shorter than a part, and given back
 * (see {@link #checkSlowPart()}): a slow client cannot keep the pool from the others. The next
 * segment then completes the short one to a part, as a resumed writer's first segment does, and
 * commit joins the two as it joins the short segments that small chunks leave.
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
    /**
     * Content up to this size, while no part was taken for it, waits in the buffers it arrived in
     * rather than in a part: most blobs (configs, small layers) are far smaller than a part, and a
     * part each would keep many small pushes at once waiting for the pool.
     */
    static final int SMALL_CONTENT = 1 << 20;

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
    private final PartPool pool;
    private final Vertx vertx;
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

    /** Bytes accepted and not copied into a part yet, in the buffers they came in, in order. */
    private final Deque<Buffer> pending = new ArrayDeque<>();

    private long pendingBytes;
    /** The pool's part being filled, from its start to its position; null while none is held. */
    private ByteBuffer part;
    /** The timer that checks whether the part being filled is slow (see {@link #checkSlowPart()}), or -1. */
    private long slowPartTimer = -1;
    /** A part asked of the pool that has not arrived yet, or null. */
    private Future<ByteBuffer> partWanted;
    /** Set by the first chunk this writer sends: from then on every byte goes through a part. */
    private boolean sentAny;
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
            PartPool pool,
            Vertx vertx,
            long nextSegment,
            List<S3Object> existing) {
        this.path = path;
        this.keys = keys;
        this.segments = segments;
        this.assembler = assembler;
        this.sizes = sizes;
        this.pool = pool;
        this.vertx = vertx;
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
            PartPool pool,
            Vertx vertx,
            boolean append) {
        if (!append) {
            return segments.deleteAll()
                    .map(ignored ->
                            new S3BlobWriter(path, keys, segments, assembler, sizes, pool, vertx, 0, List.of()));
        }
        return segments.list()
                .map(existing -> new S3BlobWriter(
                        path,
                        keys,
                        segments,
                        assembler,
                        sizes,
                        pool,
                        vertx,
                        PartialSegments.nextNumber(existing),
                        existing));
    }

    @Override
    public long size() {
        return sent + (part == null ? 0 : part.position()) + pendingBytes;
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
        if (data.length() > 0) {
            pending.add(data);
            pendingBytes += data.length();
            place();
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
        return placed().compose(ignored -> {
                    if (nothingStored()) {
                        // Content below one chunk that no writer stored yet goes to its key in one PUT:
                        // no segment to write, list, read back and delete.
                        return putWhole(key);
                    }
                    return flush().compose(flushed -> segments.list())
                            .compose(all -> assembler.assemble(all, key).compose(assembled -> segments.delete(all)));
                })
                .recover(translated());
    }

    /** Allowed in any state, so that a caller can clean up after a failed write or commit. */
    @Override
    public Future<Void> cancel() {
        state = State.CANCELLED;
        dropUnsent();
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

    /** How much the part being filled may take while no other chunk may go up (see {@link #writeQueueFull()}). */
    @Override
    public S3BlobWriter setWriteQueueMaxSize(int maxSize) {
        this.writeQueueMaxSize = maxSize;
        return this;
    }

    /**
     * Full when bytes wait for a part (memory outside the pool, so at most one received buffer while
     * the caller respects back-pressure), or when no other chunk may go up yet and the part being
     * filled holds the write queue's size: the writer keeps at most that much ahead of S3.
     */
    @Override
    public boolean writeQueueFull() {
        return (!pending.isEmpty() && !holdsSmall())
                || (part != null && !roomForChunk() && part.position() >= writeQueueMaxSize);
    }

    @Override
    public S3BlobWriter drainHandler(Handler<Void> handler) {
        this.drainHandler = handler;
        return this;
    }

    /**
     * Moves pending bytes into parts as far as they go, sending each part that is full while there
     * is room for it: what is left waits for a part from the pool or for room (an upload settling),
     * which both call this again.
     */
    private void place() {
        while (failure == null && state != State.CANCELLED) {
            if (part != null && part.position() == chunkSize()) {
                if (!roomForChunk()) {
                    return;
                }
                startUpload(false);
            } else if (pending.isEmpty() || holdsSmall()) {
                return;
            } else if (part != null) {
                fill();
            } else if (!takePart()) {
                return;
            }
        }
    }

    /** Whether pending bytes may stay where they arrived: small content before any part was needed. */
    private boolean holdsSmall() {
        return part == null && partWanted == null && !sentAny && pendingBytes < SMALL_CONTENT;
    }

    /** Copies pending bytes into the part, up to the current chunk's size. */
    private void fill() {
        Buffer head = pending.poll();
        int length = (int) Math.min(chunkSize() - part.position(), head.length());
        part.put(((BufferInternal) head).getByteBuf().nioBuffer(0, length));
        if (length < head.length()) {
            pending.addFirst(head.slice(length, head.length()));
        }
        pendingBytes -= length;
    }

    /**
     * Takes a part from the pool: true if it is there at once, otherwise it is filled and the
     * writer drained once it arrives (or it goes straight back, if the writer was cancelled or
     * failed while it was on its way).
     */
    private boolean takePart() {
        if (partWanted != null) {
            return false;
        }
        Future<ByteBuffer> coming = pool.take();
        if (coming.succeeded()) {
            fillFrom(coming.result());
            return true;
        }
        partWanted = coming;
        coming.onComplete(arrived -> {
            partWanted = null;
            if (arrived.failed()) {
                return; // withdrawn: the writer was cancelled or failed
            }
            ByteBuffer buffer = arrived.result();
            if (state == State.CANCELLED || failure != null) {
                pool.give(buffer);
                return;
            }
            fillFrom(buffer);
            place();
            drainIfRoom();
        });
        return false;
    }

    /** Starts filling {@code buffer}, a part from the pool, and checks every so often that it fills in time. */
    private void fillFrom(ByteBuffer buffer) {
        part = buffer;
        checkSlowPartLater();
    }

    private void checkSlowPartLater() {
        slowPartTimer = vertx.setTimer(pool.slowFill().toMillis(), fired -> checkSlowPart());
    }

    /**
     * Runs once the part being filled has been held for the pool's {@link PartPool#slowFill()}, and
     * again every so long while it is. If another upload waits for a part, sends what this one holds
     * as a segment of its own, shorter than a part (it is not full: a full one goes up anyway; see
     * {@link #send}), so that the part goes back to the pool once S3 has it. Not while a chunk of this
     * writer is on its way: then S3, not the client, is what holds the part up (and a growing segment
     * takes one chunk at a time).
     */
    private void checkSlowPart() {
        if (state == State.OPEN
                && failure == null
                && part != null
                && pool.waiting() > 0
                && uploading.isEmpty()
                && part.position() < chunkSize()) {
            startUpload(true);
        } else if (part != null) {
            checkSlowPartLater();
        }
    }

    /** Stops filling the part, now sent or given back, and returns it. */
    private ByteBuffer handOverPart() {
        ByteBuffer held = part;
        part = null;
        vertx.cancelTimer(slowPartTimer);
        slowPartTimer = -1;
        return held;
    }

    /**
     * Sends the part being filled, or small content that never needed one; with {@code endsSegment}
     * the segment ends with it, however short. An entry of {@link #uploading} completes only after
     * this writer's own bookkeeping for the segment ran: a caller chained on the PutObject itself
     * could run first and see the finished upload still in flight (Vert.x runs listeners of a
     * completed future at once, on the context's thread).
     */
    private void startUpload(boolean endsSegment) {
        ByteBuffer sending = part;
        Chunk chunk;
        if (sending != null) {
            handOverPart();
            chunk = Chunk.filled(sending);
        } else {
            chunk = Chunk.of(pending);
            pending.clear();
            pendingBytes = 0;
        }
        sentAny = true;
        sent += chunk.length();
        Promise<Void> settled = Promise.promise();
        Future<Void> upload = settled.future();
        uploading.add(upload);
        boolean whole = wholeSegment(chunk.length(), endsSegment);
        growingInFlight = !whole;
        send(chunk, endsSegment).onComplete(result -> {
            if (sending != null) {
                pool.give(sending);
            }
            uploading.remove(upload);
            if (!whole) {
                growingInFlight = false;
            }
            if (result.failed()) {
                failed(result.cause());
            } else {
                place();
            }
            drainIfRoom();
            settled.complete();
        });
    }

    private void drainIfRoom() {
        if (drainHandler != null && !writeQueueFull()) {
            drainHandler.handle(null);
        }
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
    private boolean wholeSegment(long length, boolean endsSegment) {
        return completingSegment > 0 || (growing == null && (endsSegment || length >= sizes.of(nextSegment)));
    }

    /**
     * Adds a chunk to the current segment, which is finished once it reached its size or when the
     * chunk {@code endsSegment} (the writer's last, or a slow part's). A segment of its own shorter
     * than the part it began leaves that part short: the next segment is made to complete it.
     */
    private Future<Void> send(Chunk chunk, boolean endsSegment) {
        long segmentSize = sizes.of(nextSegment);
        if (wholeSegment(chunk.length(), endsSegment)) {
            completingSegment = Math.max(0, chunkSize() - chunk.length());
            return segments.put(nextSegment++, chunk);
        }
        Future<GrowingSegment> segment = growing != null
                ? Future.succeededFuture(growing)
                : segments.start(nextSegment).map(started -> growing = started);
        return segment.compose(started -> chunk.length() == 0 ? Future.succeededFuture() : started.append(chunk))
                .compose(appended -> {
                    if (!endsSegment && growing.size() < segmentSize) {
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

    /** Puts what was written at {@code key} as it is, and gives its part back once S3 has it. */
    private Future<Void> putWhole(String key) {
        if (part == null) {
            Chunk small = Chunk.of(pending);
            pending.clear();
            pendingBytes = 0;
            return assembler.putWhole(key, small);
        }
        ByteBuffer whole = handOverPart();
        return assembler.putWhole(key, Chunk.filled(whole)).andThen(put -> pool.give(whole));
    }

    /** Completes once no part is on its way from the pool, and what waited for it is in it. */
    private Future<Void> placed() {
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        return partWanted == null ? Future.succeededFuture() : partWanted.transform(arrived -> placed());
    }

    private long chunkSize() {
        return completingSegment > 0 ? completingSegment : CHUNK_SIZE;
    }

    /** Sends every byte written so far, waiting for the uploads in flight first to keep segments in order. */
    private Future<Void> flush() {
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        if (state == State.CANCELLED) {
            return notOpen();
        }
        if (partWanted != null) {
            // Settles after the part's arrival was handled, which placed what waited for it.
            return partWanted.transform(arrived -> flush());
        }
        if (!uploading.isEmpty()) {
            // Settles after the uploads' bookkeeping, which may have started the next ones.
            return Future.join(List.copyOf(uploading)).transform(ignored -> flush());
        }
        if (!pending.isEmpty() && !holdsSmall()) {
            // Takes a part or sends a full one: either way the next round finds something to wait for.
            place();
            return flush();
        }
        if (!pending.isEmpty() || part != null || growing != null) {
            startUpload(true);
            return flush();
        }
        return Future.succeededFuture();
    }

    /**
     * Gives the part being filled back, stops waiting for one and forgets the bytes that waited:
     * they will not be sent.
     */
    private void dropUnsent() {
        pending.clear();
        pendingBytes = 0;
        if (part != null) {
            pool.give(handOverPart());
        }
        if (partWanted != null) {
            // A part already on its way is given back when it arrives (see takePart).
            pool.withdraw(partWanted);
        }
    }

    private Future<Void> abortGrowing() {
        GrowingSegment abandoned = growing;
        growing = null;
        return abandoned == null ? Future.succeededFuture() : abandoned.abort();
    }

    private void failed(Throwable cause) {
        if (failure == null) {
            failure = S3Errors.translate(cause, path);
            dropUnsent();
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
