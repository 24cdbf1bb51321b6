package dev.berth.conformance.oci;

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
 * The OCI JSON documents the suite and the tests write and read: image config, descriptors, the
 * layout's index.json. Written by hand from image-spec so that neither depends on the model
 * classes of the code under test. Manifests and indexes are built with {@link ManifestJson}.
 */
public final class OciJson {

    public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    /** image-spec's empty descriptor: the config of an artifact that needs none. */
    public static final String EMPTY = "application/vnd.oci.empty.v1+json";

    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private OciJson() {}

    /** A linux/amd64 image config whose rootfs lists the given uncompressed layer digests. */
    public static byte[] imageConfig(List<String> diffIds) {
        return imageConfig(new Descriptor.Platform("linux", "amd64"), diffIds);
    }

    public static byte[] imageConfig(Descriptor.Platform platform, List<String> diffIds) {
        ObjectNode config = MAPPER.createObjectNode();
        config.put("architecture", platform.architecture());
        config.put("os", platform.os());
        ObjectNode runtime = config.putObject("config");
        runtime.putArray("Env").add("PATH=/bin");
        runtime.putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(ids::add);
        return bytes(config);
    }

    public static byte[] imageManifest(Descriptor config, List<Descriptor> layers) {
        return ManifestJson.image(config, layers).toBytes();
    }

    /** @param annotations makes otherwise equal manifests distinct (each gets its own digest) */
    public static byte[] imageManifest(Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
        return ManifestJson.image(config, layers).annotations(annotations).toBytes();
    }

    /** An OCI layout's index.json naming each descriptor by its ref name (the tag). */
    public static byte[] layoutIndex(Map<String, Descriptor> byTag) {
        ObjectNode index = MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        ArrayNode manifests = index.putArray("manifests");
        byTag.forEach((tag, descriptor) -> {
            ObjectNode entry = descriptor(descriptor);
            entry.putObject("annotations").put(REF_NAME, tag);
            manifests.add(entry);
        });
        return bytes(index);
    }

    public static byte[] layoutIndex(Descriptor manifest, String tag) {
        return layoutIndex(Map.of(tag, manifest));
    }

    /** Every blob a manifest references: its config, then its layers. */
    public static List<Descriptor> referencedBlobs(byte[] manifest) {
        JsonNode root = parse(manifest);
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(toDescriptor(root.get("config")));
        root.get("layers").forEach(layer -> blobs.add(toDescriptor(layer)));
        return blobs;
    }

    public static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    public static JsonNode parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Descriptor toDescriptor(JsonNode node) {
        return new Descriptor(
                node.get("mediaType").asText(),
                node.get("digest").asText(),
                node.get("size").asLong());
    }

    static ObjectNode descriptor(Descriptor descriptor) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("mediaType", descriptor.mediaType());
        node.put("digest", descriptor.digest());
        node.put("size", descriptor.size());
        if (descriptor.artifactType() != null) {
            node.put("artifactType", descriptor.artifactType());
        }
        if (descriptor.platform() != null) {
            ObjectNode platform = node.putObject("platform");
            platform.put("architecture", descriptor.platform().architecture());
            platform.put("os", descriptor.platform().os());
        }
        putAnnotations(node, descriptor.annotations());
        return node;
    }

    static void putAnnotations(ObjectNode node, Map<String, String> annotations) {
        if (!annotations.isEmpty()) {
            ObjectNode annotationNode = node.putObject("annotations");
            annotations.forEach(annotationNode::put);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
