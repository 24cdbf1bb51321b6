package dev.berth.registry.config;

import dev.berth.storage.s3.S3Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.berth.registry.config.Settings.AUTH_ACCESS;
import static dev.berth.registry.config.Settings.AUTH_ADMINS;
import static dev.berth.registry.config.Settings.AUTH_HTPASSWD;
import static dev.berth.registry.config.Settings.AUTH_MODE;
import static dev.berth.registry.config.Settings.AUTH_TOKEN_ISSUER;
import static dev.berth.registry.config.Settings.AUTH_TOKEN_KEY;
import static dev.berth.registry.config.Settings.AUTH_TOKEN_REALM;
import static dev.berth.registry.config.Settings.AUTH_TOKEN_SERVICE;
import static dev.berth.registry.config.Settings.AUTH_TOKEN_TRUST;
import static dev.berth.registry.config.Settings.AUTH_TOKEN_TTL;
import static dev.berth.registry.config.Settings.DELETE_ENABLED;
import static dev.berth.registry.config.Settings.HTTP_LISTEN;
import static dev.berth.registry.config.Settings.HTTP_SHUTDOWNTIMEOUT;
import static dev.berth.registry.config.Settings.LOG_ACCESSLOG;
import static dev.berth.registry.config.Settings.LOG_LEVEL;
import static dev.berth.registry.config.Settings.METRICS_ENABLED;
import static dev.berth.registry.config.Settings.METRICS_LISTEN;
import static dev.berth.registry.config.Settings.READONLY_ENABLED;
import static dev.berth.registry.config.Settings.STORAGE_FILESYSTEM_ROOTDIRECTORY;
import static dev.berth.registry.config.Settings.STORAGE_S3_BUCKET;
import static dev.berth.registry.config.Settings.STORAGE_S3_ENDPOINT;
import static dev.berth.registry.config.Settings.STORAGE_S3_PATHSTYLE;
import static dev.berth.registry.config.Settings.STORAGE_S3_PREFIX;
import static dev.berth.registry.config.Settings.STORAGE_S3_REDIRECT;
import static dev.berth.registry.config.Settings.STORAGE_S3_REGION;

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
        return resolve(layers, file.map(YamlConfigFile::webhooks).orElse(WebhooksConfig.none()));
    }

    /** Builds the configuration from layers, lowest precedence first. */
    static RegistryConfig resolve(List<ConfigLayer> layers, WebhooksConfig webhooks) {
        StorageConfig storage = storage(layers);
        return new RegistryConfig(
                new HttpConfig(value(HTTP_LISTEN, layers), value(HTTP_SHUTDOWNTIMEOUT, layers),
                        new HttpConfig.ClientLimits(value(Settings.HTTP_HEADERTIMEOUT, layers),
                                value(Settings.HTTP_MINBODYRATE, layers), value(Settings.HTTP_MAXCONNECTIONSPERCLIENT, layers))),
                storage,
                new DeleteConfig(value(DELETE_ENABLED, layers)),
                new LogConfig(value(LOG_LEVEL, layers), value(LOG_ACCESSLOG, layers)),
                TlsSection.resolve(layers, storage),
                new GcConfig(value(Settings.GC_INTERVAL, layers), value(Settings.GC_GRACEPERIOD, layers),
                        value(Settings.GC_DELETEUNTAGGED, layers)),
                new UploadsConfig(value(Settings.UPLOADS_PURGEAFTER, layers)),
                new ReadOnlyConfig(value(READONLY_ENABLED, layers)),
                new MetricsConfig(value(METRICS_ENABLED, layers), value(METRICS_LISTEN, layers)),
                auth(layers),
                webhooks);
    }

    private static AuthConfig auth(List<ConfigLayer> layers) {
        return new AuthConfig(value(AUTH_HTPASSWD, layers), value(AUTH_MODE, layers),
                new AuthConfig.TokenConfig(value(AUTH_TOKEN_ISSUER, layers), value(AUTH_TOKEN_SERVICE, layers),
                        value(AUTH_TOKEN_TTL, layers), value(AUTH_TOKEN_KEY, layers), value(AUTH_TOKEN_REALM, layers),
                        value(AUTH_TOKEN_TRUST, layers)),
                value(AUTH_ACCESS, layers), value(AUTH_ADMINS, layers));
    }

    private static StorageConfig storage(List<ConfigLayer> layers) {
        return switch (storageKind(layers)) {
            case FILESYSTEM -> new FilesystemStorageConfig(value(STORAGE_FILESYSTEM_ROOTDIRECTORY, layers));
            case S3 -> s3Storage(layers);
        };
    }

    /** The --storage flag decides; without it, the storage section that is filled in, the filesystem by default. */
    private static StorageKind storageKind(List<ConfigLayer> layers) {
        Optional<RawValue> flag = raw(StorageFlag.KIND, layers);
        if (flag.isPresent()) {
            return StorageFlag.KIND.parse(flag.get());
        }
        Optional<RawValue> bucket = raw(STORAGE_S3_BUCKET, layers);
        Optional<RawValue> directory = raw(STORAGE_FILESYSTEM_ROOTDIRECTORY, layers);
        if (bucket.isPresent() && directory.isPresent()) {
            throw new ConfigException("both " + STORAGE_FILESYSTEM_ROOTDIRECTORY.path() + " (from " + directory.get().source()
                    + ") and " + STORAGE_S3_BUCKET.path() + " (from " + bucket.get().source()
                    + ") are set: keep one, or choose with " + StorageFlag.NAME + " fs:DIR or " + StorageFlag.NAME + " s3");
        }
        return bucket.isPresent() ? StorageKind.S3 : StorageKind.FILESYSTEM;
    }

    private static S3StorageConfig s3Storage(List<ConfigLayer> layers) {
        String bucket = value(STORAGE_S3_BUCKET, layers);
        if (bucket.isEmpty()) {
            throw new ConfigException("S3 storage needs a bucket: set " + STORAGE_S3_BUCKET.path()
                    + " in the config file or " + STORAGE_S3_BUCKET.environmentVariable());
        }
        S3Settings location = new S3Settings(bucket, value(STORAGE_S3_REGION, layers), value(STORAGE_S3_ENDPOINT, layers),
                value(STORAGE_S3_PATHSTYLE, layers), value(STORAGE_S3_PREFIX, layers));
        return new S3StorageConfig(location, value(STORAGE_S3_REDIRECT, layers));
    }

    static <T> T value(Setting<T> setting, List<ConfigLayer> layers) {
        return raw(setting, layers).map(setting::parse).orElseGet(setting::defaultValue);
    }

    /** The setting's text from the highest layer that has it. */
    static Optional<RawValue> raw(Setting<?> setting, List<ConfigLayer> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<RawValue> raw = layers.get(i).get(setting);
            if (raw.isPresent()) {
                return raw;
            }
        }
        return Optional.empty();
    }
}
