package dev.berth.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemesTest {

    @ParameterizedTest(name = "{0} (--plain-http {1}) is {2}")
    @CsvSource({
        "localhost:5000, false, http",
        "127.0.0.1:5000, false, http",
        "127.8.9.10, false, http",
        "[::1]:5000, false, http",
        "registry.example.com, false, https",
        "10.0.0.5:5000, false, https",
        "128.0.0.1:5000, false, https",
        "registry.example.com, true, http",
    })
    @DisplayName("uses plain HTTP for loopback registries as docker does, elsewhere only when asked")
    void choosesTheScheme(String registry, boolean plainHttp, String scheme) {
        assertThat(Schemes.schemeFor(registry, plainHttp)).isEqualTo(scheme);
    }
}
