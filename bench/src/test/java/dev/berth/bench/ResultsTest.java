package dev.berth.bench;

import static dev.berth.bench.Measurement.Unit.MB_PER_S;
import static dev.berth.bench.Measurement.Unit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Benchmark results")
class ResultsTest {
    @Test
    @DisplayName("reduce rounds to their median, the middle pair's mean for an even count")
    void medians() {
        assertThat(Results.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Results.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Results.median(List.of())).isNaN();
    }

    @Test
    @DisplayName("tabulate each scenario's medians with the ratio berth / registry:2, and say which way is better")
    void table() {
        Results results = new Results();
        results.add(
                Contender.BERTH,
                List.of(new Measurement("push", MB_PER_S, 300), new Measurement("startup", MILLISECONDS, 40)));
        results.add(
                Contender.BERTH,
                List.of(new Measurement("push", MB_PER_S, 320), new Measurement("startup", MILLISECONDS, 60)));
        results.add(
                Contender.DISTRIBUTION,
                List.of(new Measurement("push", MB_PER_S, 155), new Measurement("startup", MILLISECONDS, 100)));

        assertThat(results.table())
                .contains(
                        "| push | MB/s | 310 | 155 | 2.00× |",
                        "| startup | ms (lower is better) | 50.00 | 100 | 0.50× |");
    }

    @Test
    @DisplayName("list every round's figure in the order the rounds ran, registry:2's for a variant's scenario")
    void everyRound() {
        Results results = new Results();
        // Per round: berth's pull, berth's variant of it, registry:2's pull.
        for (double[] round : new double[][] {{1380, 975, 1472}, {1703, 12.5, 1582}}) {
            results.add(
                    Contender.BERTH,
                    List.of(
                            new Measurement("pull", MB_PER_S, round[0]),
                            new Measurement("pull, JDK's SHA-256", MB_PER_S, round[1], "pull")));
            results.add(Contender.DISTRIBUTION, List.of(new Measurement("pull", MB_PER_S, round[2])));
        }
        results.add(Contender.BERTH, List.of(new Measurement("UI page", MILLISECONDS, 4.5)));

        assertThat(results.everyRound())
                .contains(
                        "| pull | 1380, 1703 | 1472, 1582 |",
                        "| pull, JDK's SHA-256 | 975, 12.50 | 1472, 1582 |",
                        "| UI page | 4.50 | — |");
    }

    @Test
    @DisplayName("show a dash, not NaN, where only berth has a figure (the web UI's pages)")
    void berthOnly() {
        Results results = new Results();
        results.add(Contender.BERTH, List.of(new Measurement("UI image page, median", MILLISECONDS, 4.5)));
        results.add(Contender.DISTRIBUTION, List.of());

        assertThat(results.table()).contains("| UI image page, median | ms (lower is better) | 4.50 | — | — |");
    }

    @Test
    @DisplayName("compare a single pull with the plain file server's")
    void fileServer() {
        Results results = new Results();
        results.add(Contender.BERTH, List.of(new Measurement("pull", MB_PER_S, 800)));
        results.add(Contender.DISTRIBUTION, List.of(new Measurement("pull", MB_PER_S, 500)));
        results.addFileServerPull(1000);

        assertThat(results.fileServerComparison("pull"))
                .contains("1000 MB/s", "berth's pull is 80%", "registry:2's 50%");
    }

    @Test
    @DisplayName("compare a Berth-only variant of a scenario with registry:2's figure for the scenario itself")
    void comparedWithAnotherScenario() {
        Results results = new Results();
        results.add(
                Contender.BERTH,
                List.of(
                        new Measurement("push, monolithic", MB_PER_S, 300),
                        new Measurement("push, monolithic, JDK's SHA-256", MB_PER_S, 150, "push, monolithic")));
        results.add(Contender.DISTRIBUTION, List.of(new Measurement("push, monolithic", MB_PER_S, 200)));

        assertThat(results.table())
                .contains(
                        "| push, monolithic | MB/s | 300 | 200 | 1.50× |",
                        "| push, monolithic, JDK's SHA-256 | MB/s | 150 | 200 | 0.75× |");
    }
}
