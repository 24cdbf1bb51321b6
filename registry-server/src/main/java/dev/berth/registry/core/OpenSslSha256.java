package dev.berth.registry.core;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * OpenSSL's SHA-256 (libcrypto's SHA256_Init, SHA256_Update, SHA256_Final), called through the
 * foreign function API. On CPUs without SHA extensions it hashes about twice as fast as the JDK's
 * (docs/performance.md); with them both run at the hardware's speed. Its state is a plain {@code
 * SHA256_CTX}, which this engine saves and restores as a {@link Midstate}, the same form as the JDK
 * engine's, so either engine continues the other's uploads.
 *
 * <p>The context lives in a Java array, passed to OpenSSL as a heap segment (critical calls: short,
 * never calling back), so an upload's engine holds no native memory and needs no freeing.
 */
final class OpenSslSha256 implements Sha256State.Engine {
    /** The library's name or path; a JVM system property, mostly for tests of the fallback. */
    static final String LIBRARY_PROPERTY = "berth.sha256.library";

    static final String DEFAULT_LIBRARY = "libcrypto.so.3";

    // SHA256_CTX on every ABI OpenSSL 3 builds for: unsigned int h[8], Nl, Nh, data[16], num, md_len.
    private static final long CONTEXT_BYTES = 112;
    private static final long BIT_COUNT_LOW = 32;
    private static final long BIT_COUNT_HIGH = 36;
    private static final long DATA = 40;
    private static final long BUFFERED = 104;

    private final Library library;
    private final MemorySegment context = MemorySegment.ofArray(new long[(int) (CONTEXT_BYTES / Long.BYTES)]);

    private OpenSslSha256(Library library) {
        this.library = library;
        library.call(library.init, context);
    }

    @Override
    public void update(ByteBuffer bytes) {
        library.update(context, MemorySegment.ofBuffer(bytes));
    }

    @Override
    public byte[] encode() {
        return midstate().encode();
    }

    @Override
    public byte[] hashSoFar() {
        MemorySegment copy = MemorySegment.ofArray(new long[(int) (CONTEXT_BYTES / Long.BYTES)]);
        copy.copyFrom(context);
        MemorySegment hash = MemorySegment.ofArray(new byte[32]);
        library.call(library.finish, hash, copy);
        return hash.toArray(JAVA_BYTE);
    }

    private Midstate midstate() {
        int[] words = new int[Midstate.WORDS];
        for (int i = 0; i < words.length; i++) {
            words[i] = context.getAtIndex(JAVA_INT, i);
        }
        long bits = Integer.toUnsignedLong(context.get(JAVA_INT, BIT_COUNT_LOW))
                | ((long) context.get(JAVA_INT, BIT_COUNT_HIGH) << 32);
        byte[] partial = context.asSlice(DATA, context.get(JAVA_INT, BUFFERED)).toArray(JAVA_BYTE);
        return new Midstate(words, bits >>> 3, partial);
    }

    /** A fresh engine whose state is {@code saved}: the words and count of the whole blocks, then the partial block hashed on. */
    static OpenSslSha256 restore(Library library, Midstate saved) {
        OpenSslSha256 engine = new OpenSslSha256(library);
        for (int i = 0; i < Midstate.WORDS; i++) {
            engine.context.setAtIndex(JAVA_INT, i, saved.words()[i]);
        }
        long bits = (saved.bytesHashed() - saved.partial().length) << 3;
        engine.context.set(JAVA_INT, BIT_COUNT_LOW, (int) bits);
        engine.context.set(JAVA_INT, BIT_COUNT_HIGH, (int) (bits >>> 32));
        engine.update(ByteBuffer.wrap(saved.partial()));
        return engine;
    }

    static OpenSslSha256 fresh(Library library) {
        return new OpenSslSha256(library);
    }

    /** libcrypto's three SHA-256 functions, found and checked once. */
    static final class Library {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final Linker.Option CRITICAL = Linker.Option.critical(true);

        private final MethodHandle init;
        private final MethodHandle update;
        private final MethodHandle finish;

        private Library(SymbolLookup crypto) {
            this.init = LINKER.downcallHandle(
                    symbol(crypto, "SHA256_Init"), FunctionDescriptor.of(JAVA_INT, ADDRESS), CRITICAL);
            this.update = LINKER.downcallHandle(
                    symbol(crypto, "SHA256_Update"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG),
                    CRITICAL);
            this.finish = LINKER.downcallHandle(
                    symbol(crypto, "SHA256_Final"), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL);
        }

        /**
         * Loads the library and checks it: a state saved mid-block, restored in a fresh context and
         * hashed on, must give the JDK's digest of the whole. Throws {@link IllegalStateException}
         * saying why when the library is missing, lacks the functions, native access is denied, or
         * the check fails; the registry then hashes with the JDK.
         */
        static Library load(String name) {
            Library library;
            try {
                library = new Library(SymbolLookup.libraryLookup(name, Arena.global()));
            } catch (IllegalArgumentException | IllegalCallerException | UnsupportedOperationException e) {
                throw new IllegalStateException("cannot load " + name + ": " + e.getMessage(), e);
            }
            if (!library.roundTrips()) {
                throw new IllegalStateException(name + "'s SHA-256 state does not resume as a SHA256_CTX should");
            }
            return library;
        }

        private boolean roundTrips() {
            byte[] content = new byte[1000];
            Arrays.fill(content, (byte) 'b');
            OpenSslSha256 first = fresh(this);
            first.update(ByteBuffer.wrap(content, 0, 333));
            OpenSslSha256 second = restore(this, first.midstate());
            second.update(ByteBuffer.wrap(content, 333, content.length - 333));
            try {
                return Arrays.equals(
                        second.hashSoFar(), MessageDigest.getInstance("SHA-256").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        private void update(MemorySegment context, MemorySegment bytes) {
            try {
                check((int) update.invokeExact(context, bytes, bytes.byteSize()));
            } catch (Throwable e) {
                throw failed(e);
            }
        }

        private void call(MethodHandle function, MemorySegment argument) {
            try {
                check((int) function.invokeExact(argument));
            } catch (Throwable e) {
                throw failed(e);
            }
        }

        private void call(MethodHandle function, MemorySegment first, MemorySegment second) {
            try {
                check((int) function.invokeExact(first, second));
            } catch (Throwable e) {
                throw failed(e);
            }
        }

        private static void check(int result) {
            // OpenSSL's SHA-256 functions answer 1, and cannot fail on a valid context.
            if (result != 1) {
                throw new IllegalStateException("OpenSSL's SHA-256 failed (" + result + ")");
            }
        }

        private static RuntimeException failed(Throwable e) {
            return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }

        private static MemorySegment symbol(SymbolLookup crypto, String name) {
            return crypto.find(name).orElseThrow(() -> new IllegalArgumentException("no symbol " + name));
        }
    }
}
