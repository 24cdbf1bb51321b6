package dev.berth.client.layout;

import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.Verification;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * Writes one blob into a partial file while hashing and counting what streams in, and moves it
 * into place only when digest and size match. Content beyond the expected size fails at once.
 * A mismatch deletes the partial file; an interrupted stream leaves it, for {@link #written()}
 * bytes to be resumed from.
 */
public final class VerifiedBlobWriter {
    private static final int BUFFER = 64 * 1024;

    private final Path partial;
    private final Path target;
    private final Descriptor expected;
    private final MessageDigest hash;
    private long written;

    private VerifiedBlobWriter(Path partial, Path target, Descriptor expected) {
        this.partial = partial;
        this.target = target;
        this.expected = expected;
        this.hash = expected.digest().algorithm().newMessageDigest();
    }

    /** Picks up a partial file left by an earlier attempt, re-hashing its bytes; a too-long one starts over. */
    static VerifiedBlobWriter resume(Path partial, Path target, Descriptor expected) {
        VerifiedBlobWriter writer = new VerifiedBlobWriter(partial, target, expected);
        try {
            Files.createDirectories(partial.getParent());
            if (Files.isRegularFile(partial) && Files.size(partial) <= expected.size()) {
                try (InputStream in = Files.newInputStream(partial)) {
                    writer.hashAll(in);
                }
            } else {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new ClientException(FailureKind.LOCAL, "cannot prepare " + partial + ": " + e.getMessage(), e);
        }
        return writer;
    }

    /** Bytes already in the partial file: where the next ranged request starts. */
    public long written() {
        return written;
    }

    /**
     * Appends {@code source} to the partial file. IOExceptions of the source propagate with the
     * partial file kept (the caller resumes); a verification failure deletes it, and so does a
     * failure to write it (a full disk), which is reported as a local failure, never retried.
     */
    public void append(InputStream source, LongConsumer progress) throws IOException {
        OutputStream out = openPartial();
        try {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = source.read(buffer)) > 0) {
                if (written + n > expected.size()) {
                    discard();
                    throw Verification.mismatch(
                            expected.digest(), "more than the expected " + expected.size() + " bytes");
                }
                write(out, buffer, n);
                hash.update(buffer, 0, n);
                written += n;
                progress.accept(n);
            }
        } finally {
            closeQuietly(out);
        }
    }

    private OutputStream openPartial() {
        try {
            return Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw localFailure(e);
        }
    }

    private void write(OutputStream out, byte[] buffer, int length) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            closeQuietly(out);
            throw localFailure(e);
        }
    }

    private ClientException localFailure(IOException e) {
        discard();
        return new ClientException(
                FailureKind.LOCAL, "cannot write " + partial + " (removed; " + advice(e) + "): " + e.getMessage(), e);
    }

    private static String advice(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left")
                ? "free some space and run the command again, or write elsewhere"
                : "check the directory can be written";
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // The write failure, or the source's, is the one to report.
        }
    }

    /** Verifies what was written and moves it into place. */
    public void commit() {
        if (written != expected.size()) {
            discard();
            throw Verification.mismatch(expected.digest(), "size " + written + " bytes, expected " + expected.size());
        }
        Digest actual = Digest.fromHash(expected.digest().algorithm(), hash.digest());
        if (!actual.equals(expected.digest())) {
            discard();
            throw Verification.mismatch(expected.digest(), "digest " + actual);
        }
        try {
            Files.createDirectories(target.getParent());
            FileModes.readableByAll(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ClientException(
                    FailureKind.LOCAL, "cannot move " + partial + " into place: " + e.getMessage(), e);
        }
    }

    private void hashAll(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) > 0) {
            hash.update(buffer, 0, n);
            written += n;
        }
    }

    private void discard() {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unverified " + partial, e);
        }
        hash.reset();
        written = 0;
    }
}
