package dev.berth.registry.ui;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The parts of an image config (image-spec config.md, and docker's, which has the same fields) that
 * the UI shows. Fields an image leaves out read as absent; a config that is no JSON object reads
 * as empty rather than failing the page.
 */
record ImageConfig(JsonObject json) {

    static ImageConfig parse(Buffer content) {
        try {
            Object value = Json.decodeValue(content);
            return new ImageConfig(value instanceof JsonObject object ? object : new JsonObject());
        } catch (DecodeException e) {
            return new ImageConfig(new JsonObject());
        }
    }

    Optional<String> created() {
        return text(json, "created");
    }

    /** {@code os/architecture[/variant]}, when the config names both. */
    Optional<String> platform() {
        Optional<String> os = text(json, "os");
        Optional<String> architecture = text(json, "architecture");
        if (os.isEmpty() || architecture.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(os.get() + "/" + architecture.get()
                + text(json, "variant").map(v -> "/" + v).orElse(""));
    }

    /** The execution settings (the config's {@code config} object), as the UI shows them. */
    JsonObject execution() {
        JsonObject config = object(json, "config");
        JsonObject shown = new JsonObject();
        copyArray(config, "Entrypoint", shown, "entrypoint");
        copyArray(config, "Cmd", shown, "cmd");
        copyArray(config, "Env", shown, "env");
        text(config, "WorkingDir").ifPresent(v -> shown.put("workingDir", v));
        text(config, "User").ifPresent(v -> shown.put("user", v));
        JsonObject ports = object(config, "ExposedPorts");
        shown.put(
                "exposedPorts",
                new JsonArray(ports.fieldNames().stream().sorted().toList()));
        JsonObject labels = new JsonObject();
        object(config, "Labels").forEach(label -> labels.put(label.getKey(), String.valueOf(label.getValue())));
        shown.put("labels", labels);
        return shown;
    }

    /** The history entries as written: {@code created}, {@code created_by}, {@code empty_layer}, {@code comment}. */
    JsonArray history() {
        Object history = json.getValue("history");
        return history instanceof JsonArray array ? array : new JsonArray();
    }

    private static void copyArray(JsonObject from, String key, JsonObject to, String as) {
        Object value = from.getValue(key);
        if (value instanceof JsonArray array) {
            to.put(as, array);
        }
    }

    private static JsonObject object(JsonObject from, String key) {
        Object value = from.getValue(key);
        return value instanceof JsonObject object ? object : new JsonObject();
    }

    private static Optional<String> text(JsonObject from, String key) {
        Object value = from.getValue(key);
        return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }
}
