package dev.berth.conformance.suite.management;

import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.support.Blob;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.Requires;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestImage;
import dev.berth.conformance.suite.support.TestRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** "Registries MAY implement deletion or they MAY disable it": what a registry that disables it must answer. */
@SpecChecks
@Requires(value = Capability.DELETES, present = false)
@DisplayName("Content Management: a registry with deletion disabled (end-9, end-10)")
class DeletesDisabledChecks {

    @Test
    @DisplayName(
            "end-9: \"If manifest deletion is disabled, the registry MUST respond with either a 400 Bad Request or a 405 Method Not Allowed\"; the manifest stays")
    void manifestDeletionRefused(TestRepository repo) {
        TestImage image = repo.pushImage("kept", TestContent.image(1));
        Exchange delete = Expect.status(
                repo.call("DELETE", "/manifests/" + image.digest()).send(), 400, 405);
        SpecErrors.wellFormed(delete);
        Expect.status(repo.getManifest(image.digest()), 200);
    }

    @Test
    @DisplayName(
            "end-10: \"If blob deletion is disabled, the registry MUST respond with either a 400 Bad Request or a 405 Method Not Allowed\"; the blob stays")
    void blobDeletionRefused(TestRepository repo) {
        Blob blob = TestContent.layer();
        repo.pushBlob(blob);
        Exchange delete =
                Expect.status(repo.call("DELETE", "/blobs/" + blob.digest()).send(), 400, 405);
        SpecErrors.wellFormed(delete);
        Expect.status(repo.getBlob(blob.digest()), 200);
    }
}
