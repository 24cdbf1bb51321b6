package dev.berth.testkit.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Content-addressed files on disk, each named by the digest it claims, and the check that the
 * claim is true. Two stores have such files: an OCI image layout (blobs/sha256/HEX) and the
 * registry:2 data directory that Berth shares (docker/registry/v2/blobs/sha256/HE/HEX/data).
 */
public final class BlobFiles {

    private BlobFiles() {}

    public record NamedBlob(String claimedDigest, Path file) {}

    public static List<NamedBlob> inOciLayout(Path layoutDir) {
        try (Stream<Path> files = Files.list(layoutDir.resolve("blobs/sha256"))) {
            return files.map(file -> new NamedBlob("sha256:" + file.getFileName(), file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blobs in a registry:2 filesystem store rooted at {@code dataDir}; none if it holds no blobs yet. */
    public static List<NamedBlob> inRegistryStore(Path dataDir) {
        Path blobs = dataDir.resolve("docker/registry/v2/blobs/sha256");
        if (!Files.isDirectory(blobs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(blobs, 3)) {
            return files.filter(file -> file.getFileName().toString().equals("data") && Files.isRegularFile(file))
                    .map(file -> new NamedBlob("sha256:" + file.getParent().getFileName(), file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per file whose content does not hash to its name; empty when all are sound. */
    public static List<String> mismatches(List<NamedBlob> blobs) {
        return blobs.stream()
                .map(blob -> {
                    String actual = Measured.ofFile(blob.file()).digest().toString();
                    return actual.equals(blob.claimedDigest())
                            ? null
                            : blob.file() + " claims " + blob.claimedDigest() + " but hashes to " + actual;
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
