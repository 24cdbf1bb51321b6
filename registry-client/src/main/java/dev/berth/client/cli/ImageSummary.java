package dev.berth.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.FetchedManifest;
import dev.berth.client.progress.ByteSizes;
import dev.berth.oci.Descriptor;
import dev.berth.oci.Manifest;
import dev.berth.oci.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * What {@code berth inspect} shows of an image, with the fields {@code skopeo inspect} has: name,
 * digest, created, labels, architecture and os, layers, env (from the image config), plus the
 * platforms of an index.
 *
 * @param index the index the user named, or null when that was an image manifest
 * @param image the image manifest (for an index, this machine's platform's)
 * @param config the image config's bytes
 */
record ImageSummary(String name, FetchedManifest named, Manifest index, Manifest image, byte[] config) {
    private static final ObjectMapper JSON = new ObjectMapper();

    ObjectNode json() {
        JsonNode configJson = parsedConfig();
        ObjectNode summary = JSON.createObjectNode();
        summary.put("Name", name);
        summary.put("Digest", named.digest().toString());
        summary.put("MediaType", named.mediaType());
        summary.put("Created", configJson.path("created").asText(null));
        summary.set(
                "Labels",
                configJson.path("config").path("Labels").isObject()
                        ? configJson.path("config").path("Labels")
                        : JSON.createObjectNode());
        summary.put("Architecture", configJson.path("architecture").asText(""));
        summary.put("Os", configJson.path("os").asText(""));
        if (configJson.hasNonNull("variant")) {
            summary.put("Variant", configJson.path("variant").asText());
        }
        ArrayNode layers = summary.putArray("Layers");
        ArrayNode layersData = summary.putArray("LayersData");
        for (Descriptor layer : image.layers()) {
            layers.add(layer.digest().toString());
            layersData
                    .addObject()
                    .put("MIMEType", layer.mediaType())
                    .put("Digest", layer.digest().toString())
                    .put("Size", layer.size());
        }
        summary.set(
                "Env",
                configJson.path("config").path("Env").isArray()
                        ? configJson.path("config").path("Env")
                        : JSON.createArrayNode());
        if (index != null) {
            ArrayNode manifests = summary.putArray("Manifests");
            for (Descriptor child : index.manifests()) {
                Platform platform = Platform.of(child);
                manifests
                        .addObject()
                        .put("Digest", child.digest().toString())
                        .put("Platform", platform == null ? "" : platform.toString())
                        .put("Size", child.size());
            }
        }
        if (!named.parsed().annotations().isEmpty()) {
            summary.set("Annotations", JSON.valueToTree(named.parsed().annotations()));
        }
        return summary;
    }

    /** The same fields as lines for people to read. */
    void printText(PrintWriter out) {
        ObjectNode summary = json();
        line(out, "Name", name);
        line(out, "Digest", summary.path("Digest").asText());
        line(out, "Media type", summary.path("MediaType").asText());
        line(out, "Created", summary.path("Created").asText("-"));
        String variant = summary.has("Variant") ? "/" + summary.path("Variant").asText() : "";
        line(
                out,
                "Platform",
                summary.path("Os").asText() + "/" + summary.path("Architecture").asText() + variant);
        summary.path("Env").forEach(env -> line(out, "Env", env.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> labels =
                        summary.path("Labels").fields();
                labels.hasNext(); ) {
            Map.Entry<String, JsonNode> label = labels.next();
            line(out, "Label", label.getKey() + "=" + label.getValue().asText());
        }
        for (Descriptor layer : image.layers()) {
            line(out, "Layer", layer.digest() + " " + ByteSizes.format(layer.size()));
        }
        summary.path("Manifests")
                .forEach(child -> line(
                        out,
                        "Manifest",
                        child.path("Digest").asText() + " "
                                + child.path("Platform").asText()));
    }

    private static void line(PrintWriter out, String field, String value) {
        out.printf("%-12s %s%n", field + ":", value);
    }

    private JsonNode parsedConfig() {
        try {
            return JSON.readTree(config);
        } catch (IOException e) {
            throw new ClientException(FailureKind.VERIFICATION, "the image config is not JSON: " + e.getMessage(), e);
        }
    }
}
