package dev.berth.registry;

import dev.berth.registry.config.FilesystemStorageConfig;
import dev.berth.registry.config.StorageConfig;
import dev.berth.storage.StorageDriver;
import dev.berth.storage.fs.FsStorageDriver;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the storage driver a configuration asks for. */
final class StorageDrivers {
    private StorageDrivers() {
    }

    static StorageDriver open(Vertx vertx, StorageConfig config) throws LaunchException {
        if (config instanceof FilesystemStorageConfig filesystem) {
            Path root = filesystem.rootDirectory();
            createDirectory(root);
            return new FsStorageDriver(vertx, root);
        }
        throw new IllegalArgumentException("no storage driver for " + config.describe());
    }

    // Blocking is fine here: this runs on the launching thread, before any event loop has work.
    private static void createDirectory(Path root) throws LaunchException {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new LaunchException("cannot create the storage directory " + root + ": " + e, e);
        }
    }
}
