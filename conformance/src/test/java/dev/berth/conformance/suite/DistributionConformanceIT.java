package dev.berth.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.suite.run.CheckResult;
import dev.berth.conformance.suite.run.ExpectedFailures;
import dev.berth.conformance.suite.run.RunResult;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.registry.DistributionProcess;
import dev.berth.testkit.registry.RegistryProcess;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The suite checked against the reference: Debian's docker-registry (CNCF distribution 2.8),
 * declared as a full v1.1 registry that deletes by digest only. What 2.8 does not do is listed, with the reason, in
 * expected-failures/distribution-2.8.txt; any other failure is a fault of the suite (or a
 * regression of the reference) and fails the build, and so does a listed check that passes.
 */
@DisplayName("the conformance suite against Debian's docker-registry (distribution 2.8)")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributionConformanceIT {

    static final String EXPECTED_FAILURES = "/expected-failures/distribution-2.8.txt";

    @Test
    @DisplayName("fails exactly the checks listed as expected failures, each with its reason")
    void failsOnlyTheListedChecks() throws Exception {
        ExpectedFailures expected;
        try (InputStream list = DistributionConformanceIT.class.getResourceAsStream(EXPECTED_FAILURES)) {
            assertThat(list).as(EXPECTED_FAILURES).isNotNull();
            expected = ExpectedFailures.parse(list);
        }
        try (ScratchDir scratch = ScratchDir.inBuildDir("conformance-distribution-");
                RegistryProcess registry = DistributionProcess.start(scratch.newDir("data"))) {
            // 2.8 answers DELETE of a tag with 400: the spec's "tag deletion is disabled".
            SuiteConfig config = SuiteConfig.forRegistry(registry.baseUrl()).with(Capability.TAG_DELETES, false);
            RunResult result = SuiteReports.run("distribution-2.8", config, EnumSet.allOf(Workflow.class));

            assertThat(expected.unexpected(result))
                    .as("failures not in " + EXPECTED_FAILURES)
                    .isEmpty();
            assertThat(expected.stale(result))
                    .as("listed in " + EXPECTED_FAILURES + " but did not fail")
                    .isEmpty();
            assertThat(result.count(CheckResult.Outcome.PASSED)).isGreaterThan(40);
        }
    }
}
