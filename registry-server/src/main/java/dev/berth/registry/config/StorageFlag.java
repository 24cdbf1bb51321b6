package dev.berth.registry.config;

/**
 * The --storage flag: the backend and its location in one word, such as fs:/srv/registry. Only the
 * filesystem exists so far; anything else is refused by name rather than guessed at.
 */
public final class StorageFlag {
    public static final String NAME = "--storage";
    private static final String FILESYSTEM_PREFIX = "fs:";

    private StorageFlag() {
    }

    /** {@code flags} plus the settings {@code spec} stands for. */
    public static ConfigLayer apply(String spec, ConfigLayer flags) {
        if (spec.startsWith(FILESYSTEM_PREFIX)) {
            return flags.with(Settings.STORAGE_FILESYSTEM_ROOTDIRECTORY,
                    spec.substring(FILESYSTEM_PREFIX.length()), ValueSource.flag(NAME));
        }
        throw new ConfigException("unsupported storage '" + spec + "' from flag " + NAME
                + ": expected fs:DIR (a directory on the local filesystem)");
    }
}
