package dev.forum.standin.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test class only where HAProxy (and, unless {@link #postgres()} is false, PostgreSQL with root) are
 * installed and usable ({@code haproxy -v} answers); otherwise it is skipped with one line naming the fix. Where
 * {@value SystemTools#REQUIRED_ENV} is true (CI), a missing tool fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfSystemTools.Condition.class)
public @interface EnabledIfSystemTools {

    boolean postgres() default true;

    class Condition implements ExecutionCondition {

        /** One probe per test JVM and kind (JUnit asks for the class and again for each test): it runs programs. */
        private static final Map<Boolean, Optional<String>> REASONS = new ConcurrentHashMap<>();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            // The class's annotation, also when JUnit asks for one of its tests (the test has none of its own).
            boolean postgres = context.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, EnabledIfSystemTools.class))
                    .map(EnabledIfSystemTools::postgres).orElse(true);
            String reason = REASONS.computeIfAbsent(postgres,
                    needsPostgres -> Optional.ofNullable(SystemTools.unavailableReason(needsPostgres))).orElse(null);
            return decide(reason, SystemTools.required());
        }

        /** Enabled without a reason; with one, skipped, or (where the tools are required) an error with that line. */
        static ConditionEvaluationResult decide(String reason, boolean required) {
            if (reason == null) {
                return ConditionEvaluationResult.enabled("the system tools are installed and usable");
            }
            if (required) {
                throw new IllegalStateException(SystemTools.REQUIRED_ENV + " is set but " + reason);
            }
            return ConditionEvaluationResult.disabled("Skipped: " + reason);
        }
    }
}
