package dev.berth.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.conformance.oci.OciJson;
import dev.berth.conformance.oci.Sha256;
import dev.berth.testkit.Cleanup;
import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.image.BlobFiles;
import dev.berth.testkit.image.LayoutContent;
import dev.berth.testkit.image.OciImage;
import dev.berth.testkit.image.OciLayoutWriter;
import dev.berth.testkit.process.Command;
import dev.berth.testkit.registry.RegistryKind;
import dev.berth.testkit.registry.RegistryProcess;
import dev.berth.testkit.tools.AppImage;
import dev.berth.testkit.tools.DockerDaemon;
import dev.berth.testkit.tools.Skopeo;
import dev.berth.testkit.tools.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** skopeo (containers/image) as a second, independent client of the registry. */
@DisplayName("skopeo copies images into and out of the registry")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SkopeoInteropIT {

    private static Cleanup cleanup;
    private static Skopeo skopeo;
    private static ScratchDir scratch;
    private static RegistryProcess registry;

    @BeforeAll
    static void startRegistry() {
        skopeo = Skopeo.require();
        cleanup = new Cleanup();
        scratch = cleanup.add(ScratchDir.inBuildDir("skopeo-it-"));
        registry = cleanup.add(RegistryKind.selected().start(scratch.newDir("registry")));
    }

    @AfterAll
    static void stopEverything() {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    @Test
    @DisplayName("an OCI image layout copied in keeps its manifest byte for byte, so its digest is unchanged")
    void ociLayoutRoundTripKeepsDigest() {
        OciImage image = OciLayoutWriter.write(scratch.newDir("layout-in"), "v1", "skopeo");
        String ref = Skopeo.docker(registry, "skopeo/oci-app:v1");

        skopeo.copy(image.transportRef(), ref, "--preserve-digests");

        assertThat(Sha256.of(skopeo.rawManifest(ref))).isEqualTo(image.manifestDigest());
        JsonNode inspected = skopeo.inspect(ref);
        assertThat(inspected.get("Digest").asText()).isEqualTo(image.manifestDigest());
        assertThat(inspected.get("Layers")).hasSize(2);
        assertThat(skopeo.listTags(Skopeo.docker(registry, "skopeo/oci-app"))).containsExactly("v1");
    }

    @Test
    @DisplayName("an image copied out of the registry into an OCI layout has blobs that hash to their names")
    void copyOutToOciLayout() {
        OciImage image = OciLayoutWriter.write(scratch.newDir("layout-src"), "v1", "copy-out");
        String ref = Skopeo.docker(registry, "skopeo/copy-out:v1");
        skopeo.copy(image.transportRef(), ref, "--preserve-digests");
        Path out = scratch.newDir("layout-out");

        skopeo.copy(ref, "oci:" + out + ":pulled");

        assertThat(BlobFiles.inOciLayout(out)).hasSize(4); // config, manifest, two layers
        assertThat(BlobFiles.mismatches(BlobFiles.inOciLayout(out))).isEmpty();
        JsonNode index = OciJson.parse(readBytes(out.resolve("index.json")));
        assertThat(index.at("/manifests/0/digest").asText()).isEqualTo(image.manifestDigest());
    }

    @Test
    @DisplayName("umoci unpacks the layout skopeo pulled from the registry into a bundle with the image's files")
    void umociUnpacksPulledLayout() {
        Path umoci = Prerequisites.executable("umoci", "umoci");
        OciImage image = OciLayoutWriter.write(scratch.newDir("layout-umoci"), "v1", "umoci");
        String ref = Skopeo.docker(registry, "skopeo/umoci:v1");
        skopeo.copy(image.transportRef(), ref, "--preserve-digests");
        Path pulled = scratch.newDir("layout-umoci-pulled");
        skopeo.copy(ref, "oci:" + pulled + ":v1");
        Path bundle = scratch.resolve("bundle");

        List<String> unpack = new ArrayList<>(List.of(umoci.toString(), "unpack"));
        if (!Prerequisites.isRoot()) {
            unpack.add("--rootless"); // umoci refuses to chown as an ordinary user otherwise
        }
        unpack.addAll(List.of("--image", pulled + ":v1", bundle.toString()));
        Command.of(unpack).runOk();

        image.files()
                .forEach((file, content) ->
                        assertThat(readString(bundle.resolve("rootfs" + file))).isEqualTo(content));
        assertThat(bundle.resolve("rootfs/bin/busybox")).isExecutable();
        assertThat(bundle.resolve("config.json")).isRegularFile();
    }

    @Test
    @DisplayName("an image saved by docker is copied in from the docker-archive and served with all its layers")
    void dockerArchiveCopiedIn() {
        try (Cleanup local = new Cleanup()) {
            DockerDaemon docker = local.add(DockerDaemon.start());
            ScratchDir work = local.add(ScratchDir.inBuildDir("skopeo-docker-"));
            AppImage image = TestImages.buildThreeLayerApp(docker, work.path());
            Path archive = work.resolve("app.tar");
            // skopeo's docker-daemon: transport only knows the default socket; a saved archive does not care.
            docker.docker("save", "-o", archive.toString(), image.localRef());
            String ref = Skopeo.docker(registry, "skopeo/from-docker:1");

            skopeo.copy("docker-archive:" + archive, ref);

            JsonNode inspected = skopeo.inspect(ref);
            assertThat(inspected.get("Layers")).hasSize(3);
            JsonNode manifest = OciJson.parse(skopeo.rawManifest(ref));
            assertThat(manifest.at("/config/digest").asText())
                    .as("config digest = docker image id")
                    .isEqualTo(image.imageId());
            Path out = work.path().resolve("out");
            skopeo.copy(ref, "oci:" + out + ":1");
            assertThat(BlobFiles.mismatches(BlobFiles.inOciLayout(out))).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "skopeo copy --all carries a multi-platform index in and back out to an OCI layout, every manifest byte for byte")
    void multiPlatformIndexRoundTrip() {
        LayoutContent in = OciLayoutWriter.writeMultiPlatform(scratch.newDir("index-in"), "multi");
        String ref = Skopeo.docker(registry, "skopeo/multi:1");
        Path out = scratch.newDir("index-out");

        skopeo.copy(in.transportRef("multi"), ref, "--all", "--preserve-digests");
        skopeo.copy(ref, "oci:" + out + ":multi", "--all", "--preserve-digests");

        String index = in.tagged().get("multi").digest().toString();
        assertThat(skopeo.rawManifest(ref)).isEqualTo(LayoutContent.blob(in.layoutDir(), index));
        List<String> manifests = new ArrayList<>(List.of(index));
        OciJson.parse(LayoutContent.blob(in.layoutDir(), index))
                .get("manifests")
                .forEach(entry -> manifests.add(entry.get("digest").asText()));
        assertThat(manifests).hasSize(3);
        assertSameBytes(manifests, in.layoutDir(), out);
        assertThat(OciJson.parse(readBytes(out.resolve("index.json")))
                        .at("/manifests/0/digest")
                        .asText())
                .isEqualTo(index);
        assertThat(BlobFiles.mismatches(BlobFiles.inOciLayout(out))).isEmpty();
    }

    @Test
    @DisplayName("skopeo copy --all carries an artifact with a subject in and back out to an OCI layout, byte for byte")
    void artifactWithSubjectRoundTrip() {
        LayoutContent in = OciLayoutWriter.writeArtifactWithSubject(scratch.newDir("artifact-in"), "app", "app-sbom");
        Path out = scratch.newDir("artifact-out");

        for (String tag : in.tagged().keySet()) {
            String ref = Skopeo.docker(registry, "skopeo/artifact:" + tag);
            skopeo.copy(in.transportRef(tag), ref, "--all", "--preserve-digests");
            skopeo.copy(ref, "oci:" + out + ":" + tag, "--all", "--preserve-digests");
            assertThat(skopeo.rawManifest(ref))
                    .isEqualTo(LayoutContent.blob(
                            in.layoutDir(), in.tagged().get(tag).digest().toString()));
        }

        assertSameBytes(
                in.tagged().values().stream()
                        .map(descriptor -> descriptor.digest().toString())
                        .toList(),
                in.layoutDir(),
                out);
        JsonNode artifact = OciJson.parse(
                LayoutContent.blob(out, in.tagged().get("app-sbom").digest().toString()));
        assertThat(artifact.at("/subject/digest").asText())
                .isEqualTo(in.tagged().get("app").digest().toString());
        assertThat(BlobFiles.mismatches(BlobFiles.inOciLayout(out))).isEmpty();
    }

    /** Each manifest is in both layouts with the very same bytes (so under the same digest). */
    private static void assertSameBytes(List<String> digests, Path expected, Path actual) {
        digests.forEach(digest -> assertThat(LayoutContent.blob(actual, digest))
                .as(digest)
                .isEqualTo(LayoutContent.blob(expected, digest)));
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }
}
