package dev.berth.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.layout.DescriptorJson;
import dev.berth.client.layout.LayoutWriter;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Digest;
import dev.berth.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small images written straight into OCI layouts, for tests that only need content a registry
 * accepts (the layers are not real tars: registries never look inside them).
 */
public final class TestLayouts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestLayouts() {}

    /** An image whose layers hold {@code layerSizes} pseudo-random bytes each, seeded by {@code seed}. */
    public static Descriptor image(Path dir, String refName, long seed, int... layerSizes) {
        LayoutWriter layout = LayoutWriter.create(dir);
        Descriptor manifest = writeImage(layout, seed, layerSizes);
        layout.tag(manifest, refName, true);
        return manifest;
    }

    /** An index of one image per platform ({@code os/arch} strings), tagged {@code refName}. */
    public static Descriptor index(Path dir, String refName, List<String> platforms) {
        LayoutWriter layout = LayoutWriter.create(dir);
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_INDEX);
        for (int i = 0; i < platforms.size(); i++) {
            Descriptor image = writeImage(layout, 1000 + i, 2048 + i);
            String[] parts = platforms.get(i).split("/");
            index.withArray("manifests")
                    .add(DescriptorJson.write(new Descriptor(
                            image.mediaType(),
                            image.digest(),
                            image.size(),
                            null,
                            null,
                            null,
                            Map.of("os", parts[0], "architecture", parts[1]))));
        }
        Descriptor descriptor =
                put(layout, MediaTypes.OCI_INDEX, index.toString().getBytes(StandardCharsets.UTF_8));
        layout.tag(descriptor, refName, true);
        return descriptor;
    }

    /** An artifact of {@code artifactType} (image-spec's empty config, one layer) whose subject is {@code subject}. */
    public static Descriptor artifact(Path dir, String refName, String artifactType, Descriptor subject) {
        LayoutWriter layout = LayoutWriter.create(dir);
        ObjectNode manifest = JSON.createObjectNode()
                .put("schemaVersion", 2)
                .put("mediaType", MediaTypes.OCI_MANIFEST)
                .put("artifactType", artifactType);
        manifest.set(
                "config",
                DescriptorJson.write(put(layout, MediaTypes.OCI_EMPTY, "{}".getBytes(StandardCharsets.UTF_8))));
        manifest.withArray("layers")
                .add(DescriptorJson.write(
                        put(layout, "application/json", "{\"sbom\":true}".getBytes(StandardCharsets.UTF_8))));
        manifest.set("subject", DescriptorJson.write(subject));
        Descriptor descriptor =
                put(layout, MediaTypes.OCI_MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        layout.tag(descriptor, refName, true);
        return descriptor;
    }

    private static Descriptor writeImage(LayoutWriter layout, long seed, int... layerSizes) {
        Random random = new Random(seed);
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
        ObjectNode config = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        for (int size : layerSizes) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            manifest.withArray("layers").add(DescriptorJson.write(put(layout, MediaTypes.OCI_LAYER_GZIP, content)));
            config.withObject("/rootfs")
                    .withArray("diff_ids")
                    .add(Digest.sha256(content).toString());
        }
        manifest.set(
                "config",
                DescriptorJson.write(
                        put(layout, MediaTypes.OCI_CONFIG, config.toString().getBytes(StandardCharsets.UTF_8))));
        return put(layout, MediaTypes.OCI_MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Descriptor put(LayoutWriter layout, String mediaType, byte[] content) {
        Descriptor descriptor = Descriptor.of(mediaType, Digest.sha256(content), content.length);
        layout.put(descriptor, content);
        return descriptor;
    }
}
