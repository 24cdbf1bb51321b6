package dev.berth.runtime.layout;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.Manifest;
import dev.berth.oci.ManifestParser;
import dev.berth.oci.MediaTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A local OCI image layout (image-spec image-layout.md), read-only: its index.json and its
 * content-addressed blobs, each verified against its descriptor when read.
 */
public final class OciLayout {
    /** Manifests and configs are small; anything bigger is not what its descriptor says it is. */
    private static final long SMALL_BLOB_LIMIT = 4L * 1024 * 1024;

    private final Path dir;

    private OciLayout(Path dir) {
        this.dir = dir;
    }

    public static OciLayout open(Path dir) {
        if (!isLayout(dir)) {
            throw new ImageException(dir + " is not an OCI image layout (no oci-layout file)");
        }
        return new OciLayout(dir);
    }

    public static boolean isLayout(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("oci-layout"));
    }

    public Path dir() {
        return dir;
    }

    /** The entries of index.json. */
    public List<Descriptor> index() {
        try {
            return ManifestParser.parse(Files.readAllBytes(dir.resolve("index.json")), MediaTypes.OCI_INDEX).manifests();
        } catch (IOException e) {
            throw new ImageException("cannot read " + dir.resolve("index.json") + ": " + e.getMessage(), e);
        }
    }

    public Manifest readManifest(Descriptor descriptor) {
        return ManifestParser.parse(readSmallBlob(descriptor), descriptor.mediaType());
    }

    /** The whole blob, after checking its size and digest against the descriptor. */
    public byte[] readSmallBlob(Descriptor descriptor) {
        if (descriptor.size() > SMALL_BLOB_LIMIT) {
            throw new ImageException("blob " + descriptor.digest() + " declares " + descriptor.size()
                    + " bytes, more than the " + SMALL_BLOB_LIMIT + " a manifest or config may have");
        }
        try (VerifyingInputStream in = openBlob(descriptor)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ImageException("cannot read blob " + descriptor.digest() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A stream of the blob that fails when the blob is longer than its descriptor's size, or,
     * at its end, shorter or of another digest: nothing unverified is ever used whole.
     */
    public VerifyingInputStream openBlob(Descriptor descriptor) throws IOException {
        return new VerifyingInputStream(Files.newInputStream(blobPath(descriptor.digest())), descriptor);
    }

    private Path blobPath(Digest digest) {
        Path blob = dir.resolve("blobs").resolve(digest.algorithm().id()).resolve(digest.encoded());
        if (!Files.isRegularFile(blob)) {
            throw new ImageException("blob " + digest + " is missing from the layout " + dir);
        }
        return blob;
    }
}
