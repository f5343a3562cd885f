package dev.forum.datamove.support;

import dev.forum.datamove.server.InitdbServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where {@link InitdbServer} servers can be made; otherwise it is skipped with the fix.
 * Where {@code FORUM_REQUIRE_POSTGRES=true} (CI), a missing PostgreSQL fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfThrowawayPostgres.Condition.class)
public @interface EnabledIfThrowawayPostgres {

    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason = InitdbServer.unavailableReason();
            if (reason == null) {
                return ConditionEvaluationResult.enabled("PostgreSQL 15 binaries are available");
            }
            if (Boolean.parseBoolean(System.getenv("FORUM_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("FORUM_REQUIRE_POSTGRES is set but " + reason);
            }
            return ConditionEvaluationResult.disabled("Skipped: " + reason);
        }
    }
}
