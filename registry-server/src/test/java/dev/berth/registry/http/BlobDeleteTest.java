package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Deleting blobs")
class BlobDeleteTest extends ApiTest {
    private static final String REPO = "library/delete";

    @Test
    @DisplayName("DELETE answers 202, and the blob is then unknown")
    void deletes() {
        Content blob = push.randomBlob(REPO, 100);
        String url = "/v2/" + REPO + "/blobs/" + blob.digest();

        api.delete(url).hasStatus(202);

        api.head(url).isBodylessError(404);
        api.get(url).isError(404, "BLOB_UNKNOWN");
    }

    @Test
    @DisplayName("DELETE of an unknown blob answers 404 BLOB_UNKNOWN")
    void deleteUnknown() {
        api.delete("/v2/" + REPO + "/blobs/" + Content.random(1).digest()).isError(404, "BLOB_UNKNOWN");
    }

    @Test
    @DisplayName("deleting a blob from one repository leaves it in the others")
    void otherRepositoriesKeepIt() {
        Content blob = push.randomBlob(REPO, 100);
        push.blob("other", blob);

        api.delete("/v2/" + REPO + "/blobs/" + blob.digest()).hasStatus(202);

        assertThat(api.get("/v2/other/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a deleted blob can be pushed again")
    void pushAgain() {
        Content blob = push.randomBlob(REPO, 100);
        api.delete("/v2/" + REPO + "/blobs/" + blob.digest()).hasStatus(202);

        push.blob(REPO, blob);

        api.head("/v2/" + REPO + "/blobs/" + blob.digest()).hasStatus(200);
    }
}
