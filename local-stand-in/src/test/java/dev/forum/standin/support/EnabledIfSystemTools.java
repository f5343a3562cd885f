package dev.forum.standin.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where HAProxy (and, unless {@link #postgres()} is false, PostgreSQL with root) are
 * installed; otherwise it is skipped with a message saying how to get them. Where
 * {@value SystemTools#REQUIRED_ENV} is true (CI), a missing tool fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfSystemTools.Condition.class)
public @interface EnabledIfSystemTools {

    boolean postgres() default true;

    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean postgres = context.getElement().map(e -> e.getAnnotation(EnabledIfSystemTools.class))
                    .map(EnabledIfSystemTools::postgres).orElse(true);
            String reason = SystemTools.unavailableReason(postgres);
            if (reason == null) {
                return ConditionEvaluationResult.enabled("HAProxy" + (postgres ? " and PostgreSQL are" : " is") + " available");
            }
            if (SystemTools.required()) {
                throw new IllegalStateException(SystemTools.REQUIRED_ENV + " is set but " + reason);
            }
            return ConditionEvaluationResult.disabled("Skipped: " + reason);
        }
    }
}
