package dev.berth.registry.config;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Environment variables")
class EnvironmentMappingTest {

    @Test
    @DisplayName("Each setting's variable is BERTH_ plus its path upper-cased with dots made underscores")
    void variableNames() {
        assertThat(Settings.ALL).extracting(Setting::environmentVariable).containsExactly(
                "BERTH_HTTP_LISTEN",
                "BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY",
                "BERTH_STORAGE_S3_BUCKET",
                "BERTH_STORAGE_S3_REGION",
                "BERTH_STORAGE_S3_ENDPOINT",
                "BERTH_STORAGE_S3_PATHSTYLE",
                "BERTH_STORAGE_S3_PREFIX",
                "BERTH_STORAGE_S3_REDIRECT",
                "BERTH_DELETE_ENABLED",
                "BERTH_LOG_LEVEL",
                "BERTH_LOG_ACCESSLOG",
                "BERTH_TLS_CERT",
                "BERTH_TLS_KEY",
                "BERTH_TLS_SELFSIGNED",
                "BERTH_TLS_HOSTS",
                "BERTH_TLS_DIRECTORY",
                "BERTH_GC_INTERVAL",
                "BERTH_GC_GRACEPERIOD",
                "BERTH_GC_DELETEUNTAGGED",
                "BERTH_UPLOADS_PURGEAFTER",
                "BERTH_HTTP_SHUTDOWNTIMEOUT",
                "BERTH_HTTP_HEADERTIMEOUT",
                "BERTH_HTTP_MINBODYRATE",
                "BERTH_HTTP_MAXCONNECTIONSPERCLIENT",
                "BERTH_READONLY_ENABLED",
                "BERTH_METRICS_ENABLED",
                "BERTH_METRICS_LISTEN",
                "BERTH_AUTH_HTPASSWD",
                "BERTH_AUTH_MODE",
                "BERTH_AUTH_TOKEN_ISSUER",
                "BERTH_AUTH_TOKEN_SERVICE",
                "BERTH_AUTH_TOKEN_TTL",
                "BERTH_AUTH_TOKEN_KEY",
                "BERTH_AUTH_TOKEN_REALM",
                "BERTH_AUTH_TOKEN_TRUST",
                "BERTH_AUTH_ACCESS",
                "BERTH_AUTH_ADMINS");
    }

    @Test
    @DisplayName("Every setting can be set through its environment variable")
    void everySettingFromEnvironment() {
        Map<String, String> environment = Map.of(
                "BERTH_HTTP_LISTEN", "127.0.0.1:8080",
                "BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY", "/srv/registry",
                "BERTH_DELETE_ENABLED", "false",
                "BERTH_LOG_LEVEL", "DEBUG",
                "BERTH_LOG_ACCESSLOG", "False");

        RegistryConfig config = ConfigLoader.load(Optional.empty(), environment, ConfigLayer.empty());

        assertThat(config).isEqualTo(new RegistryConfig(
                new HttpConfig(new ListenAddress("127.0.0.1", 8080), Duration.ofSeconds(5)),
                new FilesystemStorageConfig(Path.of("/srv/registry")),
                new DeleteConfig(false),
                new LogConfig(LogLevel.DEBUG, false),
                new TlsConfig.Off(),
                RegistryConfig.defaults().gc(),
                RegistryConfig.defaults().uploads(),
                new ReadOnlyConfig(false),
                new MetricsConfig(true, Optional.empty()),
                RegistryConfig.defaults().auth(), WebhooksConfig.none()));
    }

    @Test
    @DisplayName("Other variables, BERTH_ ones included, are left alone")
    void otherVariablesIgnored() {
        Map<String, String> environment = Map.of(
                "BERTH_JAVA_OPTS", "-Xmx1g",
                "HTTP_LISTEN", "127.0.0.1:1",
                "berth_delete_enabled", "false");

        RegistryConfig config = ConfigLoader.load(Optional.empty(), environment, ConfigLayer.empty());

        assertThat(config).isEqualTo(RegistryConfig.defaults());
    }
}
