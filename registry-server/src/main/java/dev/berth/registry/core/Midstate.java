package dev.berth.registry.core;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * SHA-256 halfway through: the eight working words, the count of bytes hashed (those in the partial
 * block included), and the partial block's bytes. Any SHA-256 can be stopped and resumed from
 * exactly this, so it is the saved form of both engines that can export it, the JDK's and OpenSSL's
 * (format byte {@code 'J'}, for the JDK engine that wrote it first): a state saved by either is
 * continued by the other, and replicas with and without OpenSSL share uploads.
 *
 * <p>Encoded: format byte, eight big-endian words, the byte count (long), the partial block's length
 * (int), its bytes.
 */
record Midstate(int[] words, long bytesHashed, byte[] partial) {
    static final byte FORMAT = 'J';
    static final int WORDS = 8;
    static final int BLOCK = 64;

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(1 + WORDS * Integer.BYTES + Long.BYTES + Integer.BYTES + partial.length);
        out.put(FORMAT);
        for (int word : words) {
            out.putInt(word);
        }
        out.putLong(bytesHashed);
        out.putInt(partial.length);
        out.put(partial);
        return out.array();
    }

    /**
     * Reads what follows the format byte. The partial block may be a whole one: the JDK keeps a full
     * block waiting until more bytes or the end come.
     */
    static Midstate decode(byte[] saved) {
        try {
            ByteBuffer in = ByteBuffer.wrap(saved);
            int[] words = new int[WORDS];
            for (int i = 0; i < WORDS; i++) {
                words[i] = in.getInt();
            }
            long bytesHashed = in.getLong();
            int buffered = in.getInt();
            if (buffered < 0
                    || buffered > BLOCK
                    || in.remaining() != buffered
                    || bytesHashed < buffered
                    || (bytesHashed - buffered) % BLOCK != 0) {
                throw new IllegalArgumentException("corrupt SHA-256 state: " + buffered + " bytes of a " + BLOCK
                        + "-byte block said to follow " + bytesHashed + " hashed, " + in.remaining() + " do");
            }
            byte[] partial = new byte[buffered];
            in.get(partial);
            return new Midstate(words, bytesHashed, partial);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("corrupt SHA-256 state", e);
        }
    }
}
