package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The soak's growth rule")
class GrowthRuleTest {
    private final GrowthRule rule = new GrowthRule("RSS", "MiB", 0.20, 32);

    @Test
    @DisplayName("calls a figure flat when the last third's median stays within the allowance over the first third's")
    void flat() {
        GrowthRule.Verdict verdict = rule.judge(List.of(200.0, 230.0, 210.0, 220.0, 225.0, 215.0, 229.0, 224.0, 240.0));

        assertThat(verdict.firstThirdMedian()).isEqualTo(210.0);
        assertThat(verdict.lastThirdMedian()).isEqualTo(229.0);
        assertThat(verdict.limit()).isEqualTo(252.0);
        assertThat(verdict.grows()).isFalse();
    }

    @Test
    @DisplayName("calls a steady climb growth")
    void climbing() {
        GrowthRule.Verdict verdict = rule.judge(List.of(200.0, 220.0, 240.0, 260.0, 280.0, 300.0));

        assertThat(verdict.lastThirdMedian()).isGreaterThan(verdict.limit());
        assertThat(verdict.grows()).isTrue();
    }

    @Test
    @DisplayName("lets a low warm-up sample and a single spike in the last third be")
    void warmUpAndSpike() {
        assertThat(rule.judge(List.of(50.0, 240.0, 230.0, 235.0, 235.0, 238.0, 236.0, 400.0, 239.0))
                        .grows())
                .isFalse();
    }

    @Test
    @DisplayName("allows the absolute amount where the relative one is smaller, for small figures such as threads")
    void absoluteAllowance() {
        GrowthRule threads = new GrowthRule("threads", "threads", 0.20, 8);

        assertThat(threads.judge(List.of(10.0, 10.0, 10.0, 17.0, 18.0, 18.0)).grows())
                .isFalse();
        assertThat(threads.judge(List.of(10.0, 10.0, 10.0, 17.0, 19.0, 19.0)).grows())
                .isTrue();
    }

    @Test
    @DisplayName("refuses to judge fewer than three samples")
    void tooFewSamples() {
        assertThatThrownBy(() -> rule.judge(List.of(1.0, 2.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 samples");
    }
}
