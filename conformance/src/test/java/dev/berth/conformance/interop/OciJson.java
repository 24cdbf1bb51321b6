package dev.berth.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The few OCI JSON documents the tests write and read: image config, image manifest, the
 * layout's index.json. Written by hand from image-spec so that the tests do not depend on
 * the model classes of the code under test.
 */
final class OciJson {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    static final ObjectMapper MAPPER = new ObjectMapper();

    private OciJson() {
    }

    /** A linux/amd64 image config whose rootfs lists the given uncompressed layer digests. */
    static byte[] imageConfig(List<String> diffIds) {
        ObjectNode config = MAPPER.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        ObjectNode runtime = config.putObject("config");
        runtime.putArray("Env").add("PATH=/bin");
        runtime.putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(ids::add);
        return bytes(config);
    }

    static byte[] imageManifest(Descriptor config, List<Descriptor> layers) {
        return imageManifest(config, layers, Map.of());
    }

    /** @param annotations makes otherwise equal manifests distinct (each gets its own digest) */
    static byte[] imageManifest(Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST);
        manifest.set("config", descriptor(config));
        ArrayNode layerArray = manifest.putArray("layers");
        layers.forEach(layer -> layerArray.add(descriptor(layer)));
        if (!annotations.isEmpty()) {
            ObjectNode annotationNode = manifest.putObject("annotations");
            annotations.forEach(annotationNode::put);
        }
        return bytes(manifest);
    }

    static byte[] layoutIndex(Descriptor manifest, String tag) {
        ObjectNode index = MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode entry = descriptor(manifest);
        entry.putObject("annotations").put(REF_NAME, tag);
        index.putArray("manifests").add(entry);
        return bytes(index);
    }

    /** Every blob a manifest references: its config, then its layers. */
    static List<Descriptor> referencedBlobs(byte[] manifest) {
        JsonNode root = parse(manifest);
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(toDescriptor(root.get("config")));
        root.get("layers").forEach(layer -> blobs.add(toDescriptor(layer)));
        return blobs;
    }

    static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    static JsonNode parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Descriptor toDescriptor(JsonNode node) {
        return new Descriptor(node.get("mediaType").asText(), node.get("digest").asText(), node.get("size").asLong());
    }

    private static ObjectNode descriptor(Descriptor descriptor) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("mediaType", descriptor.mediaType());
        node.put("digest", descriptor.digest());
        node.put("size", descriptor.size());
        return node;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
