package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Environment variables")
class EnvironmentMappingTest {

    @Test
    @DisplayName("Each setting's variable is BERTH_ plus its path upper-cased with dots made underscores")
    void variableNames() {
        assertThat(Settings.ALL)
                .extracting(Setting::environmentVariable)
                .containsExactly(
                        "BERTH_HTTP_LISTEN",
                        "BERTH_HTTP_SHUTDOWNTIMEOUT",
                        "BERTH_HTTP_HEADERTIMEOUT",
                        "BERTH_HTTP_MINBODYRATE",
                        "BERTH_HTTP_MAXCONNECTIONSPERCLIENT",
                        "BERTH_HTTP_EVENTLOOPS",
                        "BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY",
                        "BERTH_STORAGE_S3_BUCKET",
                        "BERTH_STORAGE_S3_REGION",
                        "BERTH_STORAGE_S3_ENDPOINT",
                        "BERTH_STORAGE_S3_PATHSTYLE",
                        "BERTH_STORAGE_S3_PREFIX",
                        "BERTH_STORAGE_S3_REDIRECT",
                        "BERTH_STORAGE_S3_UPLOADMEMORY",
                        "BERTH_STORAGE_S3_WARMUP",
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
                        "BERTH_UPLOADS_PURGEINTERVAL",
                        "BERTH_UPLOADS_MAXOPENPERREPOSITORY",
                        "BERTH_UPLOADS_AUTOMATICCROSSMOUNT",
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
                        "BERTH_AUTH_ADMINS",
                        "BERTH_WEBHOOKS_ENDPOINTS",
                        "BERTH_PROXY_UPSTREAMS",
                        "BERTH_UI_ENABLED");
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

        RegistryConfig defaults = RegistryConfig.defaults();
        assertThat(config)
                .isEqualTo(defaults.withHttp(defaults.http().withListen(new ListenAddress("127.0.0.1", 8080)))
                        .withStorage(new FilesystemStorageConfig(Path.of("/srv/registry")))
                        .withDelete(new DeleteConfig(false))
                        .withLog(new LogConfig(LogLevel.DEBUG, false)));
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

    @Test
    @DisplayName("A list setting takes JSON from its variable: webhook endpoints with their keys, names as a JSON list")
    void listsFromEnvironment() {
        RegistryConfig config = ConfigLoader.load(
                Optional.empty(),
                Map.of(
                        "BERTH_WEBHOOKS_ENDPOINTS",
                                "[{\"url\": \"https://hooks.example/registry\", \"events\": [\"push\"], \"timeout\": \"2s\"}]",
                        "BERTH_AUTH_ADMINS", "[\"alice\", \"bob\"]"),
                ConfigLayer.empty());

        assertThat(config.webhooks().endpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.url()).hasToString("https://hooks.example/registry");
            assertThat(endpoint.actions()).containsExactly("push");
            assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(2));
        });
        assertThat(config.auth().admins()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    @DisplayName("A list that is not JSON, or an entry with a bad value, is named with its variable")
    void badListsFromEnvironment() {
        assertThatThrownBy(() -> ConfigLoader.load(
                        Optional.empty(), Map.of("BERTH_WEBHOOKS_ENDPOINTS", "[{url"), ConfigLayer.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "invalid webhooks.endpoints '[{url' from environment variable BERTH_WEBHOOKS_ENDPOINTS: expected a JSON list");
        assertThatThrownBy(() -> ConfigLoader.load(
                        Optional.empty(),
                        Map.of("BERTH_WEBHOOKS_ENDPOINTS", "[{\"url\": \"ftp://x\"}]"),
                        ConfigLayer.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid webhooks.endpoints")
                .hasMessageContaining("from environment variable BERTH_WEBHOOKS_ENDPOINTS")
                .hasMessageContaining("webhooks.endpoints[0].url")
                .hasMessageEndingWith("expected an http:// or https:// URL with a host");
    }
}
