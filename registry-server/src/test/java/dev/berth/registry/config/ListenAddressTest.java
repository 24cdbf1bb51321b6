package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A listen address")
class ListenAddressTest {

    @ParameterizedTest(name = "{0} is host {1}, port {2}")
    @CsvSource({
        "0.0.0.0:5000, 0.0.0.0, 5000",
        "localhost:0, localhost, 0",
        "registry.example:65535, registry.example, 65535",
        "[::1]:5000, ::1, 5000",
        ":5000, 0.0.0.0, 5000"
    })
    @DisplayName("Parses HOST:PORT, bracketed IPv6 and registry:2's :PORT")
    void parses(String text, String host, int port) {
        assertThat(ListenAddress.parse(text)).isEqualTo(new ListenAddress(host, port));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5000                | expected HOST:PORT",
                "0.0.0.0:            | port '' is not a number",
                "0.0.0.0:http        | port 'http' is not a number",
                "0.0.0.0:-1          | port '-1' is not a number",
                "0.0.0.0:65536       | port 65536 is out of range 0-65535",
                "0.0.0.0:9999999999  | port 9999999999 is out of range 0-65535",
                "::1:5000            | write an IPv6 host in brackets"
            })
    @DisplayName("Refuses malformed text with the reason")
    void refuses(String text, String reason) {
        assertThatThrownBy(() -> ListenAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    @DisplayName("Prints back as it is parsed, brackets included")
    void printsBack() {
        assertThat(ListenAddress.parse("[::1]:5000")).hasToString("[::1]:5000");
        assertThat(ListenAddress.parse("127.0.0.1:80")).hasToString("127.0.0.1:80");
    }
}
