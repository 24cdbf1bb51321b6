package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.core.ManifestService;
import dev.berth.testkit.api.RawHttp;
import dev.berth.testkit.api.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Pushing manifests")
class ManifestPushTest extends ApiTest {
    private static final String REPO = "library/push";

    private Reply put(String reference, Content manifest) {
        return api.put(
                "/v2/" + REPO + "/manifests/" + reference, manifest.bytes(), "Content-Type", manifest.mediaType());
    }

    @Test
    @DisplayName("PUT by tag answers 201 with the manifest's Location by digest and Docker-Content-Digest")
    void byTag() {
        Content manifest = push.imageManifest(REPO);

        put("v1", manifest)
                .hasStatus(201)
                .hasHeader("Location", "/v2/" + REPO + "/manifests/" + manifest.digest())
                .hasHeader("Docker-Content-Digest", manifest.digest().toString());
    }

    @Test
    @DisplayName("PUT by digest answers 201 with Location and Docker-Content-Digest")
    void byDigest() {
        Content manifest = push.imageManifest(REPO);

        put(manifest.digest().toString(), manifest)
                .hasStatus(201)
                .hasHeader("Location", "/v2/" + REPO + "/manifests/" + manifest.digest())
                .hasHeader("Docker-Content-Digest", manifest.digest().toString());
        api.get("/v2/" + REPO + "/manifests/" + manifest.digest()).hasStatus(200);
    }

    @Test
    @DisplayName("PUT by a digest the content does not have answers 400 DIGEST_INVALID and stores nothing")
    void digestMismatch() {
        Content manifest = push.imageManifest(REPO);
        Content other = push.imageManifest(REPO);

        put(other.digest().toString(), manifest).isError(400, "DIGEST_INVALID");

        api.get("/v2/" + REPO + "/manifests/" + other.digest()).isError(404, "MANIFEST_UNKNOWN");
        api.get("/v2/" + REPO + "/manifests/" + manifest.digest()).isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("a body that is not JSON answers 400 MANIFEST_INVALID")
    void invalidJson() {
        put("v1", Content.text(MediaTypes.OCI_MANIFEST, "{\"schemaVersion\": 2,"))
                .isError(400, "MANIFEST_INVALID");
        api.get("/v2/" + REPO + "/manifests/v1").isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("a Content-Type that contradicts the mediaType field answers 400 MANIFEST_INVALID")
    void contentTypeMismatch() {
        Content manifest = push.imageManifest(REPO);

        put("v1", new Content(MediaTypes.OCI_INDEX, manifest.bytes())).isError(400, "MANIFEST_INVALID");
    }

    @Test
    @DisplayName("a Docker schema 1 manifest answers 400 MANIFEST_INVALID")
    void schema1() {
        Content schema1 = Content.text(
                MediaTypes.DOCKER_SCHEMA1_SIGNED,
                "{\"schemaVersion\":1,\"name\":\"library/push\",\"tag\":\"v1\",\"fsLayers\":[],\"history\":[]}");

        put("v1", schema1).isError(400, "MANIFEST_INVALID");
    }

    @Test
    @DisplayName("a manifest whose layer the repository does not hold answers 400 MANIFEST_BLOB_UNKNOWN naming it")
    void missingBlob() {
        Content config = push.randomBlob(REPO, 10);
        Content missing = Content.random(MediaTypes.OCI_LAYER_GZIP, 10);
        Content manifest = Content.json(MediaTypes.OCI_MANIFEST, Manifests.ociImage(config, missing));

        Reply reply = put("v1", manifest).isError(400, "MANIFEST_BLOB_UNKNOWN");

        assertThat(reply.errorDetail().path("digest").asText())
                .isEqualTo(missing.digest().toString());
        api.get("/v2/" + REPO + "/manifests/v1").isError(404, "MANIFEST_UNKNOWN");
        api.get("/v2/" + REPO + "/manifests/" + manifest.digest()).isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("a blob held only by another repository does not count: 400 MANIFEST_BLOB_UNKNOWN")
    void blobInOtherRepository() {
        Content config = push.randomBlob("other", 10);
        Content layer = push.randomBlob(REPO, 10);

        put("v1", Content.json(MediaTypes.OCI_MANIFEST, Manifests.ociImage(config, layer)))
                .isError(400, "MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    @DisplayName("an index that lists a manifest the repository does not hold answers 400 MANIFEST_BLOB_UNKNOWN")
    void indexWithUnknownChild() {
        Content pushed = push.image(REPO, "child");
        Content unknown = push.imageManifest(REPO);

        put("multi", Content.json(MediaTypes.OCI_INDEX, Manifests.ociIndex(pushed, unknown)))
                .isError(400, "MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    @DisplayName("foreign layers need not be pushed")
    void foreignLayers() {
        Content config = push.randomBlob(REPO, 10);
        Content foreign = Content.random(MediaTypes.DOCKER_FOREIGN_LAYER_GZIP, 10);

        put("v1", Content.json(MediaTypes.DOCKER_MANIFEST, Manifests.dockerImage(config, foreign)))
                .hasStatus(201);
    }

    @Test
    @DisplayName("a manifest of exactly 4 MiB is accepted")
    void fourMebibytes() {
        Content manifest = padded(push.imageManifest(REPO), ManifestService.MAX_MANIFEST_BYTES);

        put("big", manifest).hasStatus(201);
        assertThat(api.get("/v2/" + REPO + "/manifests/big").body()).isEqualTo(manifest.bytes());
    }

    @Test
    @DisplayName("a manifest larger than 4 MiB answers 413 from its Content-Length, before its body is read")
    void tooLarge() {
        // Only the head is sent: the registry must answer from the declared length alone.
        RawHttp.Response response = RawHttp.send(
                server.port(),
                "PUT /v2/" + REPO + "/manifests/huge",
                "Content-Type: " + MediaTypes.OCI_MANIFEST,
                "Content-Length: " + (ManifestService.MAX_MANIFEST_BYTES + 1));

        assertThat(response.status()).isEqualTo(413);
        assertThat(new JsonObject(response.body())
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("code"))
                .isEqualTo("MANIFEST_INVALID");
    }

    @Test
    @DisplayName("a manifest larger than 4 MiB sent without Content-Length answers 413 too")
    void tooLargeStreamed() {
        Content manifest = padded(push.imageManifest(REPO), ManifestService.MAX_MANIFEST_BYTES + 1);
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient();
        try {
            HttpClientResponse response = Await.await(client.request(
                            HttpMethod.PUT, server.port(), "127.0.0.1", "/v2/" + REPO + "/manifests/huge")
                    .compose(request -> {
                        request.setChunked(true).putHeader("Content-Type", MediaTypes.OCI_MANIFEST);
                        request.write(Buffer.buffer(manifest.bytes()));
                        return request.response();
                    }));

            assertThat(response.statusCode()).isEqualTo(413);
        } finally {
            Await.await(vertx.close());
        }
        api.get("/v2/" + REPO + "/manifests/huge").isError(404, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("a manifest with a subject answers with OCI-Subject, whether or not the subject exists yet")
    void subject() {
        Content subject = push.imageManifest(REPO);
        Content referrer = Content.json(
                MediaTypes.OCI_MANIFEST,
                Manifests.withSubject(
                        new JsonObject(new String(push.imageManifest(REPO).bytes(), StandardCharsets.UTF_8)), subject));

        put(referrer.digest().toString(), referrer)
                .hasStatus(201)
                .hasHeader("OCI-Subject", subject.digest().toString());
    }

    @Test
    @DisplayName("a manifest without a subject answers without OCI-Subject")
    void noSubject() {
        assertThat(put("v1", push.imageManifest(REPO)).hasStatus(201).header("OCI-Subject"))
                .isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"-dash", ".dot", "a%2Fb"})
    @DisplayName("a tag outside the grammar answers 400 MANIFEST_INVALID")
    void invalidTag(String tag) {
        put(tag, push.imageManifest(REPO)).isError(400, "MANIFEST_INVALID");
    }

    @Test
    @DisplayName("a tag of 129 characters is too long")
    void tagTooLong() {
        put("t".repeat(129), push.imageManifest(REPO)).hasStatus(400);
        put("t".repeat(128), push.imageManifest(REPO)).hasStatus(201);
    }

    @Test
    @DisplayName("pushing another manifest under a tag moves the tag; the old one stays reachable by digest")
    void retag() {
        Content first = push.image(REPO, "latest");
        Content second = push.image(REPO, "latest");

        api.get("/v2/" + REPO + "/manifests/latest")
                .hasHeader("Docker-Content-Digest", second.digest().toString());
        api.get("/v2/" + REPO + "/manifests/" + first.digest()).hasStatus(200);
    }

    /** The manifest with a padding annotation that makes it exactly {@code size} bytes. */
    private static Content padded(Content manifest, int size) {
        JsonObject json = new JsonObject(new String(manifest.bytes(), StandardCharsets.UTF_8))
                .put("annotations", new JsonObject().put("pad", ""));
        int missing = size - json.encode().length();
        json.getJsonObject("annotations").put("pad", "x".repeat(missing));
        Content padded = Content.json(manifest.mediaType(), json);
        assertThat(padded.size()).isEqualTo(size);
        return padded;
    }
}
