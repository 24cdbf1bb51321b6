package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The --storage flag")
class StorageFlagTest {

    @Test
    @DisplayName("fs:DIR sets the filesystem root directory, relative ones against the working directory")
    void filesystem() {
        assertThat(storageOf("fs:/srv/registry")).isEqualTo(new FilesystemStorageConfig(Path.of("/srv/registry")));
        assertThat(((FilesystemStorageConfig) storageOf("fs:images")).rootDirectory())
                .isEqualTo(Path.of("").toAbsolutePath().resolve("images"));
    }

    @Test
    @DisplayName("Anything but fs:DIR or s3 is refused, naming the flag and what it accepts")
    void otherBackends() {
        assertThatThrownBy(() -> StorageFlag.apply("s3:registry", ConfigLayer.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unsupported storage 's3:registry' from flag --storage: expected fs:DIR"
                        + " (a directory on the local filesystem) or s3 (the bucket in storage.s3)");
        assertThatThrownBy(() -> StorageFlag.apply("/srv/registry", ConfigLayer.empty()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    @DisplayName("fs: without a directory is refused when the configuration is resolved")
    void emptyDirectory() {
        assertThatThrownBy(() -> storageOf("fs:"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("storage.filesystem.rootdirectory")
                .hasMessageContaining("flag --storage");
    }

    private static StorageConfig storageOf(String spec) {
        return ConfigLoader.resolve(List.of(StorageFlag.apply(spec, ConfigLayer.empty())))
                .storage();
    }
}
