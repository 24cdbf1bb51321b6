package dev.berth.testkit.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The image-spec JSON documents test layouts are made of, built as Jackson trees: fields come out
 * in the order they are put, so the same image always gets the same digests.
 */
public final class OciDocuments {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OciDocuments() {}

    /** A config of a /bin/sh image for {@code os/architecture} whose rootfs lists these diff_ids. */
    public static byte[] imageConfig(String os, String architecture, List<Digest> diffIds) {
        ObjectNode config =
                JSON.createObjectNode().put("architecture", architecture).put("os", os);
        ObjectNode process = config.putObject("config");
        process.putArray("Env").add("PATH=/bin");
        process.putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
        diffIds.forEach(diffId -> rootfs.withArray("diff_ids").add(diffId.toString()));
        return bytes(config);
    }

    /** An image manifest; {@code artifactType} and {@code subject} may be null, {@code annotations} empty. */
    public static byte[] imageManifest(
            Descriptor config,
            List<Descriptor> layers,
            String artifactType,
            Descriptor subject,
            Map<String, String> annotations) {
        ObjectNode manifest = header(MediaTypes.OCI_MANIFEST);
        manifest.set("config", descriptor(config));
        layers.forEach(layer -> manifest.withArray("layers").add(descriptor(layer)));
        if (artifactType != null) {
            manifest.put("artifactType", artifactType);
        }
        if (subject != null) {
            manifest.set("subject", descriptor(subject));
        }
        putAnnotations(manifest, annotations);
        return bytes(manifest);
    }

    public static byte[] imageIndex(List<Descriptor> manifests) {
        ObjectNode index = header(MediaTypes.OCI_INDEX);
        manifests.forEach(manifest -> index.withArray("manifests").add(descriptor(manifest)));
        return bytes(index);
    }

    /** A layout's index.json: each descriptor under its ref name. */
    public static byte[] layoutIndex(Map<String, Descriptor> byRefName) {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
        byRefName.forEach((refName, target) -> {
            ObjectNode entry = descriptor(target);
            entry.withObject("/annotations").put(REF_NAME, refName);
            index.withArray("manifests").add(entry);
        });
        return bytes(index);
    }

    private static ObjectNode header(String mediaType) {
        return JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", mediaType);
    }

    private static ObjectNode descriptor(Descriptor descriptor) {
        ObjectNode node = JSON.createObjectNode()
                .put("mediaType", descriptor.mediaType())
                .put("digest", descriptor.digest().toString())
                .put("size", descriptor.size());
        if (descriptor.artifactType() != null) {
            node.put("artifactType", descriptor.artifactType());
        }
        if (!descriptor.platform().isEmpty()) {
            // Written in a fixed order: the record keeps the platform in an unordered map.
            node.putObject("platform")
                    .put("architecture", (String) descriptor.platform().get("architecture"))
                    .put("os", (String) descriptor.platform().get("os"));
        }
        putAnnotations(node, descriptor.annotations());
        return node;
    }

    private static void putAnnotations(ObjectNode node, Map<String, String> annotations) {
        annotations.forEach((key, value) -> node.withObject("/annotations").put(key, value));
    }

    private static byte[] bytes(ObjectNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
