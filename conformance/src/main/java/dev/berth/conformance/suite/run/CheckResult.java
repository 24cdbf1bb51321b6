package dev.berth.conformance.suite.run;

import dev.berth.conformance.suite.Workflow;

/**
 * The outcome of one check.
 *
 * @param id          {@code <CheckClass>.<method>}: stable across runs, what expected-failure lists name
 * @param displayName the requirement the check tests, quoted from the spec
 * @param message     why it failed or was skipped; empty when it passed
 */
public record CheckResult(String id, Workflow workflow, String displayName, Outcome outcome, String message) {

    public enum Outcome {
        PASSED,
        FAILED,
        SKIPPED
    }
}
