package forum.system.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test class only where the named programs (and a JDK 25) are installed and usable ({@link ToolProbe}: each
 * answers, podman runs a container, the registry starts), found out before any work of the class; otherwise it is
 * skipped with one line naming the fix. Where {@value SystemTools#REQUIRED_ENV} is true (CI), that line fails the
 * class instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfSystemTools.Condition.class)
public @interface EnabledIfSystemTools {

    /** The programs the tests run, looked up on PATH and in the sbin folders. */
    String[] value();

    class Condition implements ExecutionCondition {

        /** One probe per set of programs and test JVM (the condition is asked for the class and each test). */
        private static final Map<List<String>, Optional<String>> REASONS = new ConcurrentHashMap<>();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String[] programs = context.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, EnabledIfSystemTools.class))
                    .map(EnabledIfSystemTools::value).orElse(new String[0]);
            String reason = REASONS.computeIfAbsent(List.of(programs),
                    list -> Optional.ofNullable(ToolProbe.ofThisMachine().unavailableReason(programs))).orElse(null);
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
