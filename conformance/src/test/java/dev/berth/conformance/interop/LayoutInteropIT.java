package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.oci.Sha256;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Berth and registry:2 (distribution) share one on-disk layout, so either can serve a data
 * directory the other wrote. With -Dinterop.registry=distribution both sides are distribution,
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
    @DisplayName("images pushed to the registry under test are served unchanged by docker-registry from the same directory")
    void selectedRegistryToDistribution() {
        handOver(RegistryKind.selected(), RegistryKind.DISTRIBUTION);
    }

    @Test
    @DisplayName("images pushed to docker-registry are served unchanged by the registry under test from the same directory")
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
        digests.forEach((reference, digest) -> {
            String ref = Skopeo.docker(second, reference);
            assertThat(Sha256.of(skopeo.rawManifest(ref))).as(writer + " -> " + reader + ": manifest of " + reference)
                    .isEqualTo(digest);
            assertThat(skopeo.inspect(ref).get("Digest").asText()).isEqualTo(digest);
            Path out = scratch.newDir("pulled-" + reference.replaceAll("[^a-z0-9]", "-"));
            skopeo.copy(ref, "oci:" + out + ":pulled");
            assertThat(BlobFiles.mismatches(BlobFiles.inOciLayout(out))).isEmpty();
        });
        assertThat(skopeo.listTags(Skopeo.docker(second, "team/app"))).containsExactlyInAnyOrder("1", "2");
        assertThat(skopeo.listTags(Skopeo.docker(second, "deep/nested/repo"))).containsExactly("latest");
        assertThat(BlobFiles.mismatches(BlobFiles.inRegistryStore(dataDir))).isEmpty();
        second.stop();
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
