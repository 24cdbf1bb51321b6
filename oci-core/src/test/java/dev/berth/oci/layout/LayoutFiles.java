package dev.berth.oci.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Layouts written file by file as image-layout.md describes them, without the client's writer:
 * what the reader reads is then the spec's format, not our own writer's habits.
 */
final class LayoutFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);

    private LayoutFiles(Path dir) {
        this.dir = dir;
        index.putArray("manifests");
    }

    /** oci-layout, an index.json without entries, and an empty blobs directory. */
    static LayoutFiles create(Path dir) {
        LayoutFiles layout = new LayoutFiles(dir);
        write(dir.resolve("oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}");
        layout.writeIndex();
        layout.blobsDirectory();
        return layout;
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image manifest with a config and one layer, its entry in index.json tagged {@code refName}. */
    Descriptor image(String refName) {
        Descriptor manifest = manifest(refName);
        tag(manifest, refName);
        return manifest;
    }

    /** An image manifest with a config and one layer holding {@code layerText}, not in index.json. */
    Descriptor manifest(String layerText) {
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.set("config", json(blob(MediaTypes.OCI_CONFIG, "{\"architecture\":\"amd64\",\"os\":\"linux\"}")));
        manifest.putArray("layers").add(json(blob(MediaTypes.OCI_LAYER_TAR, layerText)));
        return blob(MediaTypes.OCI_MANIFEST, manifest.toString());
    }

    Descriptor blob(String mediaType, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Descriptor descriptor = Descriptor.of(mediaType, Digest.sha256(bytes), bytes.length);
        write(blobFile(descriptor), content);
        return descriptor;
    }

    Path blobFile(Descriptor descriptor) {
        return dir.resolve("blobs/sha256").resolve(descriptor.digest().encoded());
    }

    /** Adds an entry to index.json; a null {@code refName} leaves it without the annotation. */
    void tag(Descriptor descriptor, String refName) {
        ObjectNode entry = json(descriptor);
        if (refName != null) {
            entry.putObject("annotations").put(OciLayout.REF_NAME, refName);
        }
        index.withArray("manifests").add(entry);
        writeIndex();
    }

    private void writeIndex() {
        write(dir.resolve("index.json"), index.toString());
    }

    private void blobsDirectory() {
        try {
            Files.createDirectories(dir.resolve("blobs/sha256"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode json(Descriptor descriptor) {
        return JSON.createObjectNode()
                .put("mediaType", descriptor.mediaType())
                .put("digest", descriptor.digest().toString())
                .put("size", descriptor.size());
    }
}
