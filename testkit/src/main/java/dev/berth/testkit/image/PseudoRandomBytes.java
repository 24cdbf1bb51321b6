package dev.berth.testkit.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A stream of {@code length} pseudo-random bytes from a seed, generated as it is read: a
 * multi-GiB blob never exists in memory or on the test's disk. The same seed gives the same
 * bytes however the stream is read, so a blob can be produced twice (once to hash, once to send).
 */
public final class PseudoRandomBytes extends InputStream {

    private static final int BLOCK = 8192;

    private final SplittableRandom random;
    private final byte[] block = new byte[BLOCK];
    private int blockPos = BLOCK;
    private long remaining;

    public PseudoRandomBytes(long seed, long length) {
        this.random = new SplittableRandom(seed);
        this.remaining = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        if (blockPos == BLOCK) {
            refill();
        }
        int n = (int) Math.min(Math.min(length, BLOCK - blockPos), remaining);
        System.arraycopy(block, blockPos, target, offset, n);
        blockPos += n;
        remaining -= n;
        return n;
    }

    /** The next {@code length} bytes, for a chunk small enough to hold. */
    public byte[] readChunk(int length) {
        byte[] chunk = new byte[(int) Math.min(length, remaining)];
        int filled = 0;
        while (filled < chunk.length) {
            filled += read(chunk, filled, chunk.length - filled);
        }
        return chunk;
    }

    private void refill() {
        for (int i = 0; i < BLOCK; i += 8) {
            long word = random.nextLong();
            for (int b = 0; b < 8; b++) {
                block[i + b] = (byte) (word >>> (8 * b));
            }
        }
        blockPos = 0;
    }

    @Override
    public int available() {
        return (int) Math.min(remaining, BLOCK - blockPos);
    }

    /** The digest of the blob a seed and length describe, computed by generating it once. */
    public static String digestOf(long seed, long length) {
        try {
            return Measured.of(new PseudoRandomBytes(seed, length)).digest().toString();
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory generator cannot fail", e);
        }
    }
}
