package dev.berth.conformance.oci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in the OCI form {@code sha256:<64 hex>}. */
public final class Sha256 {

    private static final int BUFFER = 1 << 16;

    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    public static String format(MessageDigest digest) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    public static String of(byte[] content) {
        MessageDigest digest = newDigest();
        digest.update(content);
        return format(digest);
    }

    /** Reads the stream to its end (closing it) and returns the digest and byte count. */
    public static Measured of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        return new Measured(format(digest), total);
    }

    public static String ofFile(Path file) {
        try {
            return of(Files.newInputStream(file)).digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hex part of {@code sha256:<hex>}. */
    public static String hex(String digest) {
        if (!digest.startsWith("sha256:")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        return digest.substring("sha256:".length());
    }

    /** What streaming some content produced. */
    public record Measured(String digest, long length) {}
}
