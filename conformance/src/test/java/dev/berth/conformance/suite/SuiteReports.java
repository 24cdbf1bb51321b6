package dev.berth.conformance.suite;

import dev.berth.conformance.suite.run.RunResult;
import dev.berth.conformance.suite.run.SuiteRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the suite from a test, with its reports kept under target/conformance-reports/NAME for CI
 * to show. Only the summary goes to the console: the tests' assertions name what failed.
 */
final class SuiteReports {

    private SuiteReports() {}

    static RunResult run(String name, SuiteConfig config, Set<Workflow> workflows) {
        Path dir = Path.of("target", "conformance-reports", name).toAbsolutePath();
        RunResult result = SuiteRunner.run(config, workflows, Optional.of(dir));
        System.out.println(
                name + ": " + result.summaryLine() + " (report: " + dir.resolve("conformance-report.md") + ")");
        return result;
    }
}
