package dev.berth.storage.s3;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The memory every upload of one driver (so of the process) fills its parts in: at most {@code
 * parts} buffers of one part's size, made when first needed and then lent again and again, and
 * freed when no upload took one for a while ({@link #releaseIfUnused}). An upload that finds none
 * free waits for one, first come first served, while its writer pushes back on the request body;
 * nothing fails. Many large pushes at once thus share the pool
 * rather than each taking memory of its own: with parts in heap arrays, promoted whole at each
 * young collection, the heap sat at -Xmx on S3 and a handful of large pushes at once exhausted it
 * (issue 17).
 *
 * <p>Direct buffers, outside the heap: they are allocated once, so the collector never copies or
 * promotes them, and the SDK's Netty client writes a direct buffer to the socket as it is, where
 * a heap array is first copied into direct memory. They come from an {@link Arena} of the pool's,
 * so that freeing them gives their memory back at once, where a buffer of {@link
 * ByteBuffer#allocateDirect} waits for a full collection to find it unreachable: 20 MiB of a
 * registry that stopped taking pushes would stay resident until then.
 *
 * <p>A part is lent to fill, and a slow client would hold it for as long as it trickles: as many
 * such clients as the pool has parts would make every other upload wait for as long as they
 * please. So a part that has been filling for longer than {@link #slowFill()} while another upload
 * waits is sent as it is and given back (see {@link S3BlobWriter}); an upload that is not waited for,
 * or that fills its part in time, keeps the one it has.
 *
 * <p>Shared by writers on every event loop, hence synchronized; a writer that waited gets its
 * buffer on its own context.
 */
final class PartPool {
    /**
     * Room for one upload at full pace ({@link S3BlobWriter#MAX_IN_FLIGHT} parts on their way and
     * one filling): 20 MiB. Several uploads at once share that pace. Eight parts made five large pushes at once
     * peak 24 MiB higher (250 MiB against 226 in LargeBlobOnS3MemoryIT), too close to issue 17's
     * 256 MiB budget. berth-registry's {@code storage.s3.uploadMemory} defaults to the same 20 MiB.
     */
    static final int DEFAULT_PARTS = S3BlobWriter.MAX_IN_FLIGHT + 1;

    /**
     * How long a part may take to fill before a waiting upload may have it: 2 seconds fill a 5 MiB
     * part at 2.5 MiB/s (20 Mbit/s), so a client faster than that never gives a part back, and an
     * upload that waits behind slow ones gets a part within about that long. Shorter would cut the
     * parts of moderately slow clients into more pieces (each one a PutObject now and a GetObject
     * when the upload is joined); longer would let slow clients hold up everyone else longer.
     */
    static final Duration SLOW_FILL = Duration.ofSeconds(2);

    private final int parts;
    private final int partSize;
    private final Duration slowFill;
    private final Deque<ByteBuffer> free = new ArrayDeque<>();
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    /** Where the buffers made since they were last freed live; null while none are. */
    private Arena memory;

    private int made;
    private int lent;
    private int mostLent;
    /** Whether {@link #take} was called since the last {@link #releaseIfUnused}. */
    private boolean takenSinceCheck;

    private record Waiter(Context context, Promise<ByteBuffer> promise) {}

    PartPool(int parts, int partSize) {
        this(parts, partSize, SLOW_FILL);
    }

    /** A pool whose parts go back to waiting uploads once they took longer than {@code slowFill} to fill (tests shorten it). */
    PartPool(int parts, int partSize, Duration slowFill) {
        if (parts < 1) {
            throw new IllegalArgumentException("a part pool needs at least one part, not " + parts);
        }
        this.parts = parts;
        this.partSize = partSize;
        this.slowFill = slowFill;
    }

    /** A pool of {@link #DEFAULT_PARTS} parts of S3's smallest part size. */
    static PartPool withDefaults() {
        return new PartPool(DEFAULT_PARTS, S3BlobWriter.CHUNK_SIZE);
    }

    /**
     * An empty buffer of one part's size: at once while one is free or may still be made,
     * otherwise once another upload gives one back (then on the caller's context). Give it back
     * with {@link #give}, or stop waiting with {@link #withdraw}.
     */
    Future<ByteBuffer> take() {
        ByteBuffer buffer;
        Promise<ByteBuffer> promise;
        synchronized (this) {
            takenSinceCheck = true;
            buffer = free.poll();
            if (buffer == null && made < parts) {
                if (memory == null) {
                    memory = Arena.ofShared();
                }
                buffer = memory.allocate(partSize).asByteBuffer();
                made++;
            }
            if (buffer != null) {
                lent++;
                mostLent = Math.max(mostLent, lent);
                promise = null;
            } else {
                promise = Promise.promise();
                waiting.add(new Waiter(Vertx.currentContext(), promise));
            }
        }
        if (promise != null) {
            return promise.future();
        }
        return Future.succeededFuture(buffer);
    }

    /** Takes back a buffer {@link #take} lent, for the upload that waited longest, if any. */
    void give(ByteBuffer buffer) {
        buffer.clear();
        Waiter next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                lent--;
                free.push(buffer);
                return;
            }
        }
        if (next.context() == null) {
            next.promise().complete(buffer);
        } else {
            next.context().runOnContext(ignored -> next.promise().complete(buffer));
        }
    }

    /**
     * Frees every buffer if none was taken since the last call and none is lent: called
     * periodically, it gives the pool's memory back to the operating system between one period and
     * two after the last upload, and the next upload makes buffers afresh (5 MiB of memory touched
     * per part, a moment's work beside uploading it).
     */
    void releaseIfUnused() {
        Arena unused = null;
        synchronized (this) {
            if (!takenSinceCheck && lent == 0 && memory != null) {
                unused = memory;
                memory = null;
                free.clear();
                made = 0;
            }
            takenSinceCheck = false;
        }
        if (unused != null) {
            unused.close();
        }
    }

    /**
     * Stops waiting for the buffer {@code wanted} (a future {@link #take} returned) would bring, and
     * fails it, so that nothing waits on it for ever. If it was not waiting any more, it brings (or
     * brought) a buffer, which its taker gives back.
     */
    void withdraw(Future<ByteBuffer> wanted) {
        Waiter withdrawn = null;
        synchronized (this) {
            for (Waiter waiter : waiting) {
                if (waiter.promise().future() == wanted) {
                    withdrawn = waiter;
                }
            }
            waiting.remove(withdrawn);
        }
        if (withdrawn != null) {
            withdrawn.promise().fail(new IllegalStateException("stopped waiting for a part"));
        }
    }

    int parts() {
        return parts;
    }

    /** Buffers in memory now, lent or free. */
    synchronized int made() {
        return made;
    }

    /** How long a part may take to fill while another upload waits for one. */
    Duration slowFill() {
        return slowFill;
    }

    /** Buffers lent and not given back yet. */
    synchronized int lent() {
        return lent;
    }

    /** The most buffers lent at once so far. */
    synchronized int mostLent() {
        return mostLent;
    }

    /** Uploads waiting for a buffer now. */
    synchronized int waiting() {
        return waiting.size();
    }
}
