package dev.berth.conformance.suite.pull;

import dev.berth.conformance.oci.Sha256;
import dev.berth.conformance.suite.support.Blob;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestRepository;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@DisplayName("Pull: pulling blobs and checking they exist (end-2)")
class PullBlobChecks {

    private static TestRepository repo;
    private static Blob blob;

    @BeforeAll
    static void pushBlob(TestRepository classRepo) {
        repo = classRepo;
        blob = TestContent.layer(10_000);
        repo.pushBlob(blob);
    }

    @Test
    @DisplayName(
            "end-2: \"A GET request to an existing blob URL MUST provide the expected blob, with a response code that MUST be 200 OK\"")
    void getBlob() {
        Exchange get = Expect.status(repo.getBlob(blob.digest()), 200);
        Expect.body(get, blob.bytes());
    }

    @Test
    @DisplayName(
            "end-2: Docker-Content-Digest on a blob GET: \"If present, the value of this header MUST be a digest matching that of the response body\"")
    void digestHeaderMatchesBody() {
        Exchange get = Expect.status(repo.getBlob(blob.digest()), 200);
        get.header("Docker-Content-Digest")
                .ifPresent(value -> Expect.equal(Sha256.of(get.body()), value.trim(), "Docker-Content-Digest", get));
    }

    @Test
    @DisplayName(
            "end-2: \"A HEAD request to an existing blob or manifest URL MUST return 200 OK\" (blob; Docker-Content-Digest and Content-Length, if present, describe it)")
    void headBlob() {
        Exchange head = Expect.status(repo.headBlob(blob.digest()), 200);
        Expect.digestHeaderMatches(head, blob.digest());
        head.header("Content-Length")
                .ifPresent(length -> Expect.equal(Long.toString(blob.size()), length.trim(), "Content-Length", head));
    }

    @Test
    @DisplayName(
            "end-2: \"If the blob is not found in the repository, the response code MUST be 404 Not Found\" (BLOB_UNKNOWN, code-1)")
    void unknownBlobIs404() {
        Exchange get = Expect.status(repo.getBlob(Sha256.of(TestContent.randomBytes(32))), 404);
        SpecErrors.codeIfJson(get, "BLOB_UNKNOWN");
    }

    @Test
    @DisplayName(
            "end-2: \"If the blob or manifest is not found in the repository, the response code MUST be 404 Not Found\" (HEAD of an unknown blob)")
    void headUnknownBlobIs404() {
        Expect.status(repo.headBlob(Sha256.of(TestContent.randomBytes(32))), 404);
    }

    @Test
    @DisplayName("end-2: a blob pushed to another repository is \"not found in the repository\": 404 Not Found")
    void blobOfAnotherRepositoryIs404(TestRepository otherRepo) {
        otherRepo.pushBlob(TestContent.layer());
        Exchange get = Expect.status(otherRepo.getBlob(blob.digest()), 404);
        SpecErrors.codeIfJson(get, "BLOB_UNKNOWN");
    }

    @Test
    @DisplayName(
            "end-2: \"A registry SHOULD support the Range request header in accordance with RFC 9110\" (206 with the bytes asked for)")
    void rangeRequest() {
        Exchange get = repo.call("GET", "/blobs/" + blob.digest())
                .header("Range", "bytes=100-1099")
                .send();
        Expect.status(get, 206);
        Expect.body(get, Arrays.copyOfRange(blob.bytes(), 100, 1100));
        Expect.equal(
                "bytes 100-1099/" + blob.size(),
                Expect.header(get, "Content-Range").trim(),
                "Content-Range",
                get);
    }
}
