package dev.berth.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Well-formed manifests of each kind, as JSON trees a test can then break in one place. */
final class ManifestJson {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Digest CONFIG = digestOf("config");
    static final Digest LAYER = digestOf("layer");
    static final Digest CHILD = digestOf("child");
    static final Digest SUBJECT = digestOf("subject");

    private ManifestJson() {}

    static Digest digestOf(String content) {
        return Digest.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode descriptor(String mediaType, Digest digest, long size) {
        return JSON.createObjectNode()
                .put("mediaType", mediaType)
                .put("digest", digest.toString())
                .put("size", size);
    }

    static ObjectNode ociManifest() {
        return imageManifest(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, MediaTypes.OCI_LAYER_GZIP);
    }

    static ObjectNode dockerManifest() {
        return imageManifest(MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_CONFIG, MediaTypes.DOCKER_LAYER_GZIP);
    }

    static ObjectNode ociIndex() {
        return index(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST);
    }

    static ObjectNode dockerManifestList() {
        return index(MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);
    }

    private static ObjectNode imageManifest(String mediaType, String configType, String layerType) {
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", mediaType);
        manifest.set("config", descriptor(configType, CONFIG, 6));
        manifest.putArray("layers").add(descriptor(layerType, LAYER, 5));
        return manifest;
    }

    private static ObjectNode index(String mediaType, String childType) {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", mediaType);
        ObjectNode child = descriptor(childType, CHILD, 5);
        child.putObject("platform").put("architecture", "amd64").put("os", "linux");
        index.putArray("manifests").add(child);
        return index;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
