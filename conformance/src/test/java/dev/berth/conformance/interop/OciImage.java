package dev.berth.conformance.interop;

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

    /** The skopeo/umoci transport name, {@code oci:DIR:TAG}. */
    String transportRef() {
        return "oci:" + layoutDir + ":" + tag;
    }
}
