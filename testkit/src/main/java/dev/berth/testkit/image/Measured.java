package dev.berth.testkit.image;

import dev.berth.oci.Digest;
import dev.berth.oci.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;

/** What reading some content to its end found: its SHA-256 digest and its length. */
public record Measured(Digest digest, long length) {

    /** Reads the stream to its end, closing it, without ever holding more than a buffer of it. */
    public static Measured of(InputStream content) throws IOException {
        try (DigestInputStream in = new DigestInputStream(content, DigestAlgorithm.SHA256.newMessageDigest())) {
            long length = in.transferTo(OutputStream.nullOutputStream());
            return new Measured(
                    Digest.fromHash(
                            DigestAlgorithm.SHA256, in.getMessageDigest().digest()),
                    length);
        }
    }

    public static Measured ofFile(Path file) {
        try {
            return of(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
