package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Configuration errors name the setting and where its value came from")
class ConfigErrorsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("A port out of range from the environment names http.listen and the variable")
    void portOutOfRangeFromEnvironment() {
        assertThatThrownBy(() -> load(Map.of("BERTH_HTTP_LISTEN", "0.0.0.0:65536")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid http.listen '0.0.0.0:65536' from environment variable BERTH_HTTP_LISTEN:"
                        + " port 65536 is out of range 0-65535");
    }

    @Test
    @DisplayName("More event loops than 1024 are refused, naming http.eventLoops; 0 means one per processor")
    void eventLoops() {
        assertThatThrownBy(() -> load(Map.of("BERTH_HTTP_EVENTLOOPS", "5000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid http.eventLoops '5000' from environment variable BERTH_HTTP_EVENTLOOPS:"
                        + " expected a whole number from 0 to 1024");
        assertThat(load(Map.of("BERTH_HTTP_EVENTLOOPS", "3")).http().eventLoopCount())
                .isEqualTo(3);
        assertThat(load(Map.of()).http().eventLoopCount())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    @DisplayName("A non-boolean in the config file names the setting and the file")
    void nonBooleanFromFile() throws IOException {
        Path file = Files.writeString(dir.resolve("berth.yml"), "log:\n  accesslog: yes please\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), ConfigLayer.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid log.accesslog 'yes please' from config file " + file + ": expected true or false");
    }

    @Test
    @DisplayName("A bad listen address from a flag names the flag")
    void badListenFromFlag() {
        ConfigLayer flags = ConfigLayer.empty().with(Settings.HTTP_LISTEN, "localhost", ValueSource.flag("--listen"));

        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), flags))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid http.listen 'localhost' from flag --listen")
                .hasMessageContaining("HOST:PORT");
    }

    @Test
    @DisplayName("An unknown log level lists the levels there are")
    void unknownLogLevel() {
        assertThatThrownBy(() -> load(Map.of("BERTH_LOG_LEVEL", "verbose")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("BERTH_LOG_LEVEL")
                .hasMessageEndingWith("expected one of error, warn, info, debug, trace");
    }

    @Test
    @DisplayName("A token lifetime of zero is refused, naming auth.token.ttl and where it came from")
    void zeroTokenLifetime() throws IOException {
        Path file = Files.writeString(dir.resolve("berth.yml"), "auth:\n  token:\n    ttl: 0\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), ConfigLayer.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid auth.token.ttl '0' from config file " + file
                        + ": must be longer than zero, such as 90s, 5m or 1h");
        assertThatThrownBy(() -> load(Map.of("BERTH_AUTH_TOKEN_TTL", "0s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid auth.token.ttl '0s' from environment variable BERTH_AUTH_TOKEN_TTL")
                .hasMessageEndingWith("must be longer than zero, such as 90s, 5m or 1h");
        assertThatThrownBy(() -> load(Map.of("BERTH_AUTH_TOKEN_TTL", "-5m")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.token.ttl");
    }

    @Test
    @DisplayName("Upload sessions purged after no time at all are refused: the open-session cap would count none")
    void zeroPurgeAfter() {
        assertThatThrownBy(() -> load(Map.of("BERTH_UPLOADS_PURGEAFTER", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "invalid uploads.purgeAfter '0' from environment variable BERTH_UPLOADS_PURGEAFTER")
                .hasMessageEndingWith("must be longer than zero, such as 90s, 5m or 1h");
        assertThat(load(Map.of("BERTH_UPLOADS_PURGEAFTER", "2h")).uploads().purgeAfter())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    @DisplayName("A token lifetime such as 90s is taken")
    void tokenLifetime() {
        assertThat(load(Map.of("BERTH_AUTH_TOKEN_TTL", "90s")).auth().token().ttl())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    @DisplayName("An empty storage directory is refused")
    void emptyDirectory() {
        assertThatThrownBy(() -> load(Map.of("BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("storage.filesystem.rootdirectory");
    }

    private static RegistryConfig load(Map<String, String> environment) {
        return ConfigLoader.load(Optional.empty(), environment, ConfigLayer.empty());
    }
}
