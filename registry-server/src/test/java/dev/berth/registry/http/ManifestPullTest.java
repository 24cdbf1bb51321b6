package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.testkit.api.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Pulling manifests")
class ManifestPullTest extends ApiTest {
    private static final String REPO = "library/pull";

    private Content manifest;

    @BeforeEach
    void pushImage() {
        manifest = push.image(REPO, "v1");
    }

    private String url(Object reference) {
        return "/v2/" + REPO + "/manifests/" + reference;
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {"tag", "digest"})
    @DisplayName("GET answers 200 with the exact bytes pushed, their media type, length and digest")
    void get(String by) {
        Reply reply = api.get(url(by.equals("tag") ? "v1" : manifest.digest()));

        reply.hasStatus(200)
                .hasHeader("Content-Type", MediaTypes.OCI_MANIFEST)
                .hasHeader("Content-Length", String.valueOf(manifest.size()))
                .hasHeader("Docker-Content-Digest", manifest.digest().toString());
        assertThat(reply.body()).isEqualTo(manifest.bytes());
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {"tag", "digest"})
    @DisplayName("HEAD answers 200 with the same headers and no body")
    void head(String by) {
        Reply reply = api.head(url(by.equals("tag") ? "v1" : manifest.digest()));

        reply.hasStatus(200)
                .hasHeader("Content-Type", MediaTypes.OCI_MANIFEST)
                .hasHeader("Content-Length", String.valueOf(manifest.size()))
                .hasHeader("Docker-Content-Digest", manifest.digest().toString());
        assertThat(reply.body()).isEmpty();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(
            strings = {
                MediaTypes.OCI_MANIFEST,
                MediaTypes.DOCKER_MANIFEST + ", " + MediaTypes.OCI_MANIFEST,
                MediaTypes.OCI_MANIFEST + ";q=0.9, " + MediaTypes.OCI_INDEX + ";q=0.5",
                "*/*",
                "application/*",
            })
    @DisplayName("an Accept header that lists the stored type, or a wildcard covering it, gets the manifest")
    void acceptCovers(String accept) {
        api.get(url("v1"), "Accept", accept).hasStatus(200).hasHeader("Content-Type", MediaTypes.OCI_MANIFEST);
    }

    @Test
    @DisplayName("several Accept headers are read together")
    void severalAcceptHeaders() {
        api.get(url("v1"), "Accept", MediaTypes.DOCKER_MANIFEST, "Accept", MediaTypes.OCI_MANIFEST)
                .hasStatus(200);
    }

    @Test
    @DisplayName("an Accept header that does not cover the stored type answers 404 MANIFEST_UNKNOWN")
    void acceptExcludes() {
        api.get(url("v1"), "Accept", MediaTypes.DOCKER_MANIFEST + ", " + MediaTypes.DOCKER_MANIFEST_LIST)
                .isError(404, "MANIFEST_UNKNOWN");
        api.head(url(manifest.digest()), "Accept", "text/*").isBodylessError(404);
    }

    @Test
    @DisplayName("an unknown tag or digest answers 404 MANIFEST_UNKNOWN; HEAD answers 404 without a body")
    void unknown() {
        api.get(url("nope")).isError(404, "MANIFEST_UNKNOWN");
        api.get(url(Content.random(1).digest())).isError(404, "MANIFEST_UNKNOWN");
        api.head(url("nope")).isBodylessError(404);
        api.get("/v2/no/such/repo/manifests/v1").hasStatus(404);
    }

    @Test
    @DisplayName("a manifest is visible only in the repository it was pushed to")
    void perRepository() {
        api.get("/v2/other/manifests/" + manifest.digest()).isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("a blob's digest is not a manifest of the repository")
    void blobIsNoManifest() {
        Content blob = push.blob(REPO, Content.text(Content.OCTET_STREAM, "{\"schemaVersion\":2}"));

        api.get(url(blob.digest())).isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("a manifest pushed without a mediaType field is served with the type its Content-Type named")
    void withoutMediaTypeField() {
        String withoutType = new String(push.imageManifest(REPO).bytes(), StandardCharsets.UTF_8)
                .replace("\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",", "");
        Content bare = Content.text(MediaTypes.OCI_MANIFEST, withoutType);
        assertThat(withoutType).doesNotContain(MediaTypes.OCI_MANIFEST);
        push.manifest(REPO, "bare", bare);

        api.get(url("bare")).hasStatus(200).hasHeader("Content-Type", MediaTypes.OCI_MANIFEST);
    }

    @Test
    @DisplayName("a reference that is neither a tag nor a digest answers 400 or 404, never 500")
    void oddReferences() {
        assertThat(api.get(url("sha256:short")).status()).isIn(400, 404);
        assertThat(api.get(url("-x")).status()).isIn(400, 404);
    }
}
