package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.testkit.api.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The four manifest types a registry takes")
class ManifestKindsTest extends ApiTest {
    private static final String REPO = "multi/arch";

    /** Pushes under {@code tag} and checks that a pull answers the same bytes with the type as Content-Type. */
    private void roundTrips(String tag, Content manifest) {
        push.manifest(REPO, tag, manifest);

        Reply reply = api.get("/v2/" + REPO + "/manifests/" + tag);

        reply.hasStatus(200).hasHeader("Content-Type", manifest.mediaType());
        assertThat(reply.body()).isEqualTo(manifest.bytes());
    }

    private Content dockerImage() {
        Content config = push.blob(REPO, Content.text(MediaTypes.DOCKER_CONFIG, "{\"os\":\"linux\"}"));
        Content layer = push.blob(REPO, Content.random(MediaTypes.DOCKER_LAYER_GZIP, 512));
        return Content.json(MediaTypes.DOCKER_MANIFEST, Manifests.dockerImage(config, layer));
    }

    @Test
    @DisplayName("an OCI image manifest")
    void ociManifest() {
        roundTrips("oci", push.imageManifest(REPO));
    }

    @Test
    @DisplayName("an OCI image index over pushed manifests")
    void ociIndex() {
        Content amd64 = push.image(REPO, "amd64");
        Content arm64 = push.image(REPO, "arm64");

        roundTrips("index", Content.json(MediaTypes.OCI_INDEX, Manifests.ociIndex(amd64, arm64)));
    }

    @Test
    @DisplayName("a Docker schema 2 manifest")
    void dockerManifest() {
        roundTrips("docker", dockerImage());
    }

    @Test
    @DisplayName("a Docker manifest list over pushed manifests")
    void dockerManifestList() {
        Content child = push.manifest(REPO, "docker-child", dockerImage());

        roundTrips("list", Content.json(MediaTypes.DOCKER_MANIFEST_LIST, Manifests.dockerList(child)));
    }
}
