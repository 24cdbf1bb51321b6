package dev.berth.registry.config;

import java.nio.file.Path;

/**
 * Storage in a local directory, laid out as registry:2 lays out its own. A relative directory is
 * resolved against the working directory once, here, so that logs and the driver agree on it.
 */
public record FilesystemStorageConfig(Path rootDirectory) implements StorageConfig {

    public FilesystemStorageConfig {
        rootDirectory = rootDirectory.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "filesystem " + rootDirectory;
    }
}
