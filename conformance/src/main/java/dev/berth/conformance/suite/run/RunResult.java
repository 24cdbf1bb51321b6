package dev.berth.conformance.suite.run;

import java.util.List;

/** Every check's outcome in one run, in the order they ran. */
public record RunResult(List<CheckResult> checks) {

    public RunResult {
        checks = List.copyOf(checks);
    }

    public long count(CheckResult.Outcome outcome) {
        return checks.stream().filter(check -> check.outcome() == outcome).count();
    }

    public List<CheckResult> failures() {
        return checks.stream()
                .filter(check -> check.outcome() == CheckResult.Outcome.FAILED)
                .toList();
    }

    public List<CheckResult> skips() {
        return checks.stream()
                .filter(check -> check.outcome() == CheckResult.Outcome.SKIPPED)
                .toList();
    }

    public boolean hasFailures() {
        return count(CheckResult.Outcome.FAILED) > 0;
    }

    /** {@code conformance: P passed, F failed, S skipped} */
    public String summaryLine() {
        return "conformance: " + count(CheckResult.Outcome.PASSED) + " passed, " + count(CheckResult.Outcome.FAILED)
                + " failed, " + count(CheckResult.Outcome.SKIPPED) + " skipped";
    }
}
