package dev.berth.conformance.suite.pull;

import dev.berth.conformance.oci.Sha256;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestImage;
import dev.berth.conformance.suite.support.TestRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@DisplayName("Pull: pulling manifests and checking they exist (end-3)")
class PullManifestChecks {

    private static final String TAG = "pull-me";

    private static TestRepository repo;
    private static TestImage image;

    @BeforeAll
    static void pushImage(TestRepository classRepo) {
        repo = classRepo;
        image = repo.pushImage(TAG, TestContent.image(2));
    }

    @Test
    @DisplayName(
            "end-3: \"A GET request to an existing manifest URL MUST provide the expected manifest, with a response code that MUST be 200 OK\" (by tag)")
    void getByTag() {
        Exchange get = Expect.status(repo.getManifest(TAG), 200);
        Expect.body(get, image.manifest().bytes());
    }

    @Test
    @DisplayName(
            "end-3: \"A GET request to an existing manifest URL MUST provide the expected manifest, with a response code that MUST be 200 OK\" (by digest)")
    void getByDigest() {
        Exchange get = Expect.status(repo.getManifest(image.digest()), 200);
        Expect.body(get, image.manifest().bytes());
    }

    @Test
    @DisplayName("end-3: Docker-Content-Digest, if present, \"returns the canonical digest\" of the manifest returned")
    void digestHeaderIsTheManifestDigest() {
        Exchange get = Expect.status(repo.getManifest(TAG), 200);
        // "It MAY differ … if the hashing algorithms used do not match": only a sha256 value can be compared.
        get.header("Docker-Content-Digest")
                .filter(value -> value.startsWith("sha256:"))
                .ifPresent(value -> Expect.equal(Sha256.of(get.body()), value, "Docker-Content-Digest", get));
    }

    @Test
    @DisplayName(
            "end-3: \"The Content-Type header SHOULD match what the client pushed as the manifest's Content-Type\"")
    void contentTypeIsThePushedType() {
        Exchange get = Expect.status(repo.getManifest(TAG), 200);
        String contentType = Expect.header(get, "Content-Type");
        Expect.equal(image.manifest().mediaType(), contentType.split(";")[0].trim(), "Content-Type", get);
    }

    @Test
    @DisplayName(
            "end-3: \"A HEAD request to an existing blob or manifest URL MUST return 200 OK\" (manifest by tag; Docker-Content-Digest and Content-Length, if present, describe it)")
    void headByTag() {
        Exchange head = Expect.status(repo.headManifest(TAG), 200);
        describesManifest(head);
    }

    @Test
    @DisplayName(
            "end-3: \"A HEAD request to an existing blob or manifest URL MUST return 200 OK\" (manifest by digest; Docker-Content-Digest and Content-Length, if present, describe it)")
    void headByDigest() {
        Exchange head = Expect.status(repo.headManifest(image.digest()), 200);
        describesManifest(head);
    }

    private static void describesManifest(Exchange head) {
        Expect.digestHeaderMatches(head, image.digest());
        head.header("Content-Length")
                .ifPresent(length -> Expect.equal(
                        Integer.toString(image.manifest().bytes().length), length.trim(), "Content-Length", head));
    }

    @Test
    @DisplayName(
            "end-3: \"If the manifest is not found in the repository, the response code MUST be 404 Not Found\" (unknown tag; MANIFEST_UNKNOWN, code-7)")
    void unknownTagIs404() {
        Exchange get = Expect.status(repo.getManifest("no-such-tag"), 404);
        SpecErrors.codeIfJson(get, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName(
            "end-3: \"If the manifest is not found in the repository, the response code MUST be 404 Not Found\" (unknown digest; MANIFEST_UNKNOWN, code-7)")
    void unknownDigestIs404() {
        Exchange get = Expect.status(repo.getManifest(Sha256.of(TestContent.randomBytes(32))), 404);
        SpecErrors.codeIfJson(get, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName(
            "end-3: \"If the blob or manifest is not found in the repository, the response code MUST be 404 Not Found\" (HEAD of an unknown manifest)")
    void headUnknownIs404() {
        Expect.status(repo.headManifest("no-such-tag"), 404);
    }

    @Test
    @DisplayName("end-3: \"An attempt to pull a nonexistent repository MUST return response code 404 Not Found\"")
    void unknownRepositoryIs404() {
        Exchange get = Expect.status(repo.sibling("never-pushed").getManifest(TAG), 404);
        SpecErrors.wellFormed(get);
    }
}
