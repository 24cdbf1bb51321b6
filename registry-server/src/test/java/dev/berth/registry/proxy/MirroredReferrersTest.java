package dev.berth.registry.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.image.OciDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Referrers through the mirror, from a Berth upstream (registry:2 2.8 has no referrers API). */
@DisplayName("Pull-through mirror: referrers")
class MirroredReferrersTest {
    private static final String SIGNATURE = "application/vnd.example.signature";

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "The upstream's referrers of a manifest are listed and pull through; with the upstream gone, the cached ones are listed")
    void referrersThroughTheMirror() {
        try (InProcessBerth upstream = InProcessBerth.start(dir.resolve("upstream"), false)) {
            RegistryApi upstreamApi = new RegistryApi(upstream.url());
            byte[] image = upstreamApi.manifestOverNewBlobs(
                    "library/app", "app layer".getBytes(StandardCharsets.UTF_8), "app");
            String subject = upstreamApi.putManifest("library/app", "1", image);
            byte[] emptyConfig = "{}".getBytes(StandardCharsets.UTF_8);
            String configDigest = upstreamApi.uploadBlob("library/app", emptyConfig);
            byte[] signed = "signature".getBytes(StandardCharsets.UTF_8);
            String signedDigest = upstreamApi.uploadBlob("library/app", signed);
            byte[] signature = OciDocuments.imageManifest(
                    Descriptor.of(MediaTypes.OCI_EMPTY, Digest.parse(configDigest), emptyConfig.length),
                    List.of(Descriptor.of("application/octet-stream", Digest.parse(signedDigest), signed.length)),
                    SIGNATURE,
                    Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.parse(subject), image.length),
                    Map.of());
            String signatureDigest = upstreamApi.putManifest(
                    "library/app", Digest.sha256(signature).toString(), signature);

            String upstreams = "[{\"name\": \"up\", \"url\": \"" + upstream.url() + "\", \"repositories\": \"up/**\","
                    + " \"remote\": \"**\"}]";
            try (InProcessBerth mirror =
                    InProcessBerth.start(dir.resolve("mirror"), Map.of("BERTH_PROXY_UPSTREAMS", upstreams))) {
                RegistryApi api = new RegistryApi(mirror.url());
                Reply listed = mirror.client()
                        .get("/v2/up/library/app/referrers/" + subject)
                        .hasStatus(200);
                assertThat(listed.json()
                                .path("manifests")
                                .path(0)
                                .path("digest")
                                .asText())
                        .isEqualTo(signatureDigest);
                assertThat(listed.json()
                                .path("manifests")
                                .path(0)
                                .path("artifactType")
                                .asText())
                        .isEqualTo(SIGNATURE);
                assertThat(api.getManifest("up/library/app", signatureDigest)
                                .hasStatus(200)
                                .body())
                        .isEqualTo(signature);
                assertThat(mirror.client()
                                .get("/v2/up/library/app/referrers/" + subject + "?artifactType=other/type")
                                .hasStatus(200)
                                .json()
                                .path("manifests"))
                        .isEmpty();

                upstream.close();

                Reply cached = mirror.client()
                        .get("/v2/up/library/app/referrers/" + subject)
                        .hasStatus(200);
                assertThat(cached.json()
                                .path("manifests")
                                .path(0)
                                .path("digest")
                                .asText())
                        .isEqualTo(signatureDigest);
            }
        }
    }
}
