package forum.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a PostgreSQL server can be had; otherwise it is skipped with a message
 * that says how to get one. Where {@value PostgresServer#REQUIRED_ENV} is true (CI), a missing server fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfPostgres.Condition.class)
public @interface EnabledIfPostgres {

    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason = PostgresServer.unavailableReason();
            if (reason == null) {
                return ConditionEvaluationResult.enabled("PostgreSQL is available");
            }
            if (Boolean.parseBoolean(System.getenv(PostgresServer.REQUIRED_ENV))) {
                throw new IllegalStateException(PostgresServer.REQUIRED_ENV + " is set but " + reason);
            }
            return ConditionEvaluationResult.disabled("Skipped: " + reason);
        }
    }
}
