package dev.darkroom.testsupport;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Skips (or, under CI, fails) a {@link DarkroomInfra} class before Spring builds its context, which would otherwise
 * report a missing server as a context-loading failure.
 */
public final class DarkroomInfraCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<DarkroomInfra> annotation = context.getTestClass()
                .map(testClass -> TestContextAnnotationUtils.findMergedAnnotation(testClass, DarkroomInfra.class));
        return annotation
                .map(infra -> evaluate(infra.value(), InfraResolver.system()))
                .orElse(ConditionEvaluationResult.enabled("no @DarkroomInfra"));
    }

    /**
     * @throws IllegalStateException under CI when something is unavailable
     */
    static ConditionEvaluationResult evaluate(Infra[] wanted, InfraResolver resolver) {
        try {
            for (Infra infra : wanted) {
                resolver.require(infra);
            }
        } catch (TestAbortedException e) {
            return ConditionEvaluationResult.disabled(e.getMessage());
        }
        return ConditionEvaluationResult.enabled("Darkroom test infrastructure available");
    }
}
