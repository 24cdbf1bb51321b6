package dev.berth.conformance.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a two-layer linux/amd64 image (busybox rootfs + one file) as an OCI image layout,
 * without docker: the skopeo and layout tests then need nothing but skopeo and the registry.
 */
final class OciLayoutWriter {

    static final String FILE_PATH = "/srv/hello.txt";

    private OciLayoutWriter() {
    }

    /** @param flavour a word put into the top layer, so different calls give different images */
    static OciImage write(Path layoutDir, String tag, String flavour) {
        String content = "hello from the " + flavour + " layer\n";
        List<byte[]> layerTars = List.of(
                BusyboxRootfs.tar(),
                new LayerTar().directory("srv", 0755).file(FILE_PATH.substring(1), content).toBytes());

        List<Descriptor> layers = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        try {
            Files.createDirectories(layoutDir.resolve("blobs/sha256"));
            for (byte[] tar : layerTars) {
                diffIds.add(Sha256.of(tar));
                layers.add(writeBlob(layoutDir, OciJson.LAYER_GZIP, gzip(tar)));
            }
            Descriptor config = writeBlob(layoutDir, OciJson.CONFIG, OciJson.imageConfig(diffIds));
            Descriptor manifest = writeBlob(layoutDir, OciJson.MANIFEST, OciJson.imageManifest(config, layers));
            Files.writeString(layoutDir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", StandardCharsets.UTF_8);
            Files.write(layoutDir.resolve("index.json"), OciJson.layoutIndex(manifest, tag));
            return new OciImage(layoutDir, tag, manifest.digest(), Map.of(FILE_PATH, content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an OCI layout to " + layoutDir, e);
        }
    }

    private static Descriptor writeBlob(Path layoutDir, String mediaType, byte[] content) throws IOException {
        Descriptor descriptor = Descriptor.of(mediaType, content);
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
