package dev.berth.registry.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.berth.registry.config.Settings.DELETE_ENABLED;
import static dev.berth.registry.config.Settings.HTTP_LISTEN;
import static dev.berth.registry.config.Settings.LOG_ACCESSLOG;
import static dev.berth.registry.config.Settings.LOG_LEVEL;
import static dev.berth.registry.config.Settings.STORAGE_FILESYSTEM_ROOTDIRECTORY;

/**
 * Resolves the configuration from its sources. Precedence, lowest first: built-in defaults, the
 * config file, BERTH_* environment variables, command-line flags.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

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
        return new RegistryConfig(
                new HttpConfig(value(HTTP_LISTEN, layers)),
                new FilesystemStorageConfig(value(STORAGE_FILESYSTEM_ROOTDIRECTORY, layers)),
                new DeleteConfig(value(DELETE_ENABLED, layers)),
                new LogConfig(value(LOG_LEVEL, layers), value(LOG_ACCESSLOG, layers)));
    }

    private static <T> T value(Setting<T> setting, List<ConfigLayer> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<RawValue> raw = layers.get(i).get(setting);
            if (raw.isPresent()) {
                return setting.parse(raw.get());
            }
        }
        return setting.defaultValue();
    }
}
