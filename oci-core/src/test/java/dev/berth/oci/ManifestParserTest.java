package dev.berth.oci;

import static dev.berth.oci.ManifestJson.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the parser makes of manifests it accepts. */
class ManifestParserTest {

    @Test
    @DisplayName("an OCI image manifest yields its config and layers")
    void readsOciManifest() {
        Manifest manifest = ManifestParser.parse(bytes(ManifestJson.ociManifest()), MediaTypes.OCI_MANIFEST);

        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(manifest.isIndex()).isFalse();
        assertThat(manifest.config()).isEqualTo(Descriptor.of(MediaTypes.OCI_CONFIG, ManifestJson.CONFIG, 6));
        assertThat(manifest.layers()).containsExactly(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, ManifestJson.LAYER, 5));
        assertThat(manifest.manifests()).isEmpty();
        assertThat(manifest.subject()).isNull();
    }

    @Test
    @DisplayName("an OCI image index yields its child manifests with their platforms")
    void readsOciIndex() {
        Manifest index = ManifestParser.parse(bytes(ManifestJson.ociIndex()), MediaTypes.OCI_INDEX);

        assertThat(index.isIndex()).isTrue();
        assertThat(index.config()).isNull();
        assertThat(index.layers()).isEmpty();
        assertThat(index.manifests()).singleElement().satisfies(child -> {
            assertThat(child.digest()).isEqualTo(ManifestJson.CHILD);
            assertThat(child.platform()).containsEntry("architecture", "amd64").containsEntry("os", "linux");
        });
    }

    @Test
    @DisplayName("a Docker schema 2 manifest is an image manifest")
    void readsDockerManifest() {
        Manifest manifest = ManifestParser.parse(bytes(ManifestJson.dockerManifest()), MediaTypes.DOCKER_MANIFEST);

        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(manifest.config().mediaType()).isEqualTo(MediaTypes.DOCKER_CONFIG);
        assertThat(manifest.layers()).hasSize(1);
    }

    @Test
    @DisplayName("a Docker manifest list is an index")
    void readsDockerManifestList() {
        Manifest list = ManifestParser.parse(bytes(ManifestJson.dockerManifestList()), MediaTypes.DOCKER_MANIFEST_LIST);

        assertThat(list.isIndex()).isTrue();
        assertThat(list.manifests()).extracting(Descriptor::mediaType).containsExactly(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    @DisplayName("without a mediaType field, the request's Content-Type names the manifest type")
    void fallsBackToContentType() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.remove("mediaType");

        assertThat(ManifestParser.parse(bytes(manifest), MediaTypes.OCI_MANIFEST + "; charset=utf-8")
                        .mediaType())
                .isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @ParameterizedTest(name = "Content-Type \"{0}\"")
    @ValueSource(strings = {"application/json", "application/octet-stream", ""})
    @DisplayName("a generic or missing Content-Type defers to the mediaType field")
    void genericContentTypeDefersToBody(String contentType) {
        Manifest manifest = ManifestParser.parse(bytes(ManifestJson.ociIndex()), contentType);

        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    }

    @Test
    @DisplayName("a missing Content-Type defers to the mediaType field")
    void nullContentTypeDefersToBody() {
        assertThat(ManifestParser.parse(bytes(ManifestJson.dockerManifest()), null)
                        .mediaType())
                .isEqualTo(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    @DisplayName("subject, artifactType and annotations are kept for the referrers API")
    void readsSubjectArtifactTypeAndAnnotations() {
        ObjectNode manifest = ManifestJson.ociManifest().put("artifactType", "application/vnd.example.sbom");
        manifest.set("subject", ManifestJson.descriptor(MediaTypes.OCI_MANIFEST, ManifestJson.SUBJECT, 42));
        manifest.putObject("annotations").put("org.opencontainers.image.created", "2024-01-01T00:00:00Z");

        Manifest parsed = ManifestParser.parse(bytes(manifest), MediaTypes.OCI_MANIFEST);

        assertThat(parsed.subject()).isEqualTo(Descriptor.of(MediaTypes.OCI_MANIFEST, ManifestJson.SUBJECT, 42));
        assertThat(parsed.artifactType()).isEqualTo("application/vnd.example.sbom");
        assertThat(parsed.annotations()).isEqualTo(Map.of("org.opencontainers.image.created", "2024-01-01T00:00:00Z"));
    }

    @Test
    @DisplayName("an index may carry a subject too")
    void readsIndexSubject() {
        ObjectNode index = ManifestJson.ociIndex();
        index.set("subject", ManifestJson.descriptor(MediaTypes.OCI_MANIFEST, ManifestJson.SUBJECT, 42));

        assertThat(ManifestParser.parse(bytes(index), MediaTypes.OCI_INDEX)
                        .subject()
                        .digest())
                .isEqualTo(ManifestJson.SUBJECT);
    }

    @Test
    @DisplayName("descriptor annotations and urls are read")
    void readsDescriptorAnnotationsAndUrls() {
        ObjectNode manifest = ManifestJson.ociManifest();
        ObjectNode layer = (ObjectNode) manifest.get("layers").get(0);
        layer.putObject("annotations").put("org.opencontainers.image.title", "layer.tar.gz");
        layer.putArray("urls").add("https://example.com/layer");

        Descriptor parsed = ManifestParser.parse(bytes(manifest), null).layers().get(0);

        assertThat(parsed.annotations()).containsEntry("org.opencontainers.image.title", "layer.tar.gz");
        assertThat(parsed.urls()).containsExactly("https://example.com/layer");
    }

    @Test
    @DisplayName("an image manifest with no layers is valid (artifacts often have none)")
    void acceptsEmptyLayers() {
        ObjectNode manifest = ManifestJson.ociManifest();
        manifest.putArray("layers");

        assertThat(ManifestParser.parse(bytes(manifest), null).layers()).isEmpty();
    }
}
