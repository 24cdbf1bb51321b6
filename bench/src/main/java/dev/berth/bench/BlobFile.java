package dev.berth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A blob's content on disk with its digest. Incompressible bytes, from a seeded generator so that
 * runs are repeatable, and generated once: a later run finds the file already there.
 */
record BlobFile(Path path, long size, String digest) {

    private static final int BLOCK = 1 << 20;

    static BlobFile generate(Path path, long size, long seed) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] block = new byte[BLOCK];
        SplittableRandom random = new SplittableRandom(seed);
        boolean reuse = Files.isRegularFile(path) && Files.size(path) == size;
        try (OutputStream out = reuse ? OutputStream.nullOutputStream() : Files.newOutputStream(path)) {
            for (long left = size; left > 0; left -= BLOCK) {
                byte[] bytes = left >= BLOCK ? block : new byte[(int) left];
                random.nextBytes(bytes);
                sha256.update(bytes);
                out.write(bytes);
            }
        }
        return new BlobFile(path, size, digestOf(sha256));
    }

    /** The digest of everything {@code content} gives until its end. */
    static String digestOf(InputStream content) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BLOCK];
        for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
            sha256.update(buffer, 0, read);
        }
        return digestOf(sha256);
    }

    static String digestOf(byte[] content) {
        MessageDigest sha256 = sha256();
        sha256.update(content);
        return digestOf(sha256);
    }

    private static String digestOf(MessageDigest sha256) {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
