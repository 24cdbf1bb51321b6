package dev.berth.registry.config;

/**
 * Where blobs, manifests and tags are kept. One record per backend; s3 will join the filesystem
 * here, and the code that builds a driver switches over these types.
 */
public sealed interface StorageConfig permits FilesystemStorageConfig {

    /** For the startup log line, such as "filesystem /srv/registry". */
    String describe();
}
