package dev.berth.conformance.suite.push;

import dev.berth.conformance.suite.support.Blob;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.RegistryClient;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestRepository;
import dev.berth.conformance.suite.support.Uploads;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@DisplayName("Push: pushing a blob in chunks (end-4a, end-5, end-6, end-13)")
class ChunkedUploadChecks {

    /** The chunk size when the registry asks for no minimum: small, so that a blob makes several. */
    private static final int SMALL_CHUNK = 1024;

    @Test
    @DisplayName(
            "end-5: \"Each successful chunk upload MUST have a 202 Accepted response code, and MUST have the following headers: Location, Range: 0-<end-of-range>\"; end-6 closes with 201 and a pullable Location")
    void chunksThenEmptyPut(TestRepository repo) {
        ChunkedBlob upload = ChunkedBlob.start(repo, 3);
        for (int i = 0; i < upload.chunkCount(); i++) {
            upload.sendChunk(i);
        }
        Exchange put = Expect.status(Uploads.close(repo.client(), upload.location, upload.blob.digest()), 201);
        repo.trackBlob(upload.blob.digest());
        MonolithicUploadChecks.pullable(repo, put, upload.blob);
    }

    @Test
    @DisplayName(
            "end-6: \"The final chunk MAY be uploaded using a PATCH request or it MAY be uploaded in the closing PUT request\" (201 Created)")
    void lastChunkInClosingPut(TestRepository repo) {
        ChunkedBlob upload = ChunkedBlob.start(repo, 2);
        upload.sendChunk(0);
        Exchange put = Expect.status(
                Uploads.closeWithChunk(
                        repo.client(), upload.location, upload.blob.digest(), upload.offset(1), upload.chunk(1)),
                201);
        repo.trackBlob(upload.blob.digest());
        MonolithicUploadChecks.pullable(repo, put, upload.blob);
    }

    @Test
    @DisplayName(
            "end-5: \"If a chunk is uploaded out of order, the registry MUST respond with a 416 Requested Range Not Satisfiable code\"")
    void outOfOrderChunkIs416(TestRepository repo) {
        ChunkedBlob upload = ChunkedBlob.start(repo, 3);
        upload.sendChunk(0);
        Exchange skipped = Uploads.patch(repo.client(), upload.location, upload.offset(2), upload.chunk(2));
        Expect.status(skipped, 416);
        SpecErrors.wellFormed(skipped);
        Uploads.cancel(repo.client(), upload.location);
    }

    @Test
    @DisplayName(
            "end-13: \"To get the current status after a 416 error, issue a GET request\": 204 with Location and Range, and the upload goes on from there")
    void resumeAfter416(TestRepository repo) {
        ChunkedBlob upload = ChunkedBlob.start(repo, 3);
        upload.sendChunk(0);
        Uploads.patch(repo.client(), upload.location, upload.offset(2), upload.chunk(2));
        Exchange status = Expect.status(Uploads.status(repo.client(), upload.location), 204);
        Expect.equal(
                "0-" + (upload.offset(1) - 1), Expect.header(status, "Range").trim(), "Range", status);
        upload.location = Uploads.location(repo.client(), status);
        upload.sendChunk(1);
        upload.sendChunk(2);
        Expect.status(Uploads.close(repo.client(), upload.location, upload.blob.digest()), 201);
        repo.trackBlob(upload.blob.digest());
        Expect.body(Expect.status(repo.getBlob(upload.blob.digest()), 200), upload.blob.bytes());
    }

    @Test
    @DisplayName(
            "end-13: \"The response to an active upload <location> MUST be a 204 No Content response code, and MUST have the following headers: Location, Range: 0-<end-of-range>\"")
    void statusOfActiveUpload(TestRepository repo) {
        ChunkedBlob upload = ChunkedBlob.start(repo, 2);
        upload.sendChunk(0);
        Exchange status = Expect.status(Uploads.status(repo.client(), upload.location), 204);
        Expect.header(status, "Location");
        Expect.equal(
                "0-" + (upload.offset(1) - 1), Expect.header(status, "Range").trim(), "Range", status);
        Uploads.cancel(repo.client(), upload.location);
    }

    @Test
    @DisplayName(
            "end-5, end-13: a PATCH to or GET of an upload the registry never opened answers 404 Not Found (BLOB_UPLOAD_UNKNOWN, code-3)")
    void unknownUploadIs404(TestRepository repo) {
        Uploads.openSession(repo); // the repository exists; only the session does not
        URI unknown = repo.client().resolve(repo.path("/blobs/uploads/" + UUID.randomUUID()));
        Exchange patch = Expect.status(Uploads.patch(repo.client(), unknown, 0, TestContent.randomBytes(16)), 404);
        SpecErrors.codeIfJson(patch, "BLOB_UPLOAD_UNKNOWN");
        Exchange status = Expect.status(Uploads.status(repo.client(), unknown), 404);
        SpecErrors.codeIfJson(status, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    @DisplayName(
            "end-4a: \"If the registry has a minimum chunk size, the POST response SHOULD include the following header: OCI-Chunk-Min-Length: <size>\"")
    void minimumChunkLengthAdvertised(TestRepository repo) {
        long declared = repo.config().chunkMinLength();
        Assumptions.assumeTrue(
                declared > 0, "the registry was not declared with a minimum chunk length (--chunk-min-length)");
        Exchange post = Expect.status(Uploads.open(repo), 202);
        Expect.equal(
                Long.toString(declared),
                Expect.header(post, "OCI-Chunk-Min-Length").trim(),
                "OCI-Chunk-Min-Length",
                post);
        Uploads.cancel(repo.client(), Uploads.location(repo.client(), post));
    }

    /**
     * A random blob cut into equal chunks (the last may be shorter), each at least as long as the
     * registry's minimum: the one it was declared with, or the one its POST response names.
     */
    private static final class ChunkedBlob {
        private final RegistryClient client;
        private final Blob blob;
        private final int chunkSize;
        private URI location;

        private ChunkedBlob(RegistryClient client, Blob blob, int chunkSize, URI location) {
            this.client = client;
            this.blob = blob;
            this.chunkSize = chunkSize;
            this.location = location;
        }

        static ChunkedBlob start(TestRepository repo, int chunks) {
            Exchange post = Expect.status(Uploads.open(repo), 202);
            long advertised = post.header("OCI-Chunk-Min-Length")
                    .map(String::trim)
                    .map(Long::parseLong)
                    .orElse(0L);
            int chunkSize = (int)
                    Math.max(SMALL_CHUNK, Math.max(advertised, repo.config().chunkMinLength()));
            // The last chunk is shorter than the others: "The final chunk MAY have any length."
            Blob blob = TestContent.layer(chunkSize * (chunks - 1) + chunkSize / 2);
            return new ChunkedBlob(repo.client(), blob, chunkSize, Uploads.location(repo.client(), post));
        }

        int chunkCount() {
            return (blob.bytes().length + chunkSize - 1) / chunkSize;
        }

        long offset(int index) {
            return (long) index * chunkSize;
        }

        byte[] chunk(int index) {
            int from = index * chunkSize;
            return Arrays.copyOfRange(blob.bytes(), from, Math.min(blob.bytes().length, from + chunkSize));
        }

        /** PATCHes chunk {@code index}, checks the answer as end-5 demands, and follows the new Location. */
        void sendChunk(int index) {
            byte[] chunk = chunk(index);
            Exchange patch = Expect.status(Uploads.patch(client, location, offset(index), chunk), 202);
            location = Uploads.location(client, patch);
            long end = offset(index) + chunk.length - 1;
            Expect.equal("0-" + end, Expect.header(patch, "Range").trim(), "Range", patch);
        }
    }
}
