package dev.forum.datamove;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What to move and the bounds of the move.
 *
 * <p>The module's schema, its owner role and its runtime role follow {@code deploy/postgres/module-roles.sql}: the
 * schema is named after the module and exists on the target already (the bootstrap made it, owned by the owner
 * role); the target's tables are made by the module's own Flyway migrations run as the owner, up to the version the
 * source has, and the runtime role is granted their rows, as the module's process does at start-up.
 *
 * @param module          the module, which is also its schema's name (e.g. {@code posts})
 * @param ownerRole       the module's owner role on the target (runs the migrations)
 * @param ownerPassword   its password
 * @param runtimeRole     the module's runtime role on the target (granted the tables' rows), or null for none
 * @param migrations      Flyway location of the module's migrations, e.g. {@code classpath:db/migration/posts} or
 *                        {@code filesystem:modules/posts/impl/src/main/resources/db/migration/posts}
 * @param sequenceMargin  added to the source's sequence values when the target's are advanced (ids the source
 *                        might still hand out in flight never collide); 0 or more
 * @param catchUpTimeout  longest wait for the initial copy and catch-up before the switch
 * @param pauseBound      longest time writes to the module are held at the switch (and at verification); past it
 *                        the switch is abandoned and the source stays authoritative
 */
public record MoveSettings(String module, String ownerRole, String ownerPassword, String runtimeRole,
        String migrations, long sequenceMargin, Duration catchUpTimeout, Duration pauseBound) {

    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_]{0,20}");

    public MoveSettings {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new MoveException("module '" + module + "' is not a module name: 1-21 lower-case letters, digits or _");
        }
        if (sequenceMargin < 0) {
            throw new MoveException("sequence margin " + sequenceMargin + " is negative: give 0 or more");
        }
        if (pauseBound.isNegative() || pauseBound.isZero() || catchUpTimeout.isNegative() || catchUpTimeout.isZero()) {
            throw new MoveException("the pause bound and the catch-up timeout must be longer than 0");
        }
    }

    /** The defaults for the forum's modules: margin 1000, catch-up within 30 minutes, writes held at most 2 s. */
    public static MoveSettings of(String module, String ownerRole, String ownerPassword, String runtimeRole,
            String migrations) {
        return new MoveSettings(module, ownerRole, ownerPassword, runtimeRole, migrations, 1000,
                Duration.ofMinutes(30), Duration.ofSeconds(2));
    }

    /** Publication and subscription names of this module, e.g. {@code forum_move_posts}. */
    String publication() {
        return "forum_move_" + module;
    }

    /** The subscription (and its slot, on the publisher) that copies from {@code from} into {@code to}. */
    String subscription(Endpoint from, Endpoint to) {
        return "forum_move_" + module + "_" + from.label() + "_to_" + to.label();
    }
}
