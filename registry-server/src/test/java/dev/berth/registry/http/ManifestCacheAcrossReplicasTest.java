package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.MediaTypes;
import dev.berth.registry.InProcessBerth;
import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.InProcessS3Keys;
import dev.berth.testkit.s3.S3Bucket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two replicas on one bucket, each with its own manifest cache. */
@ExtendWith(InProcessS3Keys.class)
@DisplayName("The manifest cache with two replicas on one S3 bucket")
class ManifestCacheAcrossReplicasTest {
    private static final String REPO = "shared/app";

    @Test
    @DisplayName("the manifest cache after a delete on another replica: the manifest is unknown, by digest and by tag")
    void deleteOnAnotherReplica() throws Exception {
        S3Bucket bucket = InProcessS3.get().newBucket("registry");
        Map<String, String> settings = new HashMap<>(bucket.berthSettings(false));
        settings.put("BERTH_DELETE_ENABLED", "true");
        try (InProcessBerth first = InProcessBerth.start(settings);
                InProcessBerth second = InProcessBerth.start(settings)) {
            RegistryClient one = first.client();
            Content image = new Pushes(one).image(REPO, "latest");
            String byDigest = "/v2/" + REPO + "/manifests/" + image.digest();
            String byTag = "/v2/" + REPO + "/manifests/latest";
            // Read twice, so that the first replica holds the manifest in its cache.
            one.get(byDigest, "Accept", MediaTypes.OCI_MANIFEST).hasStatus(200);
            assertThat(one.get(byTag, "Accept", MediaTypes.OCI_MANIFEST)
                            .hasStatus(200)
                            .body())
                    .isEqualTo(image.bytes());

            second.client().delete(byDigest).hasStatus(202);

            one.get(byDigest, "Accept", MediaTypes.OCI_MANIFEST).isError(404, "MANIFEST_UNKNOWN");
            one.head(byDigest, "Accept", MediaTypes.OCI_MANIFEST).isBodylessError(404);
            one.get(byTag, "Accept", MediaTypes.OCI_MANIFEST).isError(404, "MANIFEST_UNKNOWN");
        } finally {
            InProcessS3.get().deleteBucket(bucket.name());
        }
    }
}
