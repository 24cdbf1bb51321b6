package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final Descriptor CONFIG = Descriptor.of(MediaTypes.OCI_CONFIG, ManifestJson.CONFIG, 6);
    private static final Descriptor LAYER = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, ManifestJson.LAYER, 5);

    private static Manifest image(Descriptor config, List<Descriptor> layers, String artifactType) {
        return new Manifest(MediaTypes.OCI_MANIFEST, config, layers, null, null, artifactType, null);
    }

    @Test
    @DisplayName("a registry must hold the config and every layer before it takes the manifest")
    void requiresConfigAndLayers() {
        assertThat(image(CONFIG, List.of(LAYER), null).requiredBlobs()).containsExactly(CONFIG, LAYER);
    }

    @Test
    @DisplayName("foreign layers (Docker's foreign type, or any layer with urls) need not be held")
    void skipsForeignLayers() {
        Descriptor dockerForeign = Descriptor.of(MediaTypes.DOCKER_FOREIGN_LAYER_GZIP, ManifestJson.digestOf("f"), 1);
        Descriptor withUrls = new Descriptor(
                MediaTypes.OCI_LAYER_GZIP,
                ManifestJson.digestOf("u"),
                1,
                null,
                List.of("https://example.com/layer"),
                null,
                null);

        assertThat(image(CONFIG, List.of(dockerForeign, LAYER, withUrls), null).requiredBlobs())
                .containsExactly(CONFIG, LAYER);
    }

    @Test
    @DisplayName("an index requires no blobs: its children are manifests")
    void indexRequiresNoBlobs() {
        Manifest index = new Manifest(MediaTypes.OCI_INDEX, null, null, List.of(LAYER), null, null, null);

        assertThat(index.requiredBlobs()).isEmpty();
    }

    @Test
    @DisplayName("the referrers API lists a manifest's own artifactType first")
    void artifactTypeWins() {
        assertThat(image(CONFIG, List.of(), "application/vnd.example.sbom").referrerArtifactType())
                .isEqualTo("application/vnd.example.sbom");
    }

    @Test
    @DisplayName("without an artifactType, the referrers API lists the config's media type")
    void configMediaTypeOtherwise() {
        assertThat(image(CONFIG, List.of(), null).referrerArtifactType()).isEqualTo(MediaTypes.OCI_CONFIG);
        assertThat(image(CONFIG, List.of(), "").referrerArtifactType()).isEqualTo(MediaTypes.OCI_CONFIG);
    }

    @Test
    @DisplayName("an index without an artifactType lists none")
    void indexWithoutArtifactType() {
        Manifest index = new Manifest(MediaTypes.OCI_INDEX, null, null, List.of(), null, null, null);

        assertThat(index.referrerArtifactType()).isNull();
    }
}
