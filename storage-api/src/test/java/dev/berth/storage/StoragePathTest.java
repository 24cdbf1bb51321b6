package dev.berth.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("storage paths")
class StoragePathTest {

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @ValueSource(
            strings = {
                "a",
                "a/b",
                "docker/registry/v2/blobs/sha256/ab/abcdef/data",
                "_uploads/x-1/data",
                ".hidden",
                "a/..b",
                "a/b..",
                "..."
            })
    @DisplayName("relative paths of ordinary names are accepted as they are")
    void accepted(String path) {
        assertThat(StoragePath.check(path)).isEqualTo(path);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @NullAndEmptySource
    @ValueSource(strings = {"/a", "a/", "/", "a//b", ".", "..", "./a", "a/.", "../a", "a/../b", "a/..", "a\\b", "a\0b"})
    @DisplayName("absolute paths, empty, '.' or '..' segments, backslashes and NUL are rejected")
    void rejected(String path) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoragePath.check(path));
    }
}
