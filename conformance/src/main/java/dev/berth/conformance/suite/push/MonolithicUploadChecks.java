package dev.berth.conformance.suite.push;

import dev.berth.conformance.oci.Sha256;
import dev.berth.conformance.suite.support.Blob;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestRepository;
import dev.berth.conformance.suite.support.Uploads;
import dev.berth.conformance.suite.support.Urls;
import java.net.URI;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@DisplayName("Push: pushing a blob monolithically (end-4a, end-4b, end-6)")
class MonolithicUploadChecks {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    @DisplayName(
            "end-4a: \"Upon success, the response MUST have a code of 202 Accepted, and MUST include the following header: Location\"")
    void postOpensSession(TestRepository repo) {
        URI location = Uploads.openSession(repo);
        Uploads.cancel(repo.client(), location);
    }

    @Test
    @DisplayName(
            "end-4a: \"The <location> MUST contain a UUID representing a unique session ID for the upload to follow\"")
    void locationHoldsUniqueUuid(TestRepository repo) {
        Exchange first = Expect.status(Uploads.open(repo), 202);
        Exchange second = Expect.status(Uploads.open(repo), 202);
        URI firstLocation = Uploads.location(repo.client(), first);
        URI secondLocation = Uploads.location(repo.client(), second);
        Expect.that(UUID.matcher(firstLocation.toString()).find(), "the upload location holds no UUID", first);
        Expect.that(!firstLocation.equals(secondLocation), "two sessions were handed the same location", second);
        Uploads.cancel(repo.client(), firstLocation);
        Uploads.cancel(repo.client(), secondLocation);
    }

    @Test
    @DisplayName(
            "end-6: POST then PUT: \"the response MUST have code 201 Created and MUST have the following header: Location: <blob-location>\", \"a pullable blob URL\"")
    void postThenPut(TestRepository repo) {
        Blob blob = TestContent.layer();
        URI location = Uploads.openSession(repo);
        Exchange put = Expect.status(Uploads.closeWith(repo.client(), location, blob.digest(), blob.bytes()), 201);
        repo.trackBlob(blob.digest());
        pullable(repo, put, blob);
    }

    @Test
    @DisplayName(
            "end-4b: single POST: \"Successful completion of the request MUST return a 201 Created and MUST include the following header: Location\" (or 202 and a PUT, for registries without it)")
    void singlePost(TestRepository repo) {
        Blob blob = TestContent.layer();
        Exchange post = repo.call("POST", Urls.withQuery("/blobs/uploads/", "digest", blob.digest()))
                .octets(blob.bytes())
                .send();
        Expect.status(post, 201, 202);
        if (post.status() == 202) {
            // "Registries that do not support single request monolithic uploads SHOULD return a 202 Accepted
            // status code and Location header and clients SHOULD proceed with a subsequent PUT request"
            post = Expect.status(
                    Uploads.closeWith(
                            repo.client(), Uploads.location(repo.client(), post), blob.digest(), blob.bytes()),
                    201);
        }
        repo.trackBlob(blob.digest());
        pullable(repo, post, blob);
    }

    @Test
    @DisplayName(
            "end-4b: single POST whose <digest> does not match the content (\"the <digest> MUST match the blob's digest\"): 400 Bad Request (DIGEST_INVALID, code-4)")
    void singlePostWithWrongDigest(TestRepository repo) {
        Blob blob = TestContent.layer();
        String wrong = Sha256.of(TestContent.randomBytes(32));
        Exchange post = repo.call("POST", Urls.withQuery("/blobs/uploads/", "digest", wrong))
                .octets(blob.bytes())
                .send();
        if (post.status() == 202) {
            Uploads.cancel(repo.client(), Uploads.location(repo.client(), post));
            Assumptions.abort(
                    "the registry does not take single-POST uploads (it answered 202), so it had no digest to refuse");
        }
        Expect.status(post, 400);
        SpecErrors.codeIfJson(post, "DIGEST_INVALID");
        Expect.status(repo.headBlob(wrong), 404);
    }

    @Test
    @DisplayName(
            "end-6: a PUT whose digest does not match the uploaded content fails with 400 Bad Request (DIGEST_INVALID, code-4), and no blob appears")
    void putWithWrongDigest(TestRepository repo) {
        Blob blob = TestContent.layer();
        String wrong = Sha256.of(TestContent.randomBytes(32));
        URI location = Uploads.openSession(repo);
        Exchange put = Expect.status(Uploads.closeWith(repo.client(), location, wrong, blob.bytes()), 400);
        SpecErrors.codeIfJson(put, "DIGEST_INVALID");
        Expect.status(repo.headBlob(wrong), 404);
        Expect.status(repo.headBlob(blob.digest()), 404);
        Uploads.cancel(repo.client(), location);
    }

    /** "With <blob-location> being a pullable blob URL." */
    static void pullable(TestRepository repo, Exchange created, Blob blob) {
        Exchange get = Expect.status(
                repo.client()
                        .call("GET", Uploads.location(repo.client(), created))
                        .send(),
                200);
        Expect.body(get, blob.bytes());
    }
}
