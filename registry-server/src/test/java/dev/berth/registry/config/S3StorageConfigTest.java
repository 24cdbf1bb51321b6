package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.storage.s3.S3Settings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("S3 storage configuration")
class S3StorageConfigTest {
    private static final String ISSUE_YAML = """
            storage:
              s3:
                bucket: registry
                region: us-east-1
                endpoint: http://127.0.0.1:9000   # optional, for S3-compatible servers
                pathStyle: true                    # optional
                prefix: ""                         # optional key prefix
                redirect: false                    # optional: answer blob GETs with 307 to a pre-signed URL
            """;
    private static final long DEFAULT_UPLOAD_MEMORY = 20L << 20;
    private static final long DEFAULT_WARM_UP = 2L << 30;

    @TempDir
    Path dir;

    @Test
    @DisplayName("The storage.s3 section selects S3 with every key it gives")
    void fromFile() throws IOException {
        StorageConfig storage = load(Optional.of(write(ISSUE_YAML)), Map.of(), ConfigLayer.empty());

        assertThat(storage)
                .isEqualTo(new S3StorageConfig(
                        new S3Settings(
                                "registry", "us-east-1", Optional.of(URI.create("http://127.0.0.1:9000")), true, ""),
                        false,
                        DEFAULT_UPLOAD_MEMORY,
                        DEFAULT_WARM_UP));
    }

    @Test
    @DisplayName("Every key has its BERTH_STORAGE_S3_ environment variable; unset ones keep their defaults")
    void fromEnvironment() {
        StorageConfig storage = load(
                Optional.empty(),
                Map.of(
                        "BERTH_STORAGE_S3_BUCKET", "images",
                        "BERTH_STORAGE_S3_PREFIX", "/team/a/",
                        "BERTH_STORAGE_S3_REDIRECT", "true"),
                ConfigLayer.empty());
        assertThat(storage)
                .isEqualTo(new S3StorageConfig(
                        new S3Settings("images", "us-east-1", Optional.empty(), false, "team/a"),
                        true,
                        DEFAULT_UPLOAD_MEMORY,
                        DEFAULT_WARM_UP));

        StorageConfig everything = load(
                Optional.empty(),
                Map.of(
                        "BERTH_STORAGE_S3_BUCKET", "images",
                        "BERTH_STORAGE_S3_REGION", "eu-west-1",
                        "BERTH_STORAGE_S3_ENDPOINT", "https://s3.example.net",
                        "BERTH_STORAGE_S3_PATHSTYLE", "true",
                        "BERTH_STORAGE_S3_WARMUP", "0"),
                ConfigLayer.empty());
        assertThat(((S3StorageConfig) everything).location())
                .isEqualTo(new S3Settings(
                        "images", "eu-west-1", Optional.of(URI.create("https://s3.example.net")), true, ""));
        assertThat(((S3StorageConfig) everything).warmUp())
                .as("warm-up turned off")
                .isZero();
    }

    @Test
    @DisplayName("--storage s3 takes the bucket from the environment or file; without one it is refused")
    void flagSelectsS3() {
        ConfigLayer flag = StorageFlag.apply("s3", ConfigLayer.empty());

        assertThat(load(Optional.empty(), Map.of("BERTH_STORAGE_S3_BUCKET", "images"), flag))
                .isInstanceOf(S3StorageConfig.class);
        assertThatThrownBy(() -> load(Optional.empty(), Map.of(), flag))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "S3 storage needs a bucket: set storage.s3.bucket in the config file or BERTH_STORAGE_S3_BUCKET");
    }

    @Test
    @DisplayName("--storage fs:DIR wins over a bucket in the config file")
    void flagSelectsFilesystem() throws IOException {
        StorageConfig storage = load(
                Optional.of(write(ISSUE_YAML)), Map.of(), StorageFlag.apply("fs:/srv/registry", ConfigLayer.empty()));

        assertThat(storage).isEqualTo(new FilesystemStorageConfig(Path.of("/srv/registry")));
    }

    @Test
    @DisplayName("A directory and a bucket both set, with no flag to choose, is refused naming both sources")
    void bothBackends() throws IOException {
        Path file = write(ISSUE_YAML);

        assertThatThrownBy(() -> load(
                        Optional.of(file),
                        Map.of("BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY", "/srv"),
                        ConfigLayer.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "both storage.filesystem.rootdirectory (from environment variable BERTH_STORAGE_FILESYSTEM_ROOTDIRECTORY)"
                                + " and storage.s3.bucket (from config file " + file + ") are set:"
                                + " keep one, or choose with --storage fs:DIR or --storage s3");
    }

    @Test
    @DisplayName("An endpoint that is not an http(s) URL is refused naming the setting and its source")
    void badEndpoint() {
        assertThatThrownBy(() -> load(
                        Optional.empty(),
                        Map.of(
                                "BERTH_STORAGE_S3_BUCKET", "images",
                                "BERTH_STORAGE_S3_ENDPOINT", "127.0.0.1:9000"),
                        ConfigLayer.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "invalid storage.s3.endpoint '127.0.0.1:9000' from environment variable BERTH_STORAGE_S3_ENDPOINT:"
                                + " expected an http:// or https:// URL with a host");
    }

    @Test
    @DisplayName("storage.s3.uploadMemory takes an amount of memory with a binary unit, or plain bytes")
    void uploadMemory() {
        Map<String, Long> amounts =
                Map.of("64MiB", 64L << 20, "1gib", 1L << 30, " 10240KiB ", 10L << 20, "5242880", 5L << 20);
        amounts.forEach((text, bytes) ->
                assertThat(withUploadMemory(text).uploadMemory()).as(text).isEqualTo(bytes));
    }

    @Test
    @DisplayName("An upload memory that is not an amount, or holds no whole 5 MiB part, is refused naming the setting")
    void badUploadMemory() {
        assertThatThrownBy(() -> withUploadMemory("20MB"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "invalid storage.s3.uploadMemory '20MB' from environment variable BERTH_STORAGE_S3_UPLOADMEMORY:"
                                + " expected an amount of memory such as 512KiB, 20MiB or 1GiB");
        assertThatThrownBy(() -> withUploadMemory("4MiB"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.s3.uploadMemory must hold at least one part of 5 MiB (5MiB or more),"
                        + " not 4194304 bytes");
    }

    private static S3StorageConfig withUploadMemory(String text) {
        return (S3StorageConfig) load(
                Optional.empty(),
                Map.of("BERTH_STORAGE_S3_BUCKET", "images", "BERTH_STORAGE_S3_UPLOADMEMORY", text),
                ConfigLayer.empty());
    }

    private static StorageConfig load(Optional<Path> file, Map<String, String> environment, ConfigLayer flags) {
        return ConfigLoader.load(file, environment, flags).storage();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yml"), yaml);
    }
}
