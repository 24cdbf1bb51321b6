package dev.berth.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one source (config file, environment, flags) gives, with their source. Layers
 * stack: {@link ConfigLoader} takes each setting from the highest layer that has it.
 */
public final class ConfigLayer {
    private final Map<String, RawValue> values;

    private ConfigLayer(Map<String, RawValue> values) {
        this.values = values;
    }

    public static ConfigLayer empty() {
        return new ConfigLayer(Map.of());
    }

    /** Every setting whose environment variable ({@link Setting#environmentVariable()}) is set. */
    public static ConfigLayer fromEnvironment(Map<String, String> environment) {
        ConfigLayer layer = empty();
        for (Setting setting : Settings.ALL) {
            String variable = setting.environmentVariable();
            String text = environment.get(variable);
            if (text != null) {
                layer = layer.with(setting, text, ValueSource.environment(variable));
            }
        }
        return layer;
    }

    /** This layer plus one value as text; a later value for the same setting replaces the earlier one. */
    public ConfigLayer with(Setting setting, String text, ValueSource source) {
        return with(setting, TextNode.valueOf(text), source);
    }

    ConfigLayer with(Setting setting, JsonNode value, ValueSource source) {
        Map<String, RawValue> copy = new HashMap<>(values);
        copy.put(setting.path(), new RawValue(value, source));
        return new ConfigLayer(Map.copyOf(copy));
    }

    Optional<RawValue> get(Setting setting) {
        return Optional.ofNullable(values.get(setting.path()));
    }
}
