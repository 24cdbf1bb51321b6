package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Durations such as http.shutdownTimeout and gc.gracePeriod")
class DurationValueTest {

    @Test
    @DisplayName("Take a whole number with ms, s, m, h or d, and 0 alone for none")
    void units() {
        assertThat(ValueParser.duration().parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ValueParser.duration().parse(" 30s ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ValueParser.duration().parse("2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ValueParser.duration().parse("10h")).isEqualTo(Duration.ofHours(10));
        assertThat(ValueParser.duration().parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(ValueParser.duration().parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    @DisplayName("Refuse a number without a unit, a fraction or a negative, naming the setting and its source")
    void refused() {
        for (String bad : new String[] {"30", "1.5s", "-3s", "s", "10y"}) {
            assertThatThrownBy(() -> ConfigLoader.load(
                            Optional.empty(), Map.of("BERTH_HTTP_SHUTDOWNTIMEOUT", bad), ConfigLayer.empty()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("http.shutdownTimeout")
                    .hasMessageContaining("BERTH_HTTP_SHUTDOWNTIMEOUT")
                    .hasMessageContaining("expected a duration such as 500ms, 90s, 15m, 1h or 7d");
        }
    }
}
