package dev.berth.conformance.interop;

import dev.berth.conformance.oci.Descriptor;
import dev.berth.conformance.oci.ManifestJson;
import dev.berth.conformance.oci.OciJson;
import dev.berth.conformance.oci.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes OCI image layouts without docker, so that the skopeo and layout tests need nothing but
 * skopeo and the registry: a two-layer linux/amd64 image (busybox rootfs + one file), a
 * multi-platform index, an artifact with a subject.
 */
public final class OciLayoutWriter {

    public static final String FILE_PATH = "/srv/hello.txt";

    private OciLayoutWriter() {
    }

    /** @param flavour a word put into the top layer, so different calls give different images */
    public static OciImage write(Path layoutDir, String tag, String flavour) {
        String content = "hello from the " + flavour + " layer\n";
        try {
            List<LayerBlob> layers = List.of(
                    LayerBlob.gzip(BusyboxRootfs.tar()),
                    LayerBlob.gzip(new LayerTar().directory("srv", 0755).file(FILE_PATH.substring(1), content).toBytes()));
            return writeImage(layoutDir, tag, layers).withFiles(Map.of(FILE_PATH, content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an OCI layout to " + layoutDir, e);
        }
    }

    /** A linux/amd64 image of these layers, bottom first, tagged {@code tag}. */
    public static OciImage writeImage(Path layoutDir, String tag, List<LayerBlob> layerBlobs) {
        List<Descriptor> layers = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        try {
            for (LayerBlob layer : layerBlobs) {
                diffIds.add(Sha256.of(layer.tar()));
                layers.add(writeBlob(layoutDir, layer.mediaType(), layer.blob()));
            }
            Descriptor config = writeBlob(layoutDir, OciJson.CONFIG, OciJson.imageConfig(diffIds));
            Descriptor manifest = writeBlob(layoutDir, OciJson.MANIFEST, OciJson.imageManifest(config, layers));
            finish(layoutDir, Map.of(tag, manifest));
            return new OciImage(layoutDir, tag, manifest.digest(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an OCI layout to " + layoutDir, e);
        }
    }

    /**
     * One layer as stored: its media type, its blob, and the tar the blob holds (for the diff_id).
     */
    public record LayerBlob(String mediaType, byte[] tar, byte[] blob) {

        public static LayerBlob tar(byte[] tar) {
            return new LayerBlob(OciJson.LAYER_TAR, tar, tar);
        }

        public static LayerBlob gzip(byte[] tar) throws IOException {
            return new LayerBlob(OciJson.LAYER_GZIP, tar, OciLayoutWriter.gzip(tar));
        }
    }

    /**
     * A linux/amd64 and a linux/arm64 image (one small layer each) under an image index tagged
     * {@code tag}: what {@code skopeo copy --all} must carry over whole.
     *
     * @return the index and each manifest it lists, with the layout's ref names
     */
    public static LayoutContent writeMultiPlatform(Path layoutDir, String tag) {
        try {
            List<Descriptor> platformManifests = new ArrayList<>();
            for (String architecture : List.of("amd64", "arm64")) {
                Descriptor.Platform platform = new Descriptor.Platform("linux", architecture);
                platformManifests.add(writeSmallImage(layoutDir, platform, "built for " + architecture).withPlatform(platform));
            }
            Descriptor index = writeBlob(layoutDir, OciJson.INDEX, ManifestJson.index(platformManifests).toBytes());
            return finish(layoutDir, Map.of(tag, index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an OCI layout to " + layoutDir, e);
        }
    }

    /**
     * An image tagged {@code subjectTag} and an artifact tagged {@code artifactTag} whose
     * {@code subject} is that image: an SBOM-like payload with image-spec's empty config.
     */
    public static LayoutContent writeArtifactWithSubject(Path layoutDir, String subjectTag, String artifactTag) {
        try {
            Descriptor subject = writeSmallImage(layoutDir, new Descriptor.Platform("linux", "amd64"), "the subject");
            Descriptor config = writeBlob(layoutDir, OciJson.EMPTY, "{}".getBytes(StandardCharsets.UTF_8));
            Descriptor payload = writeBlob(layoutDir, "application/spdx+json",
                    "{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"berth-interop\"}".getBytes(StandardCharsets.UTF_8));
            byte[] artifact = ManifestJson.image(config, List.of(payload))
                    .artifactType("application/spdx+json")
                    .subject(subject)
                    .annotations(Map.of("org.opencontainers.image.created", "2024-01-01T00:00:00Z"))
                    .toBytes();
            Map<String, Descriptor> tagged = new LinkedHashMap<>();
            tagged.put(subjectTag, subject);
            tagged.put(artifactTag, writeBlob(layoutDir, OciJson.MANIFEST, artifact));
            return finish(layoutDir, tagged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an OCI layout to " + layoutDir, e);
        }
    }

    private static Descriptor writeSmallImage(Path layoutDir, Descriptor.Platform platform, String text) throws IOException {
        byte[] tar = new LayerTar().directory("srv", 0755).file("srv/platform.txt", text + "\n").toBytes();
        Descriptor layer = writeBlob(layoutDir, OciJson.LAYER_GZIP, gzip(tar));
        Descriptor config = writeBlob(layoutDir, OciJson.CONFIG, OciJson.imageConfig(platform, List.of(Sha256.of(tar))));
        return writeBlob(layoutDir, OciJson.MANIFEST, OciJson.imageManifest(config, List.of(layer)));
    }

    private static LayoutContent finish(Path layoutDir, Map<String, Descriptor> tagged) throws IOException {
        Files.writeString(layoutDir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", StandardCharsets.UTF_8);
        Files.write(layoutDir.resolve("index.json"), OciJson.layoutIndex(tagged));
        return new LayoutContent(layoutDir, tagged);
    }

    private static Descriptor writeBlob(Path layoutDir, String mediaType, byte[] content) throws IOException {
        Descriptor descriptor = Descriptor.of(mediaType, content);
        Files.createDirectories(layoutDir.resolve("blobs/sha256"));
        Files.write(layoutDir.resolve("blobs/sha256").resolve(Sha256.hex(descriptor.digest())), content);
        return descriptor;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }
}
