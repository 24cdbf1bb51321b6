package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A Berth instance's start-up log")
class RunningRegistryTest {
    @Test
    @DisplayName("names the SHA-256 engine the instance hashes uploads with, from its start-up line")
    void engine() {
        String log = """
                2026-12-05T03:46:20.111Z WARN  d.b.registry.Authentication - NO AUTHENTICATION: ...
                2026-12-05T03:46:20.114Z INFO  d.b.registry.RegistryLauncher - uploads are hashed with OpenSSL's SHA-256 (libcrypto.so.3)
                2026-12-05T03:46:20.114Z INFO  d.b.registry.RegistryLauncher - berth-registry 0.1.0 listening on 127.0.0.1:37107
                """;
        assertThat(RunningRegistry.sha256Engine(log)).contains("OpenSSL's SHA-256 (libcrypto.so.3)");
    }

    @Test
    @DisplayName("names none before the instance has said it (or when it is not Berth)")
    void notYet() {
        assertThat(RunningRegistry.sha256Engine("Picked up JAVA_TOOL_OPTIONS: -Dberth.sha256.engine=jdk\n"))
                .isEmpty();
    }
}
