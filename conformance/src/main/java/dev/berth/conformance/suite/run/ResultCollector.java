package dev.berth.conformance.suite.run;

import dev.berth.conformance.suite.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the JUnit Platform's events into one {@link CheckResult} per check. A check whose class
 * could not prepare (a failed {@code @BeforeAll}) or was skipped as a whole never runs by
 * itself; it is counted with its class's outcome, so that the counts always cover every check.
 */
final class ResultCollector implements TestExecutionListener {

    private final Map<String, CheckResult> results = new LinkedHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        forEachCheck(identifier, check -> record(check, CheckResult.Outcome.SKIPPED, reason));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        String message = result.getThrowable().map(ResultCollector::message).orElse("");
        CheckResult.Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> CheckResult.Outcome.PASSED;
            case ABORTED -> CheckResult.Outcome.SKIPPED;
            case FAILED -> CheckResult.Outcome.FAILED;
        };
        if (identifier.isTest()) {
            record(identifier, outcome, message);
        } else if (outcome != CheckResult.Outcome.PASSED) {
            // A class that failed or aborted before its checks ran: they take the class's outcome.
            forEachCheck(identifier, check -> {
                if (!results.containsKey(check.getUniqueId())) {
                    record(check, outcome, "the check class failed before this check ran: " + message);
                }
            });
        }
    }

    RunResult result() {
        return new RunResult(new ArrayList<>(results.values()));
    }

    private void forEachCheck(TestIdentifier identifier, Consumer<TestIdentifier> action) {
        if (identifier.isTest()) {
            action.accept(identifier);
            return;
        }
        plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).forEach(action);
    }

    private void record(TestIdentifier check, CheckResult.Outcome outcome, String message) {
        Optional<MethodSource> source =
                check.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        String className = source.map(MethodSource::getClassName).orElse("?");
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String id = simpleName + "." + source.map(MethodSource::getMethodName).orElse(check.getDisplayName());
        Workflow workflow = Workflow.ofClass(className).orElse(null);
        results.put(check.getUniqueId(), new CheckResult(id, workflow, check.getDisplayName(), outcome, message));
    }

    private static String message(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        return failure instanceof AssertionError ? text : failure.getClass().getSimpleName() + ": " + text;
    }
}
