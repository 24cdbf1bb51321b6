package dev.berth.registry.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the configuration from its sources. Precedence, lowest first: built-in defaults, the
 * config file, BERTH_* environment variables, command-line flags.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /**
     * @param file        the YAML config file, if one was named
     * @param environment the process environment (System.getenv(), or a map in tests)
     * @param flags       the settings given on the command line
     * @throws ConfigException naming the first unknown key or bad value and where it came from
     */
    public static RegistryConfig load(Optional<Path> file, Map<String, String> environment, ConfigLayer flags) {
        List<ConfigLayer> layers = new ArrayList<>();
        file.map(YamlConfigFile::read).ifPresent(layers::add);
        layers.add(ConfigLayer.fromEnvironment(environment));
        layers.add(flags);
        return resolve(layers);
    }

    /** Builds the configuration from layers, lowest precedence first. */
    static RegistryConfig resolve(List<ConfigLayer> layers) {
        ConfigSections sections = ConfigTree.bind(layers);
        StorageConfig storage = StorageSelection.resolve(sections.storage(), layers);
        return new RegistryConfig(
                sections.http(),
                storage,
                sections.delete(),
                sections.log(),
                sections.tls().resolve(storage),
                sections.gc(),
                sections.uploads(),
                sections.readOnly(),
                sections.metrics(),
                sections.auth(),
                sections.webhooks().resolve(),
                sections.proxy().resolve(),
                sections.ui());
    }

    /** The setting's value from the highest layer that has it. */
    static Optional<RawValue> raw(Setting setting, List<ConfigLayer> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<RawValue> raw = layers.get(i).get(setting);
            if (raw.isPresent()) {
                return raw;
            }
        }
        return Optional.empty();
    }
}
