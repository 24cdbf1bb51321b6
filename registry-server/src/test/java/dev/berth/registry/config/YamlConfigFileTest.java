package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The YAML config file")
class YamlConfigFileTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Holds every setting, nested by the parts of its path")
    void everySetting() throws IOException {
        Path file = write("""
                http:
                  listen: "[::1]:5001"
                storage:
                  filesystem:
                    rootdirectory: /var/lib/berth
                delete:
                  enabled: false
                log:
                  level: trace
                  accesslog: false
                """);

        RegistryConfig defaults = RegistryConfig.defaults();
        assertThat(resolve(file))
                .isEqualTo(defaults.withHttp(defaults.http().withListen(new ListenAddress("::1", 5001)))
                        .withStorage(new FilesystemStorageConfig(Path.of("/var/lib/berth")))
                        .withDelete(new DeleteConfig(false))
                        .withLog(new LogConfig(LogLevel.TRACE, false)));
    }

    @Test
    @DisplayName("Reads YAML's own unquoted booleans, such as no, as booleans; quoted, they are text")
    void yamlBooleans() throws IOException {
        assertThat(resolve(write("delete:\n  enabled: no\n")).delete().enabled())
                .isFalse();

        Path quoted = write("delete:\n  enabled: \"no\"\n");
        assertThatThrownBy(() -> resolve(quoted))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected true or false");
    }

    @Test
    @DisplayName("May be empty, or leave sections empty")
    void emptyFileAndSections() throws IOException {
        assertThat(resolve(write(""))).isEqualTo(RegistryConfig.defaults());
        assertThat(resolve(write("http:\nlog:\n"))).isEqualTo(RegistryConfig.defaults());
    }

    @Test
    @DisplayName("An unknown key fails with its full path, the file and the known settings")
    void unknownKey() throws IOException {
        Path file = write("http:\n  lsten: 0.0.0.0:5000\n");

        assertThatThrownBy(() -> YamlConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown setting 'http.lsten' in config file " + file)
                .hasMessageContaining("http.listen, http.shutdownTimeout");
    }

    @Test
    @DisplayName("A storage backend Berth does not have is an unknown key")
    void unknownStorage() throws IOException {
        Path file = write("storage:\n  gcs:\n    bucket: images\n");

        assertThatThrownBy(() -> YamlConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown setting 'storage.gcs' in config file");
    }

    @Test
    @DisplayName("A value where a section belongs is refused, naming the settings of that section")
    void valueForSection() throws IOException {
        Path file = write("storage: /srv/registry\n");

        assertThatThrownBy(() -> YamlConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("'storage' in config file " + file
                        + " is a section, not a value; its settings are storage.filesystem.rootdirectory,"
                        + " storage.s3.bucket, storage.s3.region, storage.s3.endpoint, storage.s3.pathStyle,"
                        + " storage.s3.prefix, storage.s3.redirect, storage.s3.uploadMemory, storage.s3.warmUp");
    }

    @Test
    @DisplayName("A section or an empty value where a setting belongs is refused")
    void sectionForValue() throws IOException {
        Path nested = write("delete:\n  enabled:\n    really: true\n");
        assertThatThrownBy(() -> YamlConfigFile.read(nested))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'delete.enabled'")
                .hasMessageContaining("needs a single value");

        Path empty = write("delete:\n  enabled:\n");
        assertThatThrownBy(() -> YamlConfigFile.read(empty))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'delete.enabled'");
    }

    @Test
    @DisplayName("A key given twice is refused rather than one of them silently winning")
    void duplicateKey() throws IOException {
        Path file = write("log:\n  level: info\n  level: debug\n");

        assertThatThrownBy(() -> YamlConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("level");
    }

    @Test
    @DisplayName("Broken YAML is reported with the file and line")
    void brokenYaml() throws IOException {
        Path file = write("http:\n  listen: [unclosed\n");

        assertThatThrownBy(() -> YamlConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + file + " is not valid YAML")
                .hasMessageContaining("(line ");
    }

    @Test
    @DisplayName("A top level that is not a mapping is refused")
    void notAMapping() throws IOException {
        Path file = write("- http\n- log\n");

        assertThatThrownBy(() -> YamlConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must hold a mapping of settings");
    }

    @Test
    @DisplayName("A missing file is reported as missing")
    void missingFile() {
        Path file = dir.resolve("nope.yml");

        assertThatThrownBy(() -> YamlConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + file + " does not exist");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yml"), yaml);
    }

    private static RegistryConfig resolve(Path file) {
        return ConfigLoader.resolve(List.of(YamlConfigFile.read(file)));
    }
}
