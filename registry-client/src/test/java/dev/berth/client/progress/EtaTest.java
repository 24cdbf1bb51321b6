package dev.berth.client.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the time left a progress bar shows")
class EtaTest {
    private static final long MIB = 1024 * 1024;

    @Test
    @DisplayName("is not guessed before a second of transfer, however fast the first bytes came")
    void noneInTheFirstSecond() {
        assertThat(Eta.estimate(100 * MIB, 64 * 1024, Duration.ofMillis(3))).isEmpty();
        assertThat(Eta.estimate(100 * MIB, 0, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    @DisplayName("is the bytes left at the rate this run moved bytes, from the first second on")
    void linearFromTheFirstSecond() {
        assertThat(Eta.estimate(90 * MIB, 10 * MIB, Duration.ofSeconds(1))).contains(Duration.ofSeconds(9));
        assertThat(Eta.estimate(0, 10 * MIB, Duration.ofSeconds(2))).contains(Duration.ZERO);
    }
}
