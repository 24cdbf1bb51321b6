package dev.berth.conformance.suite.push;

import dev.berth.conformance.oci.Descriptor;
import dev.berth.conformance.oci.ManifestJson;
import dev.berth.conformance.oci.OciJson;
import dev.berth.conformance.oci.Sha256;
import dev.berth.conformance.suite.Capability;
import dev.berth.conformance.suite.support.Blob;
import dev.berth.conformance.suite.support.Exchange;
import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.Manifest;
import dev.berth.conformance.suite.support.Requires;
import dev.berth.conformance.suite.support.SpecChecks;
import dev.berth.conformance.suite.support.SpecErrors;
import dev.berth.conformance.suite.support.TestContent;
import dev.berth.conformance.suite.support.TestImage;
import dev.berth.conformance.suite.support.TestRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@DisplayName("Push: pushing manifests (end-7)")
class ManifestPushChecks {

    private static final String ARTIFACT_TYPE = "application/vnd.berth.conformance.test";

    @Test
    @DisplayName(
            "end-7 by tag: \"the registry MUST return response code 201 Created, and MUST have the following header: Location\"; Docker-Content-Digest \"MUST be equal to the client provided digest\"")
    void putByTag(TestRepository repo) {
        TestImage image = TestContent.image(1);
        repo.pushBlobs(image);
        Exchange put = Expect.status(repo.putManifest("v1", image.manifest()), 201);
        createdAndPullable(repo, put, image.manifest());
        Expect.body(Expect.status(repo.getManifest("v1"), 200), image.manifest().bytes());
    }

    @Test
    @DisplayName(
            "end-7 by digest: \"the <reference> MUST be either a) a digest or b) a tag\"; 201 Created with a pullable Location")
    void putByDigest(TestRepository repo) {
        TestImage image = TestContent.image(1);
        repo.pushBlobs(image);
        Exchange put = Expect.status(repo.putManifest(image.digest(), image.manifest()), 201);
        createdAndPullable(repo, put, image.manifest());
    }

    @Test
    @DisplayName(
            "end-7: \"The registry MUST store the manifest in the exact byte representation provided by the client\" (unusual whitespace and key order)")
    void storedByteForByte(TestRepository repo) {
        TestImage image = TestContent.image(1);
        repo.pushBlobs(image);
        Blob layer = image.layers().get(0);
        // Hand-written JSON: keys out of the usual order, indentation, a trailing newline. A registry
        // that re-serialises the manifest changes these bytes, and with them the digest.
        String json = "{\n   \"layers\" : [ " + descriptorJson(layer.descriptor()) + " ],\n"
                + "\t\"config\": " + descriptorJson(image.config().descriptor()) + ",\n"
                + "  \"mediaType\":\"" + OciJson.MANIFEST + "\",  \"schemaVersion\" :2\n}\n";
        Manifest manifest = new Manifest(OciJson.MANIFEST, json.getBytes(StandardCharsets.UTF_8));
        Expect.status(repo.putManifest("odd-bytes", manifest), 201);
        Expect.body(Expect.status(repo.getManifest(manifest.digest()), 200), manifest.bytes());
        Expect.body(Expect.status(repo.getManifest("odd-bytes"), 200), manifest.bytes());
    }

    @Test
    @DisplayName(
            "end-7: \"The uploaded manifest MUST reference any blobs that make up the object. However, the list of blobs MAY be empty\" (a manifest without layers: 201 Created)")
    void noLayers(TestRepository repo) {
        Blob config = new Blob(OciJson.EMPTY, "{}".getBytes(StandardCharsets.UTF_8));
        repo.pushBlob(config);
        Manifest manifest =
                Manifest.of(ManifestJson.image(config.descriptor(), List.of()).artifactType(ARTIFACT_TYPE));
        Expect.status(repo.putManifest("no-layers", manifest), 201);
        Expect.body(Expect.status(repo.getManifest("no-layers"), 200), manifest.bytes());
    }

    @Test
    @DisplayName("end-7: an image index of pushed manifests is stored and served with its own Content-Type")
    void imageIndex(TestRepository repo) {
        TestImage amd64 = repo.pushImage(TestContent.image(1));
        TestImage arm64 = repo.pushImage(TestContent.image(1));
        Manifest index = Manifest.of(ManifestJson.index(List.of(
                amd64.manifest().descriptor().withPlatform(new Descriptor.Platform("linux", "amd64")),
                arm64.manifest().descriptor().withPlatform(new Descriptor.Platform("linux", "arm64")))));
        Exchange put = Expect.status(repo.putManifest("multi", index), 201);
        createdAndPullable(repo, put, index);
        Exchange get = Expect.status(repo.getManifest("multi"), 200);
        Expect.equal(
                OciJson.INDEX, Expect.header(get, "Content-Type").split(";")[0].trim(), "Content-Type", get);
    }

    @Test
    @DisplayName(
            "end-7: \"A registry MUST initially accept an otherwise valid manifest with a subject field that references a manifest that does not exist in the repository\"")
    void subjectMayBeMissing(TestRepository repo) {
        TestImage artifact = TestContent.artifact(absentManifest(), ARTIFACT_TYPE, Map.of());
        repo.pushBlobs(artifact);
        Expect.status(repo.putManifest(artifact.digest(), artifact.manifest()), 201);
    }

    @Test
    @Requires(Capability.REFERRERS)
    @DisplayName(
            "end-7: \"a registry implementation that supports the referrers API MUST respond with the response header OCI-Subject: <subject digest>\"")
    void subjectHeader(TestRepository repo) {
        TestImage subject = repo.pushImage(TestContent.image(1));
        TestImage artifact = TestContent.artifact(subject.manifest().descriptor(), ARTIFACT_TYPE, Map.of());
        repo.pushBlobs(artifact);
        Exchange put = Expect.status(repo.putManifest(artifact.digest(), artifact.manifest()), 201);
        Expect.equal(subject.digest(), Expect.header(put, "OCI-Subject").trim(), "OCI-Subject", put);
    }

    @Test
    @DisplayName(
            "end-7: a manifest that references a blob the registry lacks is either accepted, or rejected with \"one or more MANIFEST_BLOB_UNKNOWN errors\" (code-5)")
    void unknownBlobRejectedWithItsCode(TestRepository repo) {
        TestImage image = TestContent.image(1);
        repo.pushBlob(image.config()); // the layer stays unpushed
        Exchange put = repo.putManifest("missing-layer", image.manifest());
        if (put.status() != 201) {
            Expect.that(put.status() >= 400 && put.status() < 500, "a rejection must be a 4xx error", put);
            SpecErrors.code(put, "MANIFEST_BLOB_UNKNOWN");
        }
    }

    /** Created: a Location to pull the manifest from, and the digest the client computed. */
    private static void createdAndPullable(TestRepository repo, Exchange put, Manifest manifest) {
        Expect.digestHeaderMatches(put, manifest.digest());
        Exchange get = repo.client()
                .call("GET", repo.client().resolve(Expect.header(put, "Location")))
                .header("Accept", TestRepository.MANIFEST_TYPES)
                .send();
        Expect.body(Expect.status(get, 200), manifest.bytes());
    }

    private static Descriptor absentManifest() {
        return new Descriptor(OciJson.MANIFEST, Sha256.of(TestContent.randomBytes(64)), 512);
    }

    private static String descriptorJson(Descriptor descriptor) {
        return "{\"size\": " + descriptor.size() + ", \"digest\": \"" + descriptor.digest() + "\", \"mediaType\": \""
                + descriptor.mediaType() + "\"}";
    }
}
