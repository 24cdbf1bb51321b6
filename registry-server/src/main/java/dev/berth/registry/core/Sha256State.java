package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import io.vertx.core.buffer.Buffer;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A running SHA-256 whose state can be saved with an upload session and restored by whichever
 * request (or replica) continues the upload, so finishing an upload never re-reads the blob.
 */
final class Sha256State {
    private final SHA256Digest digest;

    private Sha256State(SHA256Digest digest) {
        this.digest = digest;
    }

    static Sha256State fresh() {
        return new Sha256State(new SHA256Digest());
    }

    static Sha256State restore(byte[] encoded) {
        return new Sha256State(new SHA256Digest(encoded));
    }

    void update(Buffer buffer) {
        byte[] bytes = buffer.getBytes();
        digest.update(bytes, 0, bytes.length);
    }

    byte[] encode() {
        return digest.getEncodedState();
    }

    /** The digest of everything so far; the running state is left untouched. */
    Digest current() {
        SHA256Digest copy = new SHA256Digest(digest);
        byte[] hash = new byte[copy.getDigestSize()];
        copy.doFinal(hash, 0);
        return Digest.fromHash(DigestAlgorithm.SHA256, hash);
    }
}
