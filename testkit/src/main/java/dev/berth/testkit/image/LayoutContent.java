package dev.berth.testkit.image;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an OCI image layout written by the tests holds.
 *
 * @param tagged the manifests and indexes its index.json names, by ref name
 */
public record LayoutContent(Path layoutDir, Map<String, Descriptor> tagged) {

    /** The skopeo transport name of one ref name, {@code oci:DIR:TAG}. */
    public String transportRef(String tag) {
        return "oci:" + layoutDir + ":" + tag;
    }

    /** The exact bytes of a blob (a manifest, say) in a layout. */
    public static byte[] blob(Path layoutDir, String digest) {
        try {
            return Files.readAllBytes(layoutDir
                    .resolve("blobs/sha256")
                    .resolve(Digest.parse(digest).encoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
