package dev.berth.registry.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one source (config file, environment, flags) gives, as text with their source.
 * Layers stack: {@link ConfigLoader} takes each setting from the highest layer that has it.
 */
public final class ConfigLayer {
    private final Map<Setting<?>, RawValue> values;

    private ConfigLayer(Map<Setting<?>, RawValue> values) {
        this.values = values;
    }

    public static ConfigLayer empty() {
        return new ConfigLayer(Map.of());
    }

    /** Every setting whose environment variable ({@link Setting#environmentVariable()}) is set. */
    public static ConfigLayer fromEnvironment(Map<String, String> environment) {
        ConfigLayer layer = empty();
        for (Setting<?> setting : Settings.ALL) {
            String variable = setting.environmentVariable();
            String text = environment.get(variable);
            if (text != null) {
                layer = layer.with(setting, text, ValueSource.environment(variable));
            }
        }
        return layer;
    }

    /** This layer plus one value; a later value for the same setting replaces the earlier one. */
    public ConfigLayer with(Setting<?> setting, String text, ValueSource source) {
        Map<Setting<?>, RawValue> copy = new HashMap<>(values);
        copy.put(setting, new RawValue(text, source));
        return new ConfigLayer(Map.copyOf(copy));
    }

    Optional<RawValue> get(Setting<?> setting) {
        return Optional.ofNullable(values.get(setting));
    }
}
