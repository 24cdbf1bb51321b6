package dev.berth.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.RegistryClient;
import dev.berth.testkit.api.Reply;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pushing a blob in chunks")
class ChunkedUploadTest extends ApiTest {
    private static final String REPO = "team/chunks";

    private final Content blob = Content.random(10_000);

    private byte[] bytes(int from, int to) {
        return Arrays.copyOfRange(blob.bytes(), from, to);
    }

    @Test
    @DisplayName("a PATCH with Content-Range answers 202 with Location, Docker-Upload-UUID and Range 0-<last byte>")
    void firstChunk() {
        String location = Uploads.open(api, REPO);

        Reply reply = Uploads.chunk(api, location, blob.bytes(), 0, 4000);

        reply.hasStatus(202).hasHeader("Range", "0-3999").hasHeader("Location", location);
        assertThat(location).endsWith(reply.header("Docker-Upload-UUID"));
    }

    @Test
    @DisplayName("chunks in order, then a PUT without body, make the blob: 201 and the exact bytes")
    void chunksThenPut() {
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 4000).hasStatus(202);
        location = Uploads.chunk(api, location, blob.bytes(), 4000, 9000)
                .hasStatus(202)
                .hasHeader("Range", "0-8999")
                .header("Location");
        location = Uploads.chunk(api, location, blob.bytes(), 9000, 10_000)
                .hasHeader("Range", "0-9999")
                .header("Location");

        Uploads.finish(api, location, blob)
                .hasStatus(201)
                .hasHeader("Location", "/v2/" + REPO + "/blobs/" + blob.digest())
                .hasHeader("Docker-Content-Digest", blob.digest().toString());

        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("the last chunk may come with the closing PUT, with its Content-Range")
    void lastChunkInPut() {
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 6000).hasStatus(202);

        api.put(
                        RegistryClient.withQuery(location, "digest=" + blob.digest()),
                        bytes(6000, 10_000),
                        "Content-Type",
                        Content.OCTET_STREAM,
                        "Content-Range",
                        "6000-9999")
                .hasStatus(201);

        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("the last chunk may come with the closing PUT without a Content-Range")
    void lastChunkInPutWithoutRange() {
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 6000).hasStatus(202);

        api.put(RegistryClient.withQuery(location, "digest=" + blob.digest()), bytes(6000, 10_000))
                .hasStatus(201);

        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a PATCH without Content-Range streams its body onto the upload")
    void streamedPatch() {
        String location = Uploads.open(api, REPO);

        api.patch(location, bytes(0, 7000), "Content-Type", Content.OCTET_STREAM)
                .hasStatus(202)
                .hasHeader("Range", "0-6999");
        api.patch(location, bytes(7000, 10_000)).hasStatus(202).hasHeader("Range", "0-9999");
        Uploads.finish(api, location, blob).hasStatus(201);

        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName(
            "a chunk that does not start where the upload stands answers 416 BLOB_UPLOAD_INVALID with the current Range and Location")
    void outOfOrderChunk() {
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 4000).hasStatus(202);

        Uploads.chunk(api, location, blob.bytes(), 5000, 6000)
                .isError(416, "BLOB_UPLOAD_INVALID")
                .hasHeader("Range", "0-3999")
                .hasHeader("Location", location);
        Uploads.chunk(api, location, blob.bytes(), 0, 1000).isError(416, "BLOB_UPLOAD_INVALID");

        Uploads.chunk(api, location, blob.bytes(), 4000, 10_000).hasStatus(202).hasHeader("Range", "0-9999");
        Uploads.finish(api, location, blob).hasStatus(201);
        assertThat(api.get("/v2/" + REPO + "/blobs/" + blob.digest()).body()).isEqualTo(blob.bytes());
    }

    @Test
    @DisplayName("a first chunk that does not start at 0 answers 416")
    void firstChunkNotAtZero() {
        String location = Uploads.open(api, REPO);

        Uploads.chunk(api, location, blob.bytes(), 10, 20)
                .isError(416, "BLOB_UPLOAD_INVALID")
                .hasHeader("Range", "0-0");
    }

    @Test
    @DisplayName("a Content-Range that does not cover the chunk's Content-Length answers 416")
    void rangeLengthMismatch() {
        String location = Uploads.open(api, REPO);

        api.patch(location, bytes(0, 100), "Content-Range", "0-49").isError(416, "BLOB_UPLOAD_INVALID");
    }

    @Test
    @DisplayName("a malformed Content-Range answers 416")
    void malformedRange() {
        String location = Uploads.open(api, REPO);

        api.patch(location, bytes(0, 100), "Content-Range", "bytes=a-b").isError(416, "BLOB_UPLOAD_INVALID");
    }

    @Test
    @DisplayName("GET on a session answers 204 with its Location and Range, so a client can resume")
    void uploadStatus() {
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 2500).hasStatus(202);

        Reply status = api.get(location);

        status.hasStatus(204).hasHeader("Range", "0-2499").hasHeader("Location", location);
        assertThat(location).endsWith(status.header("Docker-Upload-UUID"));
        assertThat(status.body()).isEmpty();
    }

    @Test
    @DisplayName("DELETE on a session answers 204, and the session is then unknown")
    void cancel() {
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 2500).hasStatus(202);

        api.delete(location).hasStatus(204);

        api.get(location).isError(404, "BLOB_UPLOAD_UNKNOWN");
        Uploads.chunk(api, location, blob.bytes(), 2500, 3000).isError(404, "BLOB_UPLOAD_UNKNOWN");
        Uploads.finish(api, location, blob).isError(404, "BLOB_UPLOAD_UNKNOWN");
        api.delete(location).isError(404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    @DisplayName("an upload id the registry never handed out answers 404 BLOB_UPLOAD_UNKNOWN")
    void unknownUpload() {
        String unknown = "/v2/" + REPO + "/blobs/uploads/01234567-89ab-cdef-0123-456789abcdef";

        api.get(unknown).isError(404, "BLOB_UPLOAD_UNKNOWN");
        api.patch(unknown, new byte[] {1}).isError(404, "BLOB_UPLOAD_UNKNOWN");
        api.put(unknown + "?digest=" + blob.digest(), new byte[0]).isError(404, "BLOB_UPLOAD_UNKNOWN");
        api.delete(unknown).isError(404, "BLOB_UPLOAD_UNKNOWN");
        api.get("/v2/" + REPO + "/blobs/uploads/not-an-id").isError(404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    @DisplayName("a session belongs to its repository: another repository does not know its id")
    void sessionIsPerRepository() {
        String location = Uploads.open(api, REPO);
        String id = location.substring(location.lastIndexOf('/') + 1);

        api.get("/v2/other/blobs/uploads/" + id).isError(404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    @DisplayName("a wrong digest after chunks answers 400 DIGEST_INVALID, makes nothing visible and keeps the session")
    void wrongDigestAfterChunks() {
        String location = Uploads.open(api, REPO);
        Uploads.chunk(api, location, blob.bytes(), 0, 10_000).hasStatus(202);
        Content other = Content.random(10);

        Uploads.finish(api, location, other).isError(400, "DIGEST_INVALID");

        api.head("/v2/" + REPO + "/blobs/" + blob.digest()).isBodylessError(404);
        api.head("/v2/" + REPO + "/blobs/" + other.digest()).isBodylessError(404);
        api.get(location).hasStatus(204).hasHeader("Range", "0-9999");
        Uploads.finish(api, location, blob).hasStatus(201);
    }
}
