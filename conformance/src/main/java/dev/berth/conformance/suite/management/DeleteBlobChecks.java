package dev.berth.conformance.suite.management;

import dev.berth.conformance.oci.Sha256;
import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.support.Blob;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.Requires;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@Requires(Capability.DELETES)
@DisplayName("Content Management: deleting blobs (end-10)")
class DeleteBlobChecks {

    @Test
    @DisplayName(
            "end-10: \"Upon success, the registry MUST respond with code 202 Accepted\"; the blob is then gone (404 on GET and HEAD)")
    void deleteBlob(TestRepository repo) {
        Blob blob = TestContent.layer();
        repo.pushBlob(blob);
        Expect.status(repo.call("DELETE", "/blobs/" + blob.digest()).send(), 202);
        Exchange get = Expect.status(repo.getBlob(blob.digest()), 404);
        SpecErrors.codeIfJson(get, "BLOB_UNKNOWN");
        Expect.status(repo.headBlob(blob.digest()), 404);
    }

    @Test
    @DisplayName("end-10: \"If the blob is not found, a 404 Not Found code MUST be returned\"")
    void deleteUnknownBlobIs404(TestRepository repo) {
        repo.pushBlob(TestContent.layer());
        Exchange delete = Expect.status(
                repo.call("DELETE", "/blobs/" + Sha256.of(TestContent.randomBytes(32)))
                        .send(),
                404);
        SpecErrors.codeIfJson(delete, "BLOB_UNKNOWN");
    }
}
