package dev.berth.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the suite's configuration")
class SuiteConfigTest {

    @Test
    @DisplayName("travels as configuration parameters and back unchanged")
    void roundTrip() {
        SuiteConfig config = SuiteConfig.forRegistry(URI.create("http://127.0.0.1:5000"))
                .withNamespace("team/conformance")
                .withCredentials(new Credentials("ci", "s3cret"))
                .with(Capability.DELETES, false)
                .with(Capability.AUTOMATIC_CROSS_MOUNT, true)
                .withChunkMinLength(5_242_880);

        Map<String, String> parameters = config.toParameters();

        assertThat(SuiteConfig.fromParameters(key -> Optional.ofNullable(parameters.get(key))))
                .isEqualTo(config);
    }

    @Test
    @DisplayName("needs only the URL; every capability then has its default, and a trailing slash is dropped")
    void defaults() {
        SuiteConfig config = SuiteConfig.fromParameters(key ->
                key.equals("berth.conformance.url") ? Optional.of("http://registry.example:5000/") : Optional.empty());

        assertThat(config.url()).isEqualTo(URI.create("http://registry.example:5000"));
        assertThat(config.namespace()).isEqualTo(SuiteConfig.DEFAULT_NAMESPACE);
        assertThat(config.capabilities())
                .containsExactlyInAnyOrder(Capability.DELETES, Capability.TAG_DELETES, Capability.REFERRERS);
        assertThat(config.runId()).matches("[0-9a-z]{6}");
    }

    @Test
    @DisplayName("refuses to start without a registry, and never shows the password")
    void noUrlAndNoPassword() {
        assertThatThrownBy(() -> SuiteConfig.fromParameters(key -> Optional.empty()))
                .hasMessageContaining("berth.conformance.url");
        SuiteConfig config =
                SuiteConfig.forRegistry(URI.create("http://r")).withCredentials(new Credentials("ci", "s3cret"));
        assertThat(config.toString()).contains("ci:***").doesNotContain("s3cret");
    }
}
