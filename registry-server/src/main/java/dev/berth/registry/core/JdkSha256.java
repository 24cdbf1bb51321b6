package dev.berth.registry.core;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The JDK's SHA-256 (sun.security.provider.SHA2), with its running state read and written through
 * reflection. That needs {@code --add-opens java.base/java.security} and {@code
 * java.base/sun.security.provider}, which berth-registry's jar manifest grants. Whether it works
 * is decided once, by a round trip through a saved state checked against a plain digest: on a JDK
 * whose internals differ, or without the opens, {@link #isUsable()} is false and the registry
 * hashes with Bouncy Castle instead when OpenSSL's engine is missing too. It is never wrong, at
 * worst slower. Its state is saved as a {@link Midstate}, which OpenSSL's engine continues too.
 */
final class JdkSha256 implements Sha256State.Engine {
    private static final Access ACCESS = Access.open();

    private final MessageDigest digest;

    private JdkSha256(MessageDigest digest) {
        this.digest = digest;
    }

    static boolean isUsable() {
        return ACCESS != null;
    }

    static JdkSha256 fresh() {
        return new JdkSha256(newDigest());
    }

    static JdkSha256 restore(Midstate state) {
        if (ACCESS == null) {
            throw new IllegalStateException(
                    "this upload's hash state was saved by the JDK's or OpenSSL's SHA-256, which this process"
                            + " cannot continue: OpenSSL's libcrypto did not load, and the JDK's needs the options in"
                            + " berth-registry's jar manifest (Add-Opens)");
        }
        JdkSha256 engine = fresh();
        ACCESS.write(engine.digest, state);
        return engine;
    }

    @Override
    public void update(ByteBuffer bytes) {
        digest.update(bytes);
    }

    @Override
    public byte[] encode() {
        return ACCESS.read(digest);
    }

    @Override
    public byte[] hashSoFar() {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256", "SUN");
        } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The fields that hold the state: the eight working words, the partial block, the byte count. */
    private record Access(Field spi, Field words, Field block, Field blockOffset, Field bytesProcessed) {

        /** Null when the fields are out of reach or a saved state does not hash as it should. */
        static Access open() {
            try {
                Class<?> digestBase = Class.forName("sun.security.provider.DigestBase");
                Access access = new Access(
                        accessible(Class.forName("java.security.MessageDigest$Delegate")
                                .getDeclaredField("digestSpi")),
                        accessible(Class.forName("sun.security.provider.SHA2").getDeclaredField("state")),
                        accessible(digestBase.getDeclaredField("buffer")),
                        accessible(digestBase.getDeclaredField("bufOfs")),
                        accessible(digestBase.getDeclaredField("bytesProcessed")));
                return access.roundTrips() ? access : null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        byte[] read(MessageDigest digest) {
            try {
                Object engine = spi.get(digest);
                byte[] partial = Arrays.copyOf((byte[]) block.get(engine), blockOffset.getInt(engine));
                return new Midstate(((int[]) words.get(engine)).clone(), bytesProcessed.getLong(engine), partial)
                        .encode();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("the JDK's SHA-256 state became unreadable", e);
            }
        }

        void write(MessageDigest digest, Midstate saved) {
            try {
                Object engine = spi.get(digest);
                System.arraycopy(saved.words(), 0, (int[]) words.get(engine), 0, Midstate.WORDS);
                bytesProcessed.setLong(engine, saved.bytesHashed());
                System.arraycopy(saved.partial(), 0, (byte[]) block.get(engine), 0, saved.partial().length);
                blockOffset.setInt(engine, saved.partial().length);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("the JDK's SHA-256 state became unwritable", e);
            }
        }

        /** Saves a state mid-block, restores it elsewhere, and checks both halves hash as one. */
        private boolean roundTrips() {
            byte[] content = new byte[1000];
            Arrays.fill(content, (byte) 'b');
            MessageDigest first = newDigest();
            first.update(content, 0, 333);
            byte[] saved = read(first);
            MessageDigest second = newDigest();
            write(second, Midstate.decode(Arrays.copyOfRange(saved, 1, saved.length)));
            second.update(content, 333, content.length - 333);
            return Arrays.equals(second.digest(), newDigest().digest(content));
        }

        private static Field accessible(Field field) {
            field.setAccessible(true);
            return field;
        }
    }
}
