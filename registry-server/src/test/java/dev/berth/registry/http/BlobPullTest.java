package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.oci.Digest;
import dev.berth.testkit.api.Reply;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pulling blobs")
class BlobPullTest extends ApiTest {
    private static final String REPO = "library/pull";

    private Content blob;
    private String url;

    @BeforeEach
    void pushBlob() {
        blob = push.randomBlob(REPO, 1000);
        url = "/v2/" + REPO + "/blobs/" + blob.digest();
    }

    @Test
    @DisplayName("GET answers 200 with the exact bytes, Content-Length and Docker-Content-Digest")
    void get() {
        Reply reply = api.get(url);

        reply.hasStatus(200)
                .hasHeader("Content-Length", "1000")
                .hasHeader("Docker-Content-Digest", blob.digest().toString());
        assertThat(reply.body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("HEAD answers 200 with Content-Length and Docker-Content-Digest and no body")
    void head() {
        Reply reply = api.head(url);

        reply.hasStatus(200)
                .hasHeader("Content-Length", "1000")
                .hasHeader("Docker-Content-Digest", blob.digest().toString());
        assertThat(reply.body()).isEmpty();
    }

    @Test
    @DisplayName("an unknown blob answers 404 BLOB_UNKNOWN, and HEAD answers 404 without a body")
    void unknownBlob() {
        String unknown = "/v2/" + REPO + "/blobs/" + Content.random(1).digest();

        api.get(unknown).isError(404, "BLOB_UNKNOWN");
        api.head(unknown).isBodylessError(404);
    }

    @Test
    @DisplayName("a blob is visible only in the repositories it was pushed or mounted to")
    void blobsArePerRepository() {
        api.get("/v2/other/blobs/" + blob.digest()).isError(404, "BLOB_UNKNOWN");
    }

    @Test
    @DisplayName("a reference that is not a digest answers 400 DIGEST_INVALID")
    void invalidDigest() {
        api.get("/v2/" + REPO + "/blobs/sha256:nothex").isError(400, "DIGEST_INVALID");
        api.get("/v2/" + REPO + "/blobs/latest").isError(400, "DIGEST_INVALID");
    }

    @Test
    @DisplayName("Range: bytes=2-5 answers 206 with Content-Range and exactly those four bytes")
    void closedRange() {
        Reply reply = api.get(url, "Range", "bytes=2-5");

        reply.hasStatus(206).hasHeader("Content-Range", "bytes 2-5/1000").hasHeader("Content-Length", "4");
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(blob.bytes(), 2, 6));
    }

    @Test
    @DisplayName("a suffix range answers the last bytes")
    void suffixRange() {
        Reply reply = api.get(url, "Range", "bytes=-10");

        reply.hasStatus(206).hasHeader("Content-Range", "bytes 990-999/1000");
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(blob.bytes(), 990, 1000));
    }

    @Test
    @DisplayName("an open-ended range answers the bytes from there to the end")
    void openEndedRange() {
        Reply reply = api.get(url, "Range", "bytes=600-");

        reply.hasStatus(206).hasHeader("Content-Range", "bytes 600-999/1000").hasHeader("Content-Length", "400");
        assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(blob.bytes(), 600, 1000));
    }

    @Test
    @DisplayName("a range that starts past the end answers 416 with the blob's size in Content-Range")
    void unsatisfiableRange() {
        api.get(url, "Range", "bytes=1000-").isError(416, "RANGE_INVALID").hasHeader("Content-Range", "bytes */1000");
        api.get(url, "Range", "bytes=5000-6000").isError(416, "RANGE_INVALID");
    }

    @Test
    @DisplayName("an 8 MiB blob pushed in several chunks round-trips byte for byte")
    void largeBlob() {
        Content large = Content.random(8 * 1024 * 1024);
        String location = Uploads.open(api, REPO);
        int chunk = 3 * 1024 * 1024;
        for (int from = 0; from < large.size(); from += chunk) {
            int to = Math.min(from + chunk, large.size());
            location = Uploads.chunk(api, location, large.bytes(), from, to)
                    .hasStatus(202)
                    .hasHeader("Range", "0-" + (to - 1))
                    .header("Location");
        }
        Uploads.finish(api, location, large).hasStatus(201);

        Reply reply = api.get("/v2/" + REPO + "/blobs/" + large.digest());

        reply.hasStatus(200).hasHeader("Content-Length", String.valueOf(large.size()));
        assertThat(Digest.sha256(reply.body())).isEqualTo(large.digest());
        assertThat(reply.body()).isEqualTo(large.bytes());
    }
}
