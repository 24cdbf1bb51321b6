package dev.berth.conformance.oci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Builds an OCI image manifest or image index, including the v1.1 fields artifactType and subject. */
public final class ManifestJson {

    private final ObjectNode root = OciJson.MAPPER.createObjectNode();
    private final String mediaType;

    private ManifestJson(String mediaType) {
        this.mediaType = mediaType;
        root.put("schemaVersion", 2);
        root.put("mediaType", mediaType);
    }

    public static ManifestJson image(Descriptor config, List<Descriptor> layers) {
        ManifestJson manifest = new ManifestJson(OciJson.MANIFEST);
        manifest.root.set("config", OciJson.descriptor(config));
        ArrayNode layerArray = manifest.root.putArray("layers");
        layers.forEach(layer -> layerArray.add(OciJson.descriptor(layer)));
        return manifest;
    }

    public static ManifestJson index(List<Descriptor> manifests) {
        ManifestJson index = new ManifestJson(OciJson.INDEX);
        ArrayNode entries = index.root.putArray("manifests");
        manifests.forEach(entry -> entries.add(OciJson.descriptor(entry)));
        return index;
    }

    public ManifestJson artifactType(String artifactType) {
        root.put("artifactType", artifactType);
        return this;
    }

    public ManifestJson subject(Descriptor subject) {
        root.set("subject", OciJson.descriptor(subject));
        return this;
    }

    public ManifestJson annotations(Map<String, String> annotations) {
        OciJson.putAnnotations(root, annotations);
        return this;
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] toBytes() {
        return OciJson.bytes(root);
    }
}
