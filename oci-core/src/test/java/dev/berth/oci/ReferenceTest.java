package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTest {
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "busybox, docker.io/library/busybox:latest",
        "busybox:1.36, docker.io/library/busybox:1.36",
        "team/app, docker.io/team/app:latest",
        "index.docker.io/library/busybox:1, docker.io/library/busybox:1",
        "localhost/app, localhost/app:latest",
        "localhost:5000/team/app:v1, localhost:5000/team/app:v1",
        "127.0.0.1:5000/app, 127.0.0.1:5000/app:latest",
        "ghcr.io/org/tool:2.0, ghcr.io/org/tool:2.0",
    })
    @DisplayName("is normalised as docker does: Docker Hub by default, library/ for single names, latest when untagged")
    void normalisesAsDocker(String text, String normalised) {
        assertThat(Reference.parse(text)).hasToString(normalised);
    }

    @Test
    @DisplayName("keeps a digest, and a tag beside it, without inventing latest")
    void keepsDigests() {
        Reference byDigest = Reference.parse("127.0.0.1:5000/app@" + DIGEST);
        assertThat(byDigest.tag()).isNull();
        assertThat(byDigest.manifestReference()).isEqualTo(DIGEST);
        Reference both = Reference.parse("127.0.0.1:5000/app:v1@" + DIGEST);
        assertThat(both.tag()).isEqualTo("v1");
        assertThat(both.manifestReference()).isEqualTo(DIGEST);
    }

    @Test
    @DisplayName("speaks to registry-1.docker.io for Docker Hub and to the named host otherwise")
    void knowsTheApiHost() {
        assertThat(Reference.parse("busybox").apiHost()).isEqualTo("registry-1.docker.io");
        assertThat(Reference.parse("127.0.0.1:5000/app").apiHost()).isEqualTo("127.0.0.1:5000");
        assertThat(RepositoryName.apiHostOf("index.docker.io")).isEqualTo("registry-1.docker.io");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "UPPER/app", "app:bad tag", "app@sha256:short", "127.0.0.1:5000/", "a//b"})
    @DisplayName("refuses malformed references with a message")
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> Reference.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }
}
