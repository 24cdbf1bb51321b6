package dev.berth.registry.http;

import dev.berth.oci.MediaTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A registry with deletion switched off")
class DeletionDisabledTest extends ApiTest {
    private static final String REPO = "library/keep";

    @Override
    boolean deleteEnabled() {
        return false;
    }

    @Test
    @DisplayName("answers DELETE of a blob with 405 UNSUPPORTED and keeps the blob")
    void blobDelete() {
        Content blob = push.randomBlob(REPO, 100);

        api.delete("/v2/" + REPO + "/blobs/" + blob.digest()).isError(405, "UNSUPPORTED");

        api.head("/v2/" + REPO + "/blobs/" + blob.digest()).hasStatus(200);
    }

    @Test
    @DisplayName("answers DELETE of a manifest by tag or digest with 405 UNSUPPORTED and keeps both")
    void manifestDelete() {
        Content manifest = push.image(REPO, "v1");

        api.delete("/v2/" + REPO + "/manifests/v1").isError(405, "UNSUPPORTED");
        api.delete("/v2/" + REPO + "/manifests/" + manifest.digest()).isError(405, "UNSUPPORTED");

        api.head("/v2/" + REPO + "/manifests/v1").hasStatus(200);
        api.head("/v2/" + REPO + "/manifests/" + manifest.digest())
                .hasStatus(200)
                .hasHeader("Content-Type", MediaTypes.OCI_MANIFEST);
    }
}
