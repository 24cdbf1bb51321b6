package dev.berth.testkit.image;

import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes OCI image layouts without docker, so that the skopeo and layout tests need nothing but
 * skopeo and the registry: a two-layer linux/amd64 image (busybox rootfs + one file), a
 * multi-platform index, an artifact with a subject.
 */
public final class OciLayoutWriter {

    public static final String FILE_PATH = "/srv/hello.txt";

    private OciLayoutWriter() {}

    /** @param flavour a word put into the top layer, so different calls give different images */
    public static OciImage write(Path layoutDir, String tag, String flavour) {
        String content = "hello from the " + flavour + " layer\n";
        List<LayerBlob> layers = List.of(
                LayerBlob.gzip(BusyboxRootfs.tar()),
                LayerBlob.gzip(new LayerTar()
                        .directory("srv", 0755)
                        .file(FILE_PATH.substring(1), content)
                        .toBytes()));
        return writeImage(layoutDir, tag, layers).withFiles(Map.of(FILE_PATH, content));
    }

    /** A linux/amd64 image of these layers, bottom first, tagged {@code tag}. */
    public static OciImage writeImage(Path layoutDir, String tag, List<LayerBlob> layerBlobs) {
        Descriptor manifest = writeLinuxImage(layoutDir, "amd64", layerBlobs);
        finish(layoutDir, Map.of(tag, manifest));
        return new OciImage(layoutDir, tag, manifest.digest().toString(), Map.of());
    }

    /**
     * A linux/amd64 and a linux/arm64 image (one small layer each) under an image index tagged
     * {@code tag}: what {@code skopeo copy --all} must carry over whole.
     *
     * @return the index and each manifest it lists, with the layout's ref names
     */
    public static LayoutContent writeMultiPlatform(Path layoutDir, String tag) {
        List<Descriptor> platformManifests = new ArrayList<>();
        for (String architecture : List.of("amd64", "arm64")) {
            Descriptor manifest = writeSmallImage(layoutDir, architecture, "built for " + architecture);
            platformManifests.add(new Descriptor(
                    manifest.mediaType(),
                    manifest.digest(),
                    manifest.size(),
                    null,
                    null,
                    null,
                    Map.of("os", "linux", "architecture", architecture)));
        }
        Descriptor index = writeBlob(layoutDir, MediaTypes.OCI_INDEX, OciDocuments.imageIndex(platformManifests));
        return finish(layoutDir, Map.of(tag, index));
    }

    /**
     * An image tagged {@code subjectTag} and an artifact tagged {@code artifactTag} whose
     * {@code subject} is that image: an SBOM-like payload with image-spec's empty config.
     */
    public static LayoutContent writeArtifactWithSubject(Path layoutDir, String subjectTag, String artifactTag) {
        Descriptor subject = writeSmallImage(layoutDir, "amd64", "the subject");
        Descriptor config = writeBlob(layoutDir, MediaTypes.OCI_EMPTY, "{}".getBytes(StandardCharsets.UTF_8));
        Descriptor payload = writeBlob(
                layoutDir,
                "application/spdx+json",
                "{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"berth-interop\"}".getBytes(StandardCharsets.UTF_8));
        byte[] artifact = OciDocuments.imageManifest(
                config,
                List.of(payload),
                "application/spdx+json",
                subject,
                Map.of("org.opencontainers.image.created", "2024-01-01T00:00:00Z"));
        Map<String, Descriptor> tagged = new LinkedHashMap<>();
        tagged.put(subjectTag, subject);
        tagged.put(artifactTag, writeBlob(layoutDir, MediaTypes.OCI_MANIFEST, artifact));
        return finish(layoutDir, tagged);
    }

    private static Descriptor writeSmallImage(Path layoutDir, String architecture, String text) {
        byte[] tar = new LayerTar()
                .directory("srv", 0755)
                .file("srv/platform.txt", text + "\n")
                .toBytes();
        return writeLinuxImage(layoutDir, architecture, List.of(LayerBlob.gzip(tar)));
    }

    /** The layers, a linux config over them and the manifest, as blobs; returns the manifest's descriptor. */
    private static Descriptor writeLinuxImage(Path layoutDir, String architecture, List<LayerBlob> layerBlobs) {
        List<Descriptor> layers = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (LayerBlob layer : layerBlobs) {
            diffIds.add(Digest.sha256(layer.tar()));
            layers.add(writeBlob(layoutDir, layer.mediaType(), layer.blob()));
        }
        Descriptor config =
                writeBlob(layoutDir, MediaTypes.OCI_CONFIG, OciDocuments.imageConfig("linux", architecture, diffIds));
        return writeBlob(
                layoutDir, MediaTypes.OCI_MANIFEST, OciDocuments.imageManifest(config, layers, null, null, Map.of()));
    }

    private static LayoutContent finish(Path layoutDir, Map<String, Descriptor> tagged) {
        try {
            Files.writeString(
                    layoutDir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", StandardCharsets.UTF_8);
            Files.write(layoutDir.resolve("index.json"), OciDocuments.layoutIndex(tagged));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an OCI layout to " + layoutDir, e);
        }
        return new LayoutContent(layoutDir, tagged);
    }

    private static Descriptor writeBlob(Path layoutDir, String mediaType, byte[] content) {
        Digest digest = Digest.sha256(content);
        try {
            Path blobs = Files.createDirectories(
                    layoutDir.resolve("blobs").resolve(digest.algorithm().id()));
            Files.write(blobs.resolve(digest.encoded()), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an OCI layout to " + layoutDir, e);
        }
        return Descriptor.of(mediaType, digest, content.length);
    }
}
