package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Configuration precedence")
class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("With no file, environment or flags, every setting has its documented default")
    void defaults() {
        RegistryConfig config = ConfigLoader.load(Optional.empty(), Map.of(), ConfigLayer.empty());

        assertThat(config.http().listen()).isEqualTo(new ListenAddress("0.0.0.0", 5000));
        assertThat(config.storage()).isEqualTo(new FilesystemStorageConfig(Path.of("data")));
        assertThat(((FilesystemStorageConfig) config.storage()).rootDirectory())
                .isEqualTo(Path.of("").toAbsolutePath().resolve("data"));
        assertThat(config.delete().enabled()).isTrue();
        assertThat(config.log().level()).isEqualTo(LogLevel.INFO);
        assertThat(config.log().accessLog()).isTrue();
        assertThat(RegistryConfig.defaults()).isEqualTo(config);
    }

    @Test
    @DisplayName("A config file overrides the defaults it names and leaves the others alone")
    void fileOverridesDefaults() throws IOException {
        Path file = write("""
                delete:
                  enabled: false
                log:
                  level: debug
                """);

        RegistryConfig config = ConfigLoader.load(Optional.of(file), Map.of(), ConfigLayer.empty());

        assertThat(config.delete().enabled()).isFalse();
        assertThat(config.log().level()).isEqualTo(LogLevel.DEBUG);
        assertThat(config.http().listen().port()).isEqualTo(5000);
        assertThat(config.log().accessLog()).isTrue();
    }

    @Test
    @DisplayName("An environment variable overrides the config file")
    void environmentOverridesFile() throws IOException {
        Path file = write("http:\n  listen: 127.0.0.1:6000\n");

        RegistryConfig config = ConfigLoader.load(
                Optional.of(file), Map.of("BERTH_HTTP_LISTEN", "127.0.0.1:7000"), ConfigLayer.empty());

        assertThat(config.http().listen()).isEqualTo(new ListenAddress("127.0.0.1", 7000));
    }

    @Test
    @DisplayName("A flag overrides both the environment and the config file")
    void flagOverridesEnvironmentAndFile() throws IOException {
        Path file = write("storage:\n  filesystem:\n    rootdirectory: /from/file\n");
        ConfigLayer flags = StorageFlag.apply("fs:/from/flag", ConfigLayer.empty());

        RegistryConfig config = ConfigLoader.load(
                Optional.of(file), Map.of("BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY", "/from/env"), flags);

        assertThat(config.storage()).isEqualTo(new FilesystemStorageConfig(Path.of("/from/flag")));
    }

    @Test
    @DisplayName("Sources combine: each setting comes from the highest source that has it")
    void sourcesCombine() throws IOException {
        Path file = write("log:\n  level: warn\n  accesslog: false\n");
        ConfigLayer flags =
                ConfigLayer.empty().with(Settings.HTTP_LISTEN, "127.0.0.1:1234", ValueSource.flag("--listen"));

        RegistryConfig config = ConfigLoader.load(Optional.of(file), Map.of("BERTH_LOG_ACCESSLOG", "true"), flags);

        assertThat(config.log()).isEqualTo(new LogConfig(LogLevel.WARN, true));
        assertThat(config.http().listen().port()).isEqualTo(1234);
        assertThat(config.delete().enabled()).isTrue();
    }

    @Test
    @DisplayName("A bad value in a lower source does not matter when a higher source sets the setting")
    void overriddenBadValueIsIgnored() throws IOException {
        Path file = write("delete:\n  enabled: maybe\n");

        RegistryConfig config =
                ConfigLoader.load(Optional.of(file), Map.of("BERTH_DELETE_ENABLED", "false"), ConfigLayer.empty());

        assertThat(config.delete().enabled()).isFalse();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yml"), yaml);
    }
}
