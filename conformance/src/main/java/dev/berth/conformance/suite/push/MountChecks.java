package dev.berth.conformance.suite.push;

import dev.berth.conformance.oci.Sha256;
import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.support.Blob;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.Requires;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestRepository;
import dev.berth.conformance.suite.support.Uploads;
import dev.berth.conformance.suite.support.Urls;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@DisplayName("Push: mounting a blob from another repository (end-11)")
class MountChecks {

    @Test
    @DisplayName(
            "end-11: \"The response to a successful mount MUST be 201 Created, and MUST contain the following header: Location\"; the blob is then in the repository")
    void mountFromAnotherRepository(TestRepository repo) {
        TestRepository source = repo.sibling("source");
        Blob blob = TestContent.layer();
        source.pushBlob(blob);
        String query = Urls.withQuery(Urls.withQuery("/blobs/uploads/", "mount", blob.digest()), "from", source.name());
        Exchange mount = Expect.status(repo.call("POST", query).send(), 201);
        repo.trackBlob(blob.digest());
        MonolithicUploadChecks.pullable(repo, mount, blob);
        Expect.body(Expect.status(repo.getBlob(blob.digest()), 200), blob.bytes());
    }

    @Test
    @DisplayName(
            "end-11: \"if a registry … is unable to mount the requested blob, it SHOULD return a 202\" with a Location, to upload to instead (a blob no repository holds)")
    void mountOfUnknownBlobOpensUpload(TestRepository repo) {
        TestRepository source = repo.sibling("source");
        source.pushBlob(TestContent.layer());
        String unknown = Sha256.of(TestContent.randomBytes(32));
        String query = Urls.withQuery(Urls.withQuery("/blobs/uploads/", "mount", unknown), "from", source.name());
        Exchange mount = Expect.status(repo.call("POST", query).send(), 202);
        Uploads.cancel(repo.client(), Uploads.location(repo.client(), mount));
    }

    @Test
    @Requires(Capability.AUTOMATIC_CROSS_MOUNT)
    @DisplayName(
            "end-11: \"The registry MAY treat the from parameter as optional, and it MAY cross-mount the blob if it can be found\" (declared: it does; 201 Created)")
    void mountWithoutFrom(TestRepository repo) {
        Blob blob = TestContent.layer();
        repo.sibling("source").pushBlob(blob);
        Exchange mount = Expect.status(
                repo.call("POST", Urls.withQuery("/blobs/uploads/", "mount", blob.digest()))
                        .send(),
                201);
        repo.trackBlob(blob.digest());
        MonolithicUploadChecks.pullable(repo, mount, blob);
    }

    @Test
    @Requires(value = Capability.AUTOMATIC_CROSS_MOUNT, present = false)
    @DisplayName(
            "end-11: a mount without `from` that the registry does not perform \"SHOULD return a 202\" with a Location, to upload to instead")
    void mountWithoutFromOpensUpload(TestRepository repo) {
        Blob blob = TestContent.layer();
        repo.sibling("source").pushBlob(blob);
        Exchange mount = Expect.status(
                repo.call("POST", Urls.withQuery("/blobs/uploads/", "mount", blob.digest()))
                        .send(),
                202);
        Uploads.cancel(repo.client(), Uploads.location(repo.client(), mount));
    }
}
