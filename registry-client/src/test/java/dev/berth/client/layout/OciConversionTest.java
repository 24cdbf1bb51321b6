package dev.berth.client.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.FetchedManifest;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("docker manifests stored in an OCI layout")
class OciConversionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Digest CONFIG = Digest.sha256(new byte[] {1});
    private static final Digest LAYER = Digest.sha256(new byte[] {2});

    @Test
    @DisplayName("become OCI manifests naming the same config and layer blobs with OCI media types")
    void imageManifest() throws IOException {
        FetchedManifest docker = manifest(MediaTypes.DOCKER_MANIFEST, dockerImage());

        FetchedManifest oci = new OciConversion().toOci(docker);

        JsonNode json = JSON.readTree(oci.bytes());
        assertThat(oci.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(oci.digest()).isEqualTo(Digest.sha256(oci.bytes()));
        assertThat(json.path("mediaType").asText()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(json.path("config").path("mediaType").asText()).isEqualTo(MediaTypes.OCI_CONFIG);
        assertThat(json.path("config").path("digest").asText()).isEqualTo(CONFIG.toString());
        assertThat(json.path("layers").get(0).path("mediaType").asText()).isEqualTo(MediaTypes.OCI_LAYER_GZIP);
        assertThat(json.path("layers").get(0).path("digest").asText()).isEqualTo(LAYER.toString());
        assertThat(oci.parsed().layers()).hasSize(1);
    }

    @Test
    @DisplayName("a manifest list becomes an OCI index naming its converted children")
    void manifestList() throws IOException {
        OciConversion conversion = new OciConversion();
        FetchedManifest child = manifest(MediaTypes.DOCKER_MANIFEST, dockerImage());
        FetchedManifest convertedChild = conversion.toOci(child);
        FetchedManifest list = manifest(
                MediaTypes.DOCKER_MANIFEST_LIST,
                "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST_LIST + "\",\"manifests\":[{"
                        + "\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"digest\":\"" + child.digest()
                        + "\",\"size\":" + child.bytes().length
                        + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}");

        FetchedManifest index = conversion.toOci(list);

        JsonNode entry = JSON.readTree(index.bytes()).path("manifests").get(0);
        assertThat(index.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(entry.path("mediaType").asText()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(entry.path("digest").asText())
                .isEqualTo(convertedChild.digest().toString());
        assertThat(entry.path("size").asLong()).isEqualTo(convertedChild.bytes().length);
        assertThat(entry.path("platform").path("architecture").asText()).isEqualTo("amd64");
    }

    @Test
    @DisplayName("OCI manifests are kept byte for byte")
    void ociUnchanged() {
        FetchedManifest oci = manifest(
                MediaTypes.OCI_MANIFEST, dockerImage().replace(MediaTypes.DOCKER_MANIFEST, MediaTypes.OCI_MANIFEST));
        assertThat(new OciConversion().toOci(oci)).isSameAs(oci);
    }

    private static String dockerImage() {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"config\":{\"mediaType\":\""
                + MediaTypes.DOCKER_CONFIG + "\",\"digest\":\"" + CONFIG
                + "\",\"size\":1},\"layers\":[{\"mediaType\":\""
                + MediaTypes.DOCKER_LAYER_GZIP + "\",\"digest\":\"" + LAYER + "\",\"size\":1}]}";
    }

    private static FetchedManifest manifest(String mediaType, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new FetchedManifest(bytes, mediaType, Digest.sha256(bytes));
    }
}
