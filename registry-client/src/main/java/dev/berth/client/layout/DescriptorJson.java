package dev.berth.client.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.oci.Descriptor;

/** A descriptor as image-spec JSON, with only the fields it has. */
public final class DescriptorJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DescriptorJson() {}

    public static ObjectNode write(Descriptor descriptor) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", descriptor.mediaType());
        node.put("digest", descriptor.digest().toString());
        node.put("size", descriptor.size());
        if (descriptor.artifactType() != null) {
            node.put("artifactType", descriptor.artifactType());
        }
        if (!descriptor.urls().isEmpty()) {
            descriptor.urls().forEach(node.putArray("urls")::add);
        }
        if (!descriptor.annotations().isEmpty()) {
            node.set("annotations", JSON.valueToTree(descriptor.annotations()));
        }
        if (!descriptor.platform().isEmpty()) {
            node.set("platform", JSON.valueToTree(descriptor.platform()));
        }
        return node;
    }
}
