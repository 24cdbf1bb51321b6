package dev.berth.runtime.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an image config (image-spec config.md) that running the image needs. Absent
 * fields are empty, never null.
 */
public record ImageConfig(
        String user,
        List<String> env,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        Map<String, String> labels,
        List<String> diffIds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ImageConfig parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ImageException("the image config is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ImageException("the image config is not a JSON object");
        }
        JsonNode config = root.path("config");
        return new ImageConfig(
                config.path("User").asText(""),
                strings(config.path("Env")),
                strings(config.path("Entrypoint")),
                strings(config.path("Cmd")),
                config.path("WorkingDir").asText(""),
                labels(config.path("Labels")),
                strings(root.path("rootfs").path("diff_ids")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.fields()
                .forEachRemaining(
                        field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }
}
