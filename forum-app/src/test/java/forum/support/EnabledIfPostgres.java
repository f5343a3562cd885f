package forum.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs a test class only where a PostgreSQL server can be had; otherwise it is skipped with a message
 * that says how to get one. Where {@value PostgresServer#REQUIRED_ENV} is true (CI), a missing server fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfPostgres.Condition.class)
public @interface EnabledIfPostgres {

    class Condition implements ExecutionCondition {

        /**
         * One probe per test JVM: JUnit asks for the class and again for each test (400 rows of a parameterized test),
         * and each probe runs {@code pg_lsclusters}, about 70 ms.
         */
        private static final Supplier<Optional<String>> REASON =
                SingletonSupplier.of(() -> Optional.ofNullable(PostgresServer.unavailableReason()));

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason = REASON.get().orElse(null);
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
