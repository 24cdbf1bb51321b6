package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.oci.OciJson;
import dev.berth.conformance.oci.Sha256;
import dev.berth.oci.Digest;
import dev.berth.testkit.api.RegistryApi;
import dev.berth.testkit.api.Reply;
import dev.berth.testkit.image.BlobFiles;
import dev.berth.testkit.image.Measured;
import dev.berth.testkit.registry.RegistryKind;
import dev.berth.testkit.registry.RegistryProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What a registry must never show, whatever happened to it before (a kill -9 mid-write
 * included): a blob whose content does not match its digest, or a tag whose manifest or
 * referenced blobs are missing.
 */
final class RegistryAudit {

    private final RegistryApi api;
    private final String repo;
    private final Path dataDir;
    private final RegistryKind kind;

    RegistryAudit(RegistryProcess registry, String repo) {
        this.api = new RegistryApi(registry.baseUrl());
        this.repo = repo;
        this.dataDir = registry.dataDir();
        this.kind = registry.kind();
    }

    /** The blob is served, with exactly the content its digest names. */
    void assertBlobIntact(String digest, long size) {
        assertThat(api.blobExists(repo, digest))
                .as("blob %s is still there", digest)
                .isTrue();
        assertThat(api.readBlob(repo, digest))
                .as("content served for %s", digest)
                .isEqualTo(new Measured(Digest.parse(digest), size));
    }

    /** An upload the crash interrupted: it may have landed or not, but never half. */
    void assertBlobAbsentOrIntact(String digest, long size) {
        if (api.blobExists(repo, digest)) {
            assertBlobIntact(digest, size);
        }
    }

    /**
     * Every listed tag resolves to a manifest that hashes to the digest the registry
     * reports, and every blob that manifest references is there.
     *
     * @return the tags listed
     */
    List<String> assertEveryTagResolves() {
        List<String> tags = api.tags(repo);
        tags.forEach(tag -> assertManifestComplete(tag, api.getManifest(repo, tag)));
        return tags;
    }

    /** The tag is absent (from the listing and by GET), or it points at exactly {@code expectedDigest}. */
    void assertTagAbsentOrPointsTo(String tag, String expectedDigest) {
        Reply manifest = api.getManifest(repo, tag);
        if (manifest.status() == 404) {
            skipIfKnownDistributionGap(tag);
            assertThat(api.tags(repo))
                    .as("tags list agrees that %s is absent; on disk: %s", tag, tagOnDisk(tag))
                    .doesNotContain(tag);
            return;
        }
        assertManifestComplete(tag, manifest);
        assertThat(Sha256.of(manifest.body())).as("manifest behind %s", tag).isEqualTo(expectedDigest);
    }

    private void assertManifestComplete(String tag, Reply manifest) {
        if (manifest.status() != 200) {
            skipIfKnownDistributionGap(tag);
        }
        assertThat(manifest.status())
                .as("GET manifest of listed tag %s; on disk: %s", tag, tagOnDisk(tag))
                .isEqualTo(200);
        String actual = Sha256.of(manifest.body());
        manifest.headers()
                .firstValue("Docker-Content-Digest")
                .ifPresent(claimed -> assertThat(actual)
                        .as("body of %s vs its Docker-Content-Digest", tag)
                        .isEqualTo(claimed));
        OciJson.referencedBlobs(manifest.body())
                .forEach(blob -> assertThat(api.blobExists(repo, blob.digest()))
                        .as("blob %s referenced by tag %s", blob.digest(), tag)
                        .isTrue());
    }

    /**
     * distribution 2.8 writes a tag as tags/TAG/index/…/link first and tags/TAG/current/link
     * last, each link in place (truncate, then write: not atomic), and lists every directory
     * under tags/. A kill in between leaves a tag that is listed but has no or an empty
     * current/link, and GET answers 404 or 500. That is the reference's defect, not the test's:
     * Berth must not have it, so only the self-check run against distribution skips here.
     */
    private void skipIfKnownDistributionGap(String tag) {
        if (kind == RegistryKind.DISTRIBUTION
                && Files.isDirectory(tagDir(tag))
                && !holdsDigest(tagDir(tag).resolve("current/link"))) {
            String message = "known distribution 2.8 crash gap: tag " + tag
                    + " is listed but its current/link is missing or torn; " + tagOnDisk(tag);
            System.err.println("WARNING: " + message);
            Assumptions.abort(message);
        }
    }

    private static boolean holdsDigest(Path link) {
        try {
            return Files.isRegularFile(link) && Files.readString(link).matches("sha256:[0-9a-f]{64}");
        } catch (IOException e) {
            return false;
        }
    }

    private Path tagDir(String tag) {
        return dataDir.resolve("docker/registry/v2/repositories")
                .resolve(repo)
                .resolve("_manifests/tags")
                .resolve(tag);
    }

    /** The files the registry:2 layout keeps for a tag, with their sizes: what a failure message needs. */
    private String tagOnDisk(String tag) {
        Path tagDir = tagDir(tag);
        if (!Files.exists(tagDir)) {
            return tagDir + " does not exist";
        }
        try (Stream<Path> files = Files.walk(tagDir)) {
            return files.map(file ->
                            tagDir.relativize(file) + (Files.isRegularFile(file) ? " (" + size(file) + " bytes)" : "/"))
                    .collect(Collectors.joining(", ", tagDir + ": [", "]"));
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Below the data directory, every stored blob file hashes to the digest it is filed under. */
    static void assertNoCorruptBlobOnDisk(Path dataDir) {
        assertThat(BlobFiles.mismatches(BlobFiles.inRegistryStore(dataDir)))
                .as("corrupt blob files")
                .isEmpty();
    }
}
