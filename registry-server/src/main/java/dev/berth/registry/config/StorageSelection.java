package dev.berth.registry.config;

import dev.berth.storage.s3.S3Settings;
import dev.berth.storage.s3.S3StorageDriver;
import java.util.List;
import java.util.Optional;

/**
 * Picks the storage backend meant: the --storage flag decides; without it, the storage section
 * that is filled in, the filesystem by default. Both filled in is a mistake, named as such.
 */
final class StorageSelection {
    private StorageSelection() {}

    static StorageConfig resolve(StorageSection storage, List<ConfigLayer> layers) {
        return switch (kind(layers)) {
            case FILESYSTEM -> new FilesystemStorageConfig(storage.filesystem().rootdirectory());
            case S3 -> s3(storage.s3());
        };
    }

    private static StorageKind kind(List<ConfigLayer> layers) {
        Optional<RawValue> flag = ConfigLoader.raw(StorageFlag.KIND, layers);
        if (flag.isPresent()) {
            return StorageKind.valueOf(flag.get().text());
        }
        Optional<RawValue> bucket = ConfigLoader.raw(Settings.STORAGE_S3_BUCKET, layers);
        Optional<RawValue> directory = ConfigLoader.raw(Settings.STORAGE_FILESYSTEM_ROOTDIRECTORY, layers);
        if (bucket.isPresent() && directory.isPresent()) {
            throw new ConfigException("both " + Settings.STORAGE_FILESYSTEM_ROOTDIRECTORY.path() + " (from "
                    + directory.get().source()
                    + ") and " + Settings.STORAGE_S3_BUCKET.path() + " (from "
                    + bucket.get().source()
                    + ") are set: keep one, or choose with " + StorageFlag.NAME + " fs:DIR or " + StorageFlag.NAME
                    + " s3");
        }
        return bucket.isPresent() ? StorageKind.S3 : StorageKind.FILESYSTEM;
    }

    private static S3StorageConfig s3(StorageSection.S3 s3) {
        if (s3.bucket().isEmpty()) {
            throw new ConfigException("S3 storage needs a bucket: set " + Settings.STORAGE_S3_BUCKET.path()
                    + " in the config file or " + Settings.STORAGE_S3_BUCKET.environmentVariable());
        }
        if (s3.uploadMemory() < S3StorageDriver.PART_SIZE) {
            throw new ConfigException(Settings.STORAGE_S3_UPLOADMEMORY.path() + " must hold at least one part of "
                    + (S3StorageDriver.PART_SIZE >> 20) + " MiB (5MiB or more), not " + s3.uploadMemory() + " bytes");
        }
        return new S3StorageConfig(
                new S3Settings(s3.bucket(), s3.region(), s3.endpoint(), s3.pathStyle(), s3.prefix()),
                s3.redirect(),
                s3.uploadMemory(),
                s3.warmUp());
    }
}
