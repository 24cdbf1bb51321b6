package dev.berth.registry.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Durations such as http.shutdownTimeout")
class DurationValueTest {

    @Test
    @DisplayName("Take a whole number with ms, s or m")
    void units() {
        assertThat(ValueParser.duration().parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ValueParser.duration().parse(" 30s ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ValueParser.duration().parse("2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    @DisplayName("Refuse a number without a unit, a fraction or a negative, naming the setting and its source")
    void refused() {
        for (String bad : new String[] {"30", "1.5s", "-3s", "s", "10h"}) {
            assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("BERTH_HTTP_SHUTDOWNTIMEOUT", bad),
                    ConfigLayer.empty()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("http.shutdownTimeout").hasMessageContaining("BERTH_HTTP_SHUTDOWNTIMEOUT")
                    .hasMessageContaining("expected a duration such as 500ms, 30s or 2m");
        }
    }
}
