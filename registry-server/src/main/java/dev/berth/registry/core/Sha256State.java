package dev.berth.registry.core;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A running SHA-256 whose state can be saved with an upload session and restored by whichever
 * request (or replica) continues the upload, so finishing an upload never re-reads the blob.
 *
 * <p>Three engines ({@link Sha256Engines} picks one per process) and two encoded forms (the first
 * byte says which): OpenSSL's SHA-256 and the JDK's, the fast ones, both save a {@link Midstate}
 * and continue each other's; Bouncy Castle's SHA256Digest, which exports its state by design, has
 * a form of its own, for when neither of the others can be used.
 */
final class Sha256State {
    private final Engine engine;

    private Sha256State(Engine engine) {
        this.engine = engine;
    }

    /** What hashes: the running state, and the ways to save and finish it. */
    interface Engine {
        void update(ByteBuffer bytes);

        /** The state, starting with the engine's format byte. */
        byte[] encode();

        /** The digest so far; the running state is left untouched. */
        byte[] hashSoFar();
    }

    static Sha256State fresh() {
        return fresh(Sha256Engines.IN_USE);
    }

    static Sha256State fresh(Sha256Engines engines) {
        return new Sha256State(engines.fresh());
    }

    static Sha256State restore(byte[] encoded) {
        return restore(encoded, Sha256Engines.IN_USE);
    }

    static Sha256State restore(byte[] encoded, Sha256Engines engines) {
        if (encoded.length == 0) {
            throw new IllegalArgumentException("empty SHA-256 state");
        }
        byte[] state = Arrays.copyOfRange(encoded, 1, encoded.length);
        return new Sha256State(
                switch (encoded[0]) {
                    case Midstate.FORMAT -> engines.restore(Midstate.decode(state));
                    case BouncyCastleSha256.FORMAT -> BouncyCastleSha256.restore(state);
                    default -> throw new IllegalArgumentException("unknown SHA-256 state format " + encoded[0]);
                });
    }

    /** Hashes the bytes between the buffer's position and limit, and leaves the position alone. */
    void update(ByteBuffer bytes) {
        engine.update(bytes.duplicate());
    }

    byte[] encode() {
        return engine.encode();
    }

    Digest current() {
        return Digest.fromHash(DigestAlgorithm.SHA256, engine.hashSoFar());
    }
}
