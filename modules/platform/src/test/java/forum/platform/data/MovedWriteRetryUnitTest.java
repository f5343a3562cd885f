package forum.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import forum.platform.ModuleApi;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

/** Which failures are a move's refusals, and which beans' methods the retry wraps. */
class MovedWriteRetryUnitTest {

    @ModuleApi("things")
    interface ThingsApi {
        String get();
    }

    static class ThingService implements ThingsApi {
        @Override
        public String get() {
            return "thing";
        }

        String internal() {
            return "internal";
        }
    }

    static class OtherService {
        public String get() {
            return "other";
        }
    }

    @Test
    void a_write_refused_as_read_only_or_held_past_the_lock_timeout_is_retried_wherever_it_is_wrapped() {
        SQLException readOnly = new SQLException("module things is read-only in database shared", "25006");
        assertTrue(MovedWriteRetry.refusedByMove(new UncategorizedSQLException("insert", "insert ...", readOnly)));
        assertTrue(MovedWriteRetry.refusedByMove(new IllegalStateException("wrapped",
                new UncategorizedSQLException("insert", "insert ...", new SQLException("lock timeout", "55P03")))));
    }

    @Test
    void other_failures_are_not_retried() {
        assertFalse(MovedWriteRetry.refusedByMove(new DataIntegrityViolationException("dup",
                new SQLException("duplicate key", "23505"))));
        assertFalse(MovedWriteRetry.refusedByMove(new SQLException("no state")));
        assertFalse(MovedWriteRetry.refusedByMove(new IllegalArgumentException("not SQL")));
    }

    @Test
    void it_wraps_the_public_methods_of_the_modules_api_implementation_only() throws Exception {
        MovedWriteRetry things = new MovedWriteRetry("things");
        assertTrue(things.matches(ThingService.class.getMethod("get"), ThingService.class));
        assertFalse(things.matches(ThingService.class.getDeclaredMethod("internal"), ThingService.class));
        assertFalse(things.matches(OtherService.class.getMethod("get"), OtherService.class));
        assertFalse(new MovedWriteRetry("posts").matches(ThingService.class.getMethod("get"), ThingService.class),
                "another module's API");
        assertEquals(Integer.MIN_VALUE + 100, things.getOrder(), "outside @Transactional's advice");
    }
}
