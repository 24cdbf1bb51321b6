package dev.berth.storage.s3;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;

/**
 * The pooled direct memory that S3's answers to GETs are read into, so that a blob GET can hand
 * those very buffers on to its client's socket.
 *
 * <p>Vert.x's HTTP client copies every piece of a body it reads into a heap buffer and releases
 * the pooled one ({@code VertxHandler.safeBuffer}), and writing that heap copy to a socket copies it
 * once more into a direct buffer: two passes over every byte of a pull. It copies only pieces whose
 * allocator's class is exactly Netty's {@code PooledByteBufAllocator} or {@code
 * AdaptiveByteBufAllocator}; any other allocator's buffer is handed on as it is, and then nobody
 * releases it. The S3 read client's connections read into this class's allocator, a pooled
 * allocator of a class of its own, so its pieces arrive uncopied, and whoever takes a piece owns
 * it: {@link BodyRelay} releases each once its write to the client completed, every other reader
 * gets a heap copy ({@link #heapCopy}) and the pooled piece goes back at once.
 *
 * <p>The pool keeps no per-thread caches: a released buffer goes straight back to its arena, so
 * {@link #inUse()} counts exactly the buffers nobody gave back yet.
 */
public final class S3ReadBuffers {
    private static final RelayAllocator ALLOCATOR = new RelayAllocator();

    private S3ReadBuffers() {}

    /** The allocator S3 read connections read into. */
    static ByteBufAllocator allocator() {
        return ALLOCATOR;
    }

    /**
     * Pooled buffers taken from this allocator and not released yet, across every driver in this
     * process (a leak shows as a count that never goes back to zero once reads are over).
     */
    public static long inUse() {
        long active = 0;
        for (PoolArenaMetric arena : ALLOCATOR.metric().directArenas()) {
            active += arena.numActiveAllocations();
        }
        for (PoolArenaMetric arena : ALLOCATOR.metric().heapArenas()) {
            active += arena.numActiveAllocations();
        }
        return active;
    }

    /** The pooled buffer under {@code chunk} if it is one of this allocator's, which its taker must release; else null. */
    static ByteBuf pooled(Buffer chunk) {
        if (chunk instanceof BufferImpl impl && impl.byteBuf().alloc() == ALLOCATOR) {
            return impl.byteBuf();
        }
        return null;
    }

    /** Gives {@code chunk}'s pooled buffer back, if it has one. */
    static void release(Buffer chunk) {
        ByteBuf pooled = pooled(chunk);
        if (pooled != null) {
            pooled.release();
        }
    }

    /** {@code chunk} as a heap buffer its reader need not release; a pooled one is copied and given back. */
    static Buffer heapCopy(Buffer chunk) {
        ByteBuf pooled = pooled(chunk);
        if (pooled == null) {
            return chunk;
        }
        try {
            return Buffer.buffer(ByteBufUtil.getBytes(pooled));
        } finally {
            pooled.release();
        }
    }

    /**
     * Netty's pooled allocator, preferring direct memory, without thread caches, under a class name
     * of its own (the whole point: Vert.x copies buffers of the exact class {@code
     * PooledByteBufAllocator}).
     */
    private static final class RelayAllocator extends PooledByteBufAllocator {
        private static final boolean PREFER_DIRECT = true;
        private static final int HEAP_ARENAS = 0;
        private static final int NO_CACHE = 0;
        private static final boolean CACHE_FOR_ALL_THREADS = false;
        private static final int UNALIGNED = 0;

        RelayAllocator() {
            super(
                    PREFER_DIRECT,
                    HEAP_ARENAS,
                    defaultNumDirectArena(),
                    defaultPageSize(),
                    defaultMaxOrder(),
                    NO_CACHE,
                    NO_CACHE,
                    CACHE_FOR_ALL_THREADS,
                    UNALIGNED);
        }
    }
}
