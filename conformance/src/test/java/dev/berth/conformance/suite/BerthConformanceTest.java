package dev.berth.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.conformance.suite.run.CheckResult;
import dev.berth.conformance.suite.run.RunResult;
import dev.berth.registry.InProcessBerth;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Berth on the filesystem driver and on S3 passes the whole suite, and skips only what its declaration rules out. */
@DisplayName("the conformance suite against Berth (fs and S3, in process)")
class BerthConformanceTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("every workflow passes with deletes enabled; no check fails, every skip says why")
    void deletesEnabled() {
        try (InProcessBerth berth = InProcessBerth.start(dataDir, true)) {
            passesEveryWorkflow("berth-fs", berth);
        }
    }

    @Test
    @DisplayName("on S3 (an in-process S3Proxy), every workflow passes just the same")
    void onS3() throws Exception {
        try (InProcessBerth berth = InProcessBerth.startOnS3(true)) {
            passesEveryWorkflow("berth-s3", berth);
        }
    }

    private static void passesEveryWorkflow(String name, InProcessBerth berth) {
        // Berth mounts without `from` by default (uploads.automaticCrossMount), so it is declared so.
        SuiteConfig config = SuiteConfig.forRegistry(berth.url()).with(Capability.AUTOMATIC_CROSS_MOUNT, true);
        RunResult result = SuiteReports.run(name, config, EnumSet.allOf(Workflow.class));

        assertThat(result.failures()).as(result.summaryLine()).isEmpty();
        assertThat(result.count(CheckResult.Outcome.PASSED)).isGreaterThan(50);
        // Only the checks for registries declared otherwise, each saying why.
        assertThat(result.skips())
                .extracting(CheckResult::id)
                .containsExactlyInAnyOrder(
                        "MountChecks.mountWithoutFromOpensUpload",
                        "ChunkedUploadChecks.minimumChunkLengthAdvertised",
                        "DeleteManifestChecks.tagDeletionDisabled",
                        "DeletesDisabledChecks.manifestDeletionRefused",
                        "DeletesDisabledChecks.blobDeletionRefused");
        assertThat(result.skips()).allSatisfy(skip -> assertThat(skip.message()).contains("declared"));
    }

    @Test
    @DisplayName(
            "with uploads.automaticCrossMount off and declared so, a mount without from opens an upload session as the spec asks")
    void automaticCrossMountOff() {
        try (InProcessBerth berth =
                InProcessBerth.start(dataDir, Map.of("BERTH_UPLOADS_AUTOMATICCROSSMOUNT", "false"))) {
            RunResult result = SuiteReports.run(
                    "berth-fs-no-automatic-mounts", SuiteConfig.forRegistry(berth.url()), EnumSet.of(Workflow.PUSH));

            assertThat(result.failures()).as(result.summaryLine()).isEmpty();
            assertThat(result.checks())
                    .filteredOn(check -> check.id().equals("MountChecks.mountWithoutFromOpensUpload"))
                    .singleElement()
                    .satisfies(check -> assertThat(check.outcome()).isEqualTo(CheckResult.Outcome.PASSED));
        }
    }

    @Test
    @DisplayName(
            "with deletes disabled, Berth refuses them as the spec says (400 or 405), and the other checks still pass")
    void deletesDisabled() {
        try (InProcessBerth berth = InProcessBerth.start(dataDir, false)) {
            SuiteConfig config = SuiteConfig.forRegistry(berth.url())
                    .with(Capability.DELETES, false)
                    .with(Capability.AUTOMATIC_CROSS_MOUNT, true);
            RunResult result =
                    SuiteReports.run("berth-fs-no-deletes", config, EnumSet.of(Workflow.MANAGEMENT, Workflow.PUSH));

            assertThat(result.failures()).as(result.summaryLine()).isEmpty();
            assertThat(result.checks())
                    .filteredOn(check -> check.id().startsWith("DeletesDisabledChecks."))
                    .isNotEmpty()
                    .allSatisfy(check -> assertThat(check.outcome()).isEqualTo(CheckResult.Outcome.PASSED));
        }
    }
}
