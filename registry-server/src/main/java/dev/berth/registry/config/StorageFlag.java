package dev.berth.registry.config;

/**
 * The --storage flag: the backend, and for the filesystem its directory, in one word: fs:DIR or
 * s3 (the bucket and the rest come from the storage.s3 settings). Anything else is refused by
 * name rather than guessed at.
 */
public final class StorageFlag {
    public static final String NAME = "--storage";
    private static final String FILESYSTEM_PREFIX = "fs:";
    private static final String S3 = "s3";
    /**
     * The backend the flag chose. Not a setting of its own in files or the environment: there the
     * section that is filled in (storage.filesystem or storage.s3) says which backend is meant.
     */
    static final Setting KIND = new Setting("storage", StorageKind.FILESYSTEM.name(), false);

    private StorageFlag() {}

    /** {@code flags} plus the settings {@code spec} stands for. */
    public static ConfigLayer apply(String spec, ConfigLayer flags) {
        ValueSource source = ValueSource.flag(NAME);
        if (spec.startsWith(FILESYSTEM_PREFIX)) {
            return flags.with(KIND, StorageKind.FILESYSTEM.name(), source)
                    .with(
                            Settings.STORAGE_FILESYSTEM_ROOTDIRECTORY,
                            spec.substring(FILESYSTEM_PREFIX.length()),
                            source);
        }
        if (spec.equals(S3)) {
            return flags.with(KIND, StorageKind.S3.name(), source);
        }
        throw new ConfigException("unsupported storage '" + spec + "' from flag " + NAME
                + ": expected fs:DIR (a directory on the local filesystem) or s3 (the bucket in storage.s3)");
    }
}
