package dev.forum.standin.support;

import dev.forum.standin.db.LocalPostgres;
import dev.forum.standin.haproxy.HaproxyProcess;
import java.util.ArrayList;
import java.util.List;

/** What the system tests need from the machine: HAProxy, and PostgreSQL run as root. */
public final class SystemTools {

    /** Set (as {@code .ci/run} does) to make missing tools fail the system tests instead of skipping them. */
    public static final String REQUIRED_ENV = "FORUM_REQUIRE_SYSTEM_TOOLS";

    private SystemTools() {
    }

    /** Why the system tests cannot run here, or null if they can. */
    public static String unavailableReason(boolean needsPostgres) {
        List<String> reasons = new ArrayList<>();
        String haproxy = HaproxyProcess.unavailableReason();
        if (haproxy != null) {
            reasons.add(haproxy);
        }
        if (needsPostgres) {
            String postgres = LocalPostgres.unavailableReason();
            if (postgres != null) {
                reasons.add(postgres);
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getenv(REQUIRED_ENV));
    }
}
