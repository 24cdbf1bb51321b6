package dev.berth.registry.config;

import dev.berth.registry.auth.AccessRule;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every setting berth-registry knows, with its default. The one list that files, environment and docs follow. */
public final class Settings {
    public static final Setting<ListenAddress> HTTP_LISTEN =
            new Setting<>("http.listen", new ListenAddress("0.0.0.0", 5000), ListenAddress::parse);
    public static final Setting<Path> STORAGE_FILESYSTEM_ROOTDIRECTORY =
            new Setting<>("storage.filesystem.rootdirectory", Path.of("data"), ValueParser.path());
    public static final Setting<String> STORAGE_S3_BUCKET =
            new Setting<>("storage.s3.bucket", "", ValueParser.text());
    public static final Setting<String> STORAGE_S3_REGION =
            new Setting<>("storage.s3.region", "us-east-1", ValueParser.nonBlank());
    public static final Setting<Optional<URI>> STORAGE_S3_ENDPOINT =
            new Setting<>("storage.s3.endpoint", Optional.empty(), ValueParser.httpUrl());
    public static final Setting<Boolean> STORAGE_S3_PATHSTYLE =
            new Setting<>("storage.s3.pathStyle", false, ValueParser.bool());
    public static final Setting<String> STORAGE_S3_PREFIX =
            new Setting<>("storage.s3.prefix", "", ValueParser.text());
    public static final Setting<Boolean> STORAGE_S3_REDIRECT =
            new Setting<>("storage.s3.redirect", false, ValueParser.bool());
    public static final Setting<Boolean> DELETE_ENABLED =
            new Setting<>("delete.enabled", true, ValueParser.bool());
    public static final Setting<LogLevel> LOG_LEVEL =
            new Setting<>("log.level", LogLevel.INFO, LogLevel::parse);
    public static final Setting<Boolean> LOG_ACCESSLOG =
            new Setting<>("log.accesslog", true, ValueParser.bool());
    public static final Setting<Optional<Path>> TLS_CERT =
            new Setting<>("tls.cert", Optional.empty(), ValueParser.optionalPath());
    public static final Setting<Optional<Path>> TLS_KEY =
            new Setting<>("tls.key", Optional.empty(), ValueParser.optionalPath());
    public static final Setting<Boolean> TLS_SELFSIGNED =
            new Setting<>("tls.selfSigned", false, ValueParser.bool());
    public static final Setting<HostNames> TLS_HOSTS =
            new Setting<>("tls.hosts", HostNames.NONE, HostNames::parse);
    public static final Setting<Optional<Path>> TLS_DIRECTORY =
            new Setting<>("tls.directory", Optional.empty(), ValueParser.optionalPath());
    public static final Setting<Duration> GC_INTERVAL =
            new Setting<>("gc.interval", Duration.ZERO, ValueParser.duration());
    public static final Setting<Duration> GC_GRACEPERIOD =
            new Setting<>("gc.gracePeriod", Duration.ofHours(1), ValueParser.duration());
    public static final Setting<Boolean> GC_DELETEUNTAGGED =
            new Setting<>("gc.deleteUntagged", false, ValueParser.bool());
    public static final Setting<Duration> UPLOADS_PURGEAFTER =
            new Setting<>("uploads.purgeAfter", Duration.ofDays(7), ValueParser.duration());

    public static final Setting<Duration> HTTP_SHUTDOWNTIMEOUT =
            new Setting<>("http.shutdownTimeout", Duration.ofSeconds(5), ValueParser.duration());
    public static final Setting<Duration> HTTP_HEADERTIMEOUT =
            new Setting<>("http.headerTimeout", Duration.ofSeconds(10), ValueParser.duration());
    public static final Setting<Integer> HTTP_MINBODYRATE =
            new Setting<>("http.minBodyRate", 1024, ValueParser.count());
    public static final Setting<Integer> HTTP_MAXCONNECTIONSPERCLIENT =
            new Setting<>("http.maxConnectionsPerClient", 256, ValueParser.count());
    public static final Setting<Boolean> READONLY_ENABLED =
            new Setting<>("readOnly.enabled", false, ValueParser.bool());
    public static final Setting<Boolean> METRICS_ENABLED =
            new Setting<>("metrics.enabled", true, ValueParser.bool());
    public static final Setting<Optional<ListenAddress>> METRICS_LISTEN =
            new Setting<>("metrics.listen", Optional.empty(), ValueParser.optional(ListenAddress::parse));

    public static final Setting<Optional<Path>> AUTH_HTPASSWD =
            new Setting<>("auth.htpasswd", Optional.empty(), ValueParser.optionalPath());
    public static final Setting<AuthConfig.AuthMode> AUTH_MODE =
            new Setting<>("auth.mode", AuthConfig.AuthMode.TOKEN, ValueParser.oneOf(AuthConfig.AuthMode.class));
    public static final Setting<String> AUTH_TOKEN_ISSUER =
            new Setting<>("auth.token.issuer", "berth", ValueParser.nonBlank());
    public static final Setting<String> AUTH_TOKEN_SERVICE =
            new Setting<>("auth.token.service", "berth-registry", ValueParser.nonBlank());
    public static final Setting<Duration> AUTH_TOKEN_TTL =
            new Setting<>("auth.token.ttl", Duration.ofMinutes(5), ValueParser.positiveDuration());
    public static final Setting<Optional<Path>> AUTH_TOKEN_KEY =
            new Setting<>("auth.token.key", Optional.empty(), ValueParser.optionalPath());
    public static final Setting<Optional<URI>> AUTH_TOKEN_REALM =
            new Setting<>("auth.token.realm", Optional.empty(), ValueParser.httpUrl());
    public static final Setting<Optional<Path>> AUTH_TOKEN_TRUST =
            new Setting<>("auth.token.trust", Optional.empty(), ValueParser.optionalPath());
    public static final Setting<List<AccessRule>> AUTH_ACCESS =
            new Setting<>("auth.access", List.of(), AccessRules::parse);
    public static final Setting<Set<String>> AUTH_ADMINS =
            new Setting<>("auth.admins", Set.of(), ValueParser.names());

    public static final List<Setting<?>> ALL =
            List.of(HTTP_LISTEN, STORAGE_FILESYSTEM_ROOTDIRECTORY,
                    STORAGE_S3_BUCKET, STORAGE_S3_REGION, STORAGE_S3_ENDPOINT, STORAGE_S3_PATHSTYLE,
                    STORAGE_S3_PREFIX, STORAGE_S3_REDIRECT,
                    DELETE_ENABLED, LOG_LEVEL, LOG_ACCESSLOG,
                    TLS_CERT, TLS_KEY, TLS_SELFSIGNED, TLS_HOSTS, TLS_DIRECTORY,
                    GC_INTERVAL, GC_GRACEPERIOD, GC_DELETEUNTAGGED, UPLOADS_PURGEAFTER,
                    HTTP_SHUTDOWNTIMEOUT, HTTP_HEADERTIMEOUT, HTTP_MINBODYRATE, HTTP_MAXCONNECTIONSPERCLIENT,
                    READONLY_ENABLED, METRICS_ENABLED, METRICS_LISTEN,
                    AUTH_HTPASSWD, AUTH_MODE, AUTH_TOKEN_ISSUER, AUTH_TOKEN_SERVICE, AUTH_TOKEN_TTL, AUTH_TOKEN_KEY,
                    AUTH_TOKEN_REALM, AUTH_TOKEN_TRUST, AUTH_ACCESS, AUTH_ADMINS);

    /** Settings whose value may be written as a YAML list of words, joined with commas. */
    private static final List<Setting<?>> LISTS = List.of(TLS_HOSTS);
    /**
     * Settings whose value is YAML structure in the config file (a list of rules, a list of names):
     * it reaches their parser as JSON text.
     */
    static final Set<Setting<?>> STRUCTURED = Set.of(AUTH_ACCESS, AUTH_ADMINS);

    private Settings() {
    }

    static Optional<Setting<?>> byPath(String path) {
        return ALL.stream().filter(setting -> setting.path().equals(path)).findFirst();
    }

    static boolean takesList(Setting<?> setting) {
        return LISTS.contains(setting);
    }

    /** Whether {@code path} names a group of settings (http, storage.filesystem), not a setting. */
    static boolean isSection(String path) {
        return ALL.stream().anyMatch(setting -> setting.path().startsWith(path + "."));
    }
}
