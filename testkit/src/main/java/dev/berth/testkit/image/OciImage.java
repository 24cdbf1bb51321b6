package dev.berth.testkit.image;

import java.nio.file.Path;
import java.util.Map;

/**
 * An image written as an OCI image layout by the tests themselves.
 *
 * @param layoutDir      the layout directory (oci-layout, index.json, blobs/)
 * @param tag            its ref name in index.json
 * @param manifestDigest the digest of its manifest
 * @param files          files its top layer adds, with their content
 */
public record OciImage(Path layoutDir, String tag, String manifestDigest, Map<String, String> files) {

    OciImage withFiles(Map<String, String> topLayerFiles) {
        return new OciImage(layoutDir, tag, manifestDigest, topLayerFiles);
    }

    /** The skopeo/umoci transport name, {@code oci:DIR:TAG}. */
    public String transportRef() {
        return "oci:" + layoutDir + ":" + tag;
    }
}
