package dev.berth.registry.config;

/** The storage backends, as the --storage flag chooses between them. */
enum StorageKind {
    FILESYSTEM,
    S3
}
