package dev.berth.conformance.suite.management;

import dev.berth.conformance.oci.Sha256;
import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.ReferrersList;
import dev.berth.conformance.suite.support.Requires;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestImage;
import dev.berth.conformance.suite.support.TestRepository;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@Requires(Capability.DELETES)
@DisplayName("Content Management: deleting manifests and tags (end-9)")
class DeleteManifestChecks {

    @Test
    @DisplayName(
            "end-9: \"Upon success, the registry MUST respond with a 202 Accepted code\"; \"Once deleted, a GET to /v2/<name>/manifests/<digest> and any tag pointing to that digest will return a 404\"")
    void deleteManifest(TestRepository repo) {
        TestImage image = repo.pushImage("doomed", TestContent.image(1));
        Expect.status(repo.call("DELETE", "/manifests/" + image.digest()).send(), 202);
        Exchange byDigest = Expect.status(repo.getManifest(image.digest()), 404);
        SpecErrors.codeIfJson(byDigest, "MANIFEST_UNKNOWN");
        Expect.status(repo.getManifest("doomed"), 404);
        Expect.status(repo.headManifest(image.digest()), 404);
    }

    @Test
    @Requires(Capability.TAG_DELETES)
    @DisplayName(
            "end-9 by tag: \"Upon success, the registry MUST respond with a 202 Accepted code\"; \"Once deleted, a GET to /v2/<name>/manifests/<tag> will return a 404\"")
    void deleteTag(TestRepository repo) {
        TestImage image = repo.pushImage("doomed", TestContent.image(1));
        repo.pushManifest("kept", image.manifest());
        Expect.status(repo.call("DELETE", "/manifests/doomed").send(), 202);
        Exchange get = Expect.status(repo.getManifest("doomed"), 404);
        SpecErrors.codeIfJson(get, "MANIFEST_UNKNOWN");
        Expect.status(repo.getManifest("kept"), 200);
    }

    @Test
    @Requires(value = Capability.TAG_DELETES, present = false)
    @DisplayName(
            "end-9 by tag: \"If tag deletion is disabled, the registry MUST respond with either a 400 Bad Request or a 405 Method Not Allowed\"")
    void tagDeletionDisabled(TestRepository repo) {
        repo.pushImage("kept", TestContent.image(1));
        Exchange delete = Expect.status(repo.call("DELETE", "/manifests/kept").send(), 400, 405);
        SpecErrors.wellFormed(delete);
        Expect.status(repo.getManifest("kept"), 200);
    }

    @Test
    @DisplayName("end-9: deleting a manifest the repository does not hold answers 404 Not Found")
    void deleteUnknownManifestIs404(TestRepository repo) {
        repo.pushImage("present", TestContent.image(1));
        Exchange delete = Expect.status(
                repo.call("DELETE", "/manifests/" + Sha256.of(TestContent.randomBytes(32)))
                        .send(),
                404);
        SpecErrors.codeIfJson(delete, "MANIFEST_UNKNOWN");
    }

    @Test
    @DisplayName("end-9: \"If the repository does not exist, the response MUST return 404 Not Found\"")
    void deleteInUnknownRepositoryIs404(TestRepository repo) {
        Exchange delete = Expect.status(
                repo.call("DELETE", "/manifests/" + Sha256.of(TestContent.randomBytes(32)))
                        .send(),
                404);
        SpecErrors.wellFormed(delete);
    }

    @Test
    @Requires(Capability.REFERRERS)
    @DisplayName(
            "end-9, end-12a: a deleted referrer leaves the referrers list (each entry is \"of an image manifest or index in the same <name> namespace\")")
    void deletedReferrerIsNoLongerListed(TestRepository repo) {
        TestImage subject = repo.pushImage("subject", TestContent.image(1));
        TestImage referrer = repo.pushImage(TestContent.artifact(
                subject.manifest().descriptor(), "application/vnd.berth.conformance.sbom", Map.of()));
        Expect.status(repo.call("DELETE", "/manifests/" + referrer.digest()).send(), 202);
        ReferrersList list = ReferrersList.fetch(repo, subject.digest(), null);
        Expect.that(
                !list.digests().contains(referrer.digest()), "the deleted referrer is still listed", list.exchange());
    }
}
