package dev.berth.conformance.suite.support;

import dev.berth.conformance.suite.SuiteConfig;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips the checks whose {@link Requires} the registry's declared capabilities do not meet, saying why. */
public final class CapabilityCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<Requires> requirements = context.getElement()
                .map(element -> AnnotationSupport.findRepeatableAnnotations(element, Requires.class))
                .orElse(List.of());
        if (requirements.isEmpty()) {
            return ConditionEvaluationResult.enabled("no capability needed");
        }
        SuiteConfig config = SuiteParameters.config(context);
        for (Requires requirement : requirements) {
            if (config.has(requirement.value()) != requirement.present()) {
                return ConditionEvaluationResult.disabled(
                        requirement.present()
                                ? requirement.value().reasonWhenAbsent()
                                : requirement.value().reasonWhenPresent());
            }
        }
        return ConditionEvaluationResult.enabled("the registry has the capabilities this check needs");
    }
}
