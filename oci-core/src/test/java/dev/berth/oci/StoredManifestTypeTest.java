package dev.berth.oci;

import static dev.berth.oci.ManifestJson.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoredManifestTypeTest {

    @Test
    @DisplayName("the mediaType field of a stored manifest is its type")
    void usesMediaTypeField() {
        assertThat(ManifestParser.storedMediaType(bytes(ManifestJson.dockerManifestList())))
                .isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
        assertThat(ManifestParser.storedMediaType(bytes(ManifestJson.ociManifest())))
                .isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    @DisplayName("without a mediaType field, content that lists manifests is an OCI index")
    void sniffsIndex() {
        ObjectNode index = ManifestJson.ociIndex();
        index.remove("mediaType");

        assertThat(ManifestParser.storedMediaType(bytes(index))).isEqualTo(MediaTypes.OCI_INDEX);
    }

    @Test
    @DisplayName("without a mediaType field, any other content is an OCI image manifest")
    void sniffsImageManifest() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.remove("mediaType");

        assertThat(ManifestParser.storedMediaType(bytes(manifest))).isEqualTo(MediaTypes.OCI_MANIFEST);
    }
}
