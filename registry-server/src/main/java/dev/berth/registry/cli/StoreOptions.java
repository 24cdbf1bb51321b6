package dev.berth.registry.cli;

import dev.berth.registry.config.ConfigLayer;
import dev.berth.registry.config.ConfigLoader;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.StorageFlag;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say which store and configuration a command works on: serve, gc. */
final class StoreOptions {
    @Option(
            names = StorageFlag.NAME,
            paramLabel = "fs:DIR|s3",
            description = "Where to keep images: fs:DIR for directory DIR, s3 for the bucket the storage.s3"
                    + " settings name. Default: fs:data")
    String storage;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file.")
    Path configFile;

    /** The configuration these options, the named file, {@code environment} and the command's own {@code flags} resolve to. */
    RegistryConfig config(Map<String, String> environment, ConfigLayer flags) {
        return ConfigLoader.load(
                Optional.ofNullable(configFile),
                environment,
                storage == null ? flags : StorageFlag.apply(storage, flags));
    }
}
