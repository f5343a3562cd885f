package forum.system.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test class only where the named programs (and a JDK 25) are installed; otherwise it is skipped
 * with a message saying how to get them. Where {@value SystemTools#REQUIRED_ENV} is true (CI), a missing
 * program fails the class instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfSystemTools.Condition.class)
public @interface EnabledIfSystemTools {

    /** The programs the tests run, looked up on PATH and in the sbin folders. */
    String[] value();

    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String[] programs = context.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, EnabledIfSystemTools.class))
                    .map(EnabledIfSystemTools::value).orElse(new String[0]);
            String reason = SystemTools.unavailableReason(programs);
            if (reason == null) {
                return ConditionEvaluationResult.enabled("the system tools are installed");
            }
            if (SystemTools.required()) {
                throw new IllegalStateException(SystemTools.REQUIRED_ENV + " is set but " + reason);
            }
            return ConditionEvaluationResult.disabled("Skipped: " + reason);
        }
    }
}
