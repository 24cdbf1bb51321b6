package dev.berth.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemesTest {

    @ParameterizedTest(name = "{0} is on loopback: {1}")
    @CsvSource({
        "localhost:5000, true",
        "127.0.0.1:5000, true",
        "127.8.9.10, true",
        "[::1]:5000, true",
        "registry.invalid, false",
        "10.0.0.5:5000, false",
        "128.0.0.1:5000, false",
    })
    @DisplayName("knows the loopback registries, which may fall back to plain HTTP as docker lets them")
    void knowsLoopback(String registry, boolean loopback) {
        assertThat(Schemes.isLoopback(registry)).isEqualTo(loopback);
    }
}
