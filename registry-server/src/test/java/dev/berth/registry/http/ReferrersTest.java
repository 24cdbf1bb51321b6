package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.testkit.api.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Listing referrers")
class ReferrersTest extends ApiTest {
    private static final String REPO = "library/app";
    private static final String SBOM = "application/vnd.example.sbom.v1";
    private static final String SIGNATURE_CONFIG = "application/vnd.example.signature.config.v1+json";

    private Content subject;

    @BeforeEach
    void pushSubject() {
        subject = push.image(REPO, "v1");
    }

    private String referrers() {
        return "/v2/" + REPO + "/referrers/" + subject.digest();
    }

    /** An artifact manifest that refers to the subject, pushed by digest. */
    private Content pushReferrer(String artifactType, String configType, JsonObject annotations) {
        Content config = push.blob(REPO, Content.text(configType, "{}"));
        Content layer = push.randomBlob(REPO, 64);
        JsonObject manifest = Manifests.withSubject(Manifests.ociImage(config, layer), subject);
        if (artifactType != null) {
            manifest.put("artifactType", artifactType);
        }
        if (annotations != null) {
            manifest.put("annotations", annotations);
        }
        Content pushed = Content.json(MediaTypes.OCI_MANIFEST, manifest);
        return push.manifest(REPO, pushed.digest().toString(), pushed);
    }

    private static JsonArray manifests(Reply reply) {
        return new JsonObject(reply.text()).getJsonArray("manifests");
    }

    @Test
    @DisplayName("a manifest without referrers answers 200 with an empty OCI image index")
    void noReferrers() {
        Reply reply = api.get(referrers());

        reply.hasStatus(200).hasHeader("Content-Type", MediaTypes.OCI_INDEX);
        assertThat(new JsonObject(reply.text()))
                .isEqualTo(new JsonObject()
                        .put("schemaVersion", 2)
                        .put("mediaType", MediaTypes.OCI_INDEX)
                        .put("manifests", new JsonArray()));
        assertThat(reply.header("OCI-Filters-Applied")).isNull();
    }

    @Test
    @DisplayName("a digest the repository does not hold has no referrers: 200 and an empty index")
    void unknownSubject() {
        Reply reply = api.get("/v2/" + REPO + "/referrers/" + Content.random(1).digest());

        reply.hasStatus(200);
        assertThat(manifests(reply)).isEmpty();
    }

    @Test
    @DisplayName(
            "an unknown repository answers 200 and an empty index, never 404, which clients read as no referrers API")
    void unknownRepository() {
        Reply reply = api.get("/v2/no/such/repo/referrers/" + subject.digest());

        reply.hasStatus(200).hasHeader("Content-Type", MediaTypes.OCI_INDEX);
        assertThat(manifests(reply)).isEmpty();
    }

    @Test
    @DisplayName("each referrer is listed with its media type, digest, size, artifactType and annotations")
    void listsReferrers() {
        JsonObject annotations = new JsonObject().put("org.opencontainers.image.created", "2024-06-01T00:00:00Z");
        Content sbom = pushReferrer(SBOM, MediaTypes.OCI_EMPTY, annotations);
        Content signature = pushReferrer(null, SIGNATURE_CONFIG, null);

        Reply reply = api.get(referrers()).hasStatus(200);

        assertThat(manifests(reply))
                .containsExactlyInAnyOrder(
                        new JsonObject()
                                .put("mediaType", MediaTypes.OCI_MANIFEST)
                                .put("digest", sbom.digest().toString())
                                .put("size", sbom.size())
                                .put("artifactType", SBOM)
                                .put("annotations", annotations),
                        new JsonObject()
                                .put("mediaType", MediaTypes.OCI_MANIFEST)
                                .put("digest", signature.digest().toString())
                                .put("size", signature.size())
                                .put("artifactType", SIGNATURE_CONFIG));
    }

    @Test
    @DisplayName("an index with a subject is listed as a referrer too")
    void indexReferrer() {
        JsonObject index = Manifests.withSubject(Manifests.ociIndex(), subject).put("artifactType", SBOM);
        Content pushed = push.manifest(REPO, "index-ref", MediaTypes.OCI_INDEX, index);

        assertThat(manifests(api.get(referrers())).getJsonObject(0).getMap())
                .containsEntry("mediaType", MediaTypes.OCI_INDEX)
                .containsEntry("digest", pushed.digest().toString())
                .containsEntry("artifactType", SBOM);
    }

    @Test
    @DisplayName("?artifactType= lists only that type and says so in OCI-Filters-Applied")
    void filter() {
        Content sbom = pushReferrer(SBOM, MediaTypes.OCI_EMPTY, null);
        pushReferrer(null, SIGNATURE_CONFIG, null);

        Reply reply = api.get(referrers() + "?artifactType=" + SBOM);

        reply.hasStatus(200).hasHeader("OCI-Filters-Applied", "artifactType");
        assertThat(manifests(reply))
                .extracting(entry -> ((JsonObject) entry).getString("digest"))
                .containsExactly(sbom.digest().toString());
        assertThat(manifests(api.get(referrers() + "?artifactType=application/none")))
                .isEmpty();
    }

    @Test
    @DisplayName("an invalid digest answers 400")
    void invalidDigest() {
        api.get("/v2/" + REPO + "/referrers/sha256:nothex").isError(400, "DIGEST_INVALID");
        api.get("/v2/" + REPO + "/referrers/v1").hasStatus(400);
    }

    @Test
    @DisplayName("a deleted referrer is no longer listed")
    void deletedReferrer() {
        Content sbom = pushReferrer(SBOM, MediaTypes.OCI_EMPTY, null);
        Content signature = pushReferrer(null, SIGNATURE_CONFIG, null);

        api.delete("/v2/" + REPO + "/manifests/" + sbom.digest()).hasStatus(202);

        assertThat(manifests(api.get(referrers())))
                .extracting(entry -> ((JsonObject) entry).getString("digest"))
                .isEqualTo(List.of(signature.digest().toString()));
    }

    @Test
    @DisplayName("referrers are listed per repository")
    void perRepository() {
        pushReferrer(SBOM, MediaTypes.OCI_EMPTY, null);
        push.image("other", "v1");

        assertThat(manifests(api.get("/v2/other/referrers/" + subject.digest())))
                .isEmpty();
    }
}
