package dev.berth.registry.config;

/**
 * Where blobs, manifests and tags are kept. One record per backend; the code that builds a driver
 * switches over these types.
 */
public sealed interface StorageConfig permits FilesystemStorageConfig, S3StorageConfig {

    /** For the startup log line, such as "filesystem /srv/registry". */
    String describe();
}
