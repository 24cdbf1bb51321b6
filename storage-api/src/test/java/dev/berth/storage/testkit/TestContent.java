package dev.berth.storage.testkit;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/** Reproducible pseudo-random content, so large payloads can be checked without holding them. */
public final class TestContent {
    private TestContent() {}

    /** {@code size} bytes determined by {@code seed}. */
    public static Buffer bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Buffer.buffer(bytes);
    }

    /** {@code total} bytes in chunks of {@code chunkSize} (the last may be shorter); iterable again and again. */
    public static Iterable<Buffer> chunks(long total, int chunkSize, long seed) {
        return () -> new Iterator<>() {
            private final Random random = new Random(seed);
            private long left = total;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public Buffer next() {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                byte[] chunk = new byte[(int) Math.min(chunkSize, left)];
                random.nextBytes(chunk);
                left -= chunk.length;
                return Buffer.buffer(chunk);
            }
        };
    }

    public static byte[] sha256(Iterable<Buffer> chunks) {
        MessageDigest digest = sha256();
        chunks.forEach(chunk -> digest.update(chunk.getBytes()));
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
