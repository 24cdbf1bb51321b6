package dev.berth.registry.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting at its path in one tree, each from the highest layer that has it or its default,
 * bound to {@link ConfigSections} by Jackson. A list given as text (an environment variable, a
 * flag) becomes a list here: JSON when it starts with '[', else comma-separated words. When a
 * value does not bind, the message names the setting, its value and where it came from.
 */
final class ConfigTree {
    private final ObjectNode root = ConfigValues.MAPPER.createObjectNode();
    private final Map<String, RawValue> given = new HashMap<>();

    private ConfigTree() {}

    static ConfigSections bind(List<ConfigLayer> layers) {
        ConfigTree tree = new ConfigTree();
        for (Setting setting : Settings.ALL) {
            Optional<RawValue> raw = ConfigLoader.raw(setting, layers);
            raw.ifPresent(value -> tree.given.put(setting.path(), value));
            JsonNode value = raw.map(RawValue::node).orElseGet(() -> TextNode.valueOf(setting.defaultText()));
            tree.put(setting.path(), setting.list() ? tree.asList(setting, value) : value);
        }
        try {
            return ConfigValues.MAPPER.treeToValue(tree.root, ConfigSections.class);
        } catch (JsonMappingException e) {
            throw tree.explain(e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("the configuration cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private void put(String path, JsonNode value) {
        String[] keys = path.split("\\.");
        ObjectNode section = root;
        for (String key : Arrays.asList(keys).subList(0, keys.length - 1)) {
            section = section.has(key) ? (ObjectNode) section.get(key) : section.putObject(key);
        }
        section.set(keys[keys.length - 1], value);
    }

    private JsonNode asList(Setting setting, JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        String text = value.asText().trim();
        if (text.startsWith("[")) {
            try {
                return ConfigValues.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw invalid(setting.path(), "expected a JSON list: " + e.getOriginalMessage());
            }
        }
        ArrayNode list = ConfigValues.MAPPER.createArrayNode();
        Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(word -> !word.isEmpty())
                .forEach(list::add);
        return list;
    }

    private ConfigException explain(JsonMappingException e) {
        StringBuilder location = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                location.append(location.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                location.append('[').append(reference.getIndex()).append(']');
            }
        }
        String where = location.toString();
        String setting = Settings.ALL.stream()
                .map(Setting::path)
                .filter(path -> where.equals(path) || where.startsWith(path + ".") || where.startsWith(path + "["))
                .max(Comparator.comparingInt(String::length))
                .orElse(where);
        String reason = setting.equals(where) ? e.getOriginalMessage() : where + ": " + e.getOriginalMessage();
        ConfigException explained = invalid(setting, reason);
        explained.initCause(e);
        return explained;
    }

    private ConfigException invalid(String setting, String reason) {
        RawValue raw = given.get(setting);
        String value = raw == null ? "" : " '" + raw.text() + "' from " + raw.source();
        return new ConfigException("invalid " + setting + value + ": " + reason);
    }
}
