package dev.berth.registry.core;

import java.nio.ByteBuffer;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** Bouncy Castle's SHA-256, whose state export is part of its API: the engine that always works. */
final class BouncyCastleSha256 implements Sha256State.Engine {
    static final byte FORMAT = 'B';
    private static final int COPY_CHUNK = 64 << 10;

    private final SHA256Digest digest;

    private BouncyCastleSha256(SHA256Digest digest) {
        this.digest = digest;
    }

    static BouncyCastleSha256 fresh() {
        return new BouncyCastleSha256(new SHA256Digest());
    }

    static BouncyCastleSha256 restore(byte[] state) {
        return new BouncyCastleSha256(new SHA256Digest(state));
    }

    @Override
    public void update(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            digest.update(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            return;
        }
        byte[] chunk = new byte[Math.min(COPY_CHUNK, bytes.remaining())];
        while (bytes.hasRemaining()) {
            int length = Math.min(chunk.length, bytes.remaining());
            bytes.get(chunk, 0, length);
            digest.update(chunk, 0, length);
        }
    }

    @Override
    public byte[] encode() {
        byte[] state = digest.getEncodedState();
        byte[] encoded = new byte[state.length + 1];
        encoded[0] = FORMAT;
        System.arraycopy(state, 0, encoded, 1, state.length);
        return encoded;
    }

    @Override
    public byte[] hashSoFar() {
        SHA256Digest copy = new SHA256Digest(digest);
        byte[] hash = new byte[copy.getDigestSize()];
        copy.doFinal(hash, 0);
        return hash;
    }
}
