package dev.berth.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.suite.run.CheckResult;
import dev.berth.conformance.suite.run.RunResult;
import dev.berth.registry.InProcessBerth;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's honesty check: in front of a sound Berth, a proxy breaks one behaviour at a time,
 * and the checks of that behaviour's workflow must report it. A suite that passed these
 * registries would pass broken ones in the field.
 */
@DisplayName("the suite fails registries that break the spec")
class BrokenRegistryTest {

    @TempDir
    Path dataDir;

    static Iterable<Breakage> breakages() {
        return Breakage.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    @DisplayName("each broken behaviour fails the checks of its workflow")
    void brokenBehaviourFails(Breakage breakage) {
        try (InProcessBerth berth = InProcessBerth.start(dataDir, true);
                FaultInjectingProxy broken =
                        FaultInjectingProxy.start(berth.url(), breakage.fault().get())) {
            String name = "broken-" + breakage.workflow().id() + "-"
                    + breakage.mustFail().get(0).replace('.', '-');
            RunResult result =
                    SuiteReports.run(name, SuiteConfig.forRegistry(broken.url()), EnumSet.of(breakage.workflow()));

            assertThat(result.count(CheckResult.Outcome.FAILED))
                    .as(result.summaryLine())
                    .isPositive();
            assertThat(result.failures()).extracting(CheckResult::id).containsAll(breakage.mustFail());
        }
    }
}
