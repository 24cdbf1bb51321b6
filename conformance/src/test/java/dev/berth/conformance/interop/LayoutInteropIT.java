package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.oci.Sha256;
import dev.berth.storage.s3.S3TestClients;
import dev.berth.testkit.Cleanup;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.image.BlobFiles;
import dev.berth.testkit.image.OciImage;
import dev.berth.testkit.image.OciLayoutWriter;
import dev.berth.testkit.registry.BerthProcess;
import dev.berth.testkit.registry.RegistryKind;
import dev.berth.testkit.registry.RegistryProcess;
import dev.berth.testkit.s3.InProcessS3;
import dev.berth.testkit.s3.S3Bucket;
import dev.berth.testkit.tools.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Berth and registry:2 (distribution) share one layout, so either can serve a data directory the
 * other wrote, and Berth on S3 serves the keys registry:2's S3 driver writes. With -Dinterop.registry=distribution both sides are distribution,
 * which checks the test itself.
 */
@DisplayName("a data directory written by one registry is served by the other")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LayoutInteropIT {

    /** Tags in a flat and a nested repository, two of them on the same image. */
    private static final List<String> REFERENCES = List.of("team/app:1", "team/app:2", "deep/nested/repo:latest");

    private final Cleanup cleanup = new Cleanup();
    private Skopeo skopeo;
    private ScratchDir scratch;

    @BeforeEach
    void setUp() {
        skopeo = Skopeo.require();
        Prerequisites.executable("docker-registry", "docker-registry");
        scratch = cleanup.add(ScratchDir.inBuildDir("layout-it-"));
    }

    @AfterEach
    void tearDown() {
        cleanup.close();
    }

    @Test
    @DisplayName(
            "images pushed to the registry under test are served unchanged by docker-registry from the same directory")
    void selectedRegistryToDistribution() {
        handOver(RegistryKind.selected(), RegistryKind.DISTRIBUTION);
    }

    @Test
    @DisplayName(
            "images pushed to docker-registry are served unchanged by the registry under test from the same directory")
    void distributionToSelectedRegistry() {
        handOver(RegistryKind.DISTRIBUTION, RegistryKind.selected());
    }

    private void handOver(RegistryKind writer, RegistryKind reader) {
        Path dataDir = scratch.newDir("data");
        Map<String, String> digests = new LinkedHashMap<>();

        RegistryProcess first = cleanup.add(writer.start(dataDir));
        pushImages(first).forEach(digests::put);
        first.stop();

        RegistryProcess second = cleanup.add(reader.start(dataDir));
        assertServes(second, digests, writer + " -> " + reader);
        assertThat(BlobFiles.mismatches(BlobFiles.inRegistryStore(dataDir))).isEmpty();
        second.stop();
    }

    @Test
    @DisplayName(
            "a bucket holding what docker-registry wrote, key for key as its S3 driver names them, is served unchanged by Berth on S3")
    void distributionKeysServedFromS3() throws Exception {
        Path dataDir = scratch.newDir("data");
        RegistryProcess writer = cleanup.add(RegistryKind.DISTRIBUTION.start(dataDir));
        Map<String, String> digests = pushImages(writer);
        writer.stop();

        // registry:2's S3 driver keys an object by its path under the root directory, as its
        // filesystem driver names the file: the same tree, without directories.
        S3Bucket bucket = InProcessS3.get().newBucket("");
        S3AsyncClient s3 = S3TestClients.client(S3TestClients.settings(bucket));
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = dataDir.relativize(file).toString();
                s3.putObject(put -> put.bucket(bucket.name()).key(key), AsyncRequestBody.fromFile(file))
                        .join();
            }
        }

        RegistryProcess berth =
                cleanup.add(BerthProcess.startOnS3(scratch.newDir("unused"), bucket.berthEnvironment(false)));
        assertServes(berth, digests, "docker-registry's keys -> Berth on S3");
        berth.stop();
    }

    private void assertServes(RegistryProcess reader, Map<String, String> digests, String handOver) {
        digests.forEach((reference, digest) -> {
            String ref = Skopeo.docker(reader, reference);
            assertThat(Sha256.of(skopeo.rawManifest(ref)))
                    .as(handOver + ": manifest of " + reference)
                    .isEqualTo(digest);
            assertThat(skopeo.inspect(ref).get("Digest").asText()).isEqualTo(digest);
            Path out = scratch.newDir("pulled-" + reference.replaceAll("[^a-z0-9]", "-"));
            skopeo.copy(ref, "oci:" + out + ":pulled");
            assertThat(BlobFiles.mismatches(BlobFiles.inOciLayout(out))).isEmpty();
        });
        assertThat(skopeo.listTags(Skopeo.docker(reader, "team/app"))).containsExactlyInAnyOrder("1", "2");
        assertThat(skopeo.listTags(Skopeo.docker(reader, "deep/nested/repo"))).containsExactly("latest");
    }

    /** @return each pushed reference and the digest of the manifest it points at */
    private Map<String, String> pushImages(RegistryProcess registry) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String reference : REFERENCES) {
            String repo = reference.substring(0, reference.indexOf(':'));
            // team/app:1 and :2 get the same image: the second tag must share its blobs.
            OciImage image = OciLayoutWriter.write(scratch.newDir("image-" + repo.replace('/', '-')), "t", repo);
            skopeo.copy(image.transportRef(), Skopeo.docker(registry, reference), "--preserve-digests");
            digests.put(reference, image.manifestDigest());
        }
        return digests;
    }
}
