package dev.forum.standin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class EnabledIfSystemToolsUnitTest {

    @Test
    void an_unusable_tool_skips_the_tests_or_where_they_are_required_fails_them_with_the_same_line() {
        ConditionEvaluationResult skipped = EnabledIfSystemTools.Condition.decide("HAProxy is not installed: install it", false);
        assertTrue(skipped.isDisabled());
        assertEquals("Skipped: HAProxy is not installed: install it", skipped.getReason().orElseThrow());

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> EnabledIfSystemTools.Condition.decide("HAProxy is not installed: install it", true));
        assertEquals("FORUM_REQUIRE_SYSTEM_TOOLS is set but HAProxy is not installed: install it", failed.getMessage());

        assertFalse(EnabledIfSystemTools.Condition.decide(null, true).isDisabled());
    }
}
