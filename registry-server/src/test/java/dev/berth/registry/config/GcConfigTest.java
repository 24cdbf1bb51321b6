package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Garbage collection and upload purge settings")
class GcConfigTest {

    private static RegistryConfig load(Map<String, String> environment) {
        return ConfigLoader.load(Optional.empty(), environment, ConfigLayer.empty());
    }

    @Test
    @DisplayName(
            "default to no collection schedule, a one-hour grace period, untagged manifests kept, uploads purged after 7 days every 24 hours, at most 1000 open per repository, and automatic cross-mounts")
    void defaults() {
        RegistryConfig config = load(Map.of());

        assertThat(config.gc()).isEqualTo(new GcConfig(Duration.ZERO, Duration.ofHours(1), false));
        assertThat(config.uploads()).isEqualTo(new UploadsConfig(Duration.ofDays(7), Duration.ofHours(24), 1000, true));
    }

    @Test
    @DisplayName("take durations in seconds, minutes, hours and days")
    void durations() {
        RegistryConfig config = load(Map.of(
                "BERTH_GC_INTERVAL",
                "24h",
                "BERTH_GC_GRACEPERIOD",
                "90s",
                "BERTH_GC_DELETEUNTAGGED",
                "true",
                "BERTH_UPLOADS_PURGEAFTER",
                "2d"));

        assertThat(config.gc()).isEqualTo(new GcConfig(Duration.ofHours(24), Duration.ofSeconds(90), true));
        assertThat(config.uploads().purgeAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(load(Map.of("BERTH_GC_GRACEPERIOD", "15m")).gc().gracePeriod())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("refuse a duration without a unit, naming the setting and its source")
    void badDuration() {
        assertThatThrownBy(() -> load(Map.of("BERTH_GC_INTERVAL", "10")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gc.interval")
                .hasMessageContaining("BERTH_GC_INTERVAL")
                .hasMessageContaining("expected a duration such as 500ms, 90s, 15m, 1h or 7d");
    }
}
