package dev.forum.datamove;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to move and the bounds of the move.
 *
 * <p>The module's schema, its owner role and its runtime role follow {@code deploy/postgres/module-roles.sql}: the
 * schema is named after the module and exists on the target already (the bootstrap made it, owned by the owner
 * role); the target's tables are made by the module's own Flyway migrations run as the owner, up to the version the
 * source has, and the runtime role is granted their rows, as the module's process does at start-up.
 *
 * @param module          the module, which is also its schema's name (e.g. {@code posts}): 1-21 lower-case letters or
 *                        digits, starting with a letter, no {@code _}, so that the replication names
 *                        {@code forum_move_<module>_<from>_to_<to>} of one module never match another's
 *                        ({@code forum_move_posts_x_shared_to_own} is {@code posts} from {@code x_shared}, never a
 *                        module {@code posts_x})
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

    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9]{0,20}");

    /**
     * @throws MoveException (one line) when the module is not a module name (an {@code _} in it would make the
     *                       replication names ambiguous), the margin is negative or a bound is not positive
     */
    public MoveSettings {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new MoveException("module '" + module + "' is not a module name: use 1-21 lower-case letters or digits,"
                    + " starting with a letter, no _ (the move's names forum_move_<module>_<from>_to_<to> would not tell"
                    + " a module posts_x from posts)");
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
        return namePrefix() + from.label() + "_to_" + to.label();
    }

    /**
     * The names of the subscriptions and slots of the move between {@code a} and {@code b}, either way round: the
     * only ones a command given that pair acts on.
     */
    List<String> pairNames(Endpoint a, Endpoint b) {
        return List.of(subscription(a, b), subscription(b, a));
    }

    /**
     * The LIKE pattern (escape {@code !}) of every subscription and slot name of this module's moves, whichever pair:
     * {@code forum_move_<module>_%}. It matches no other module's, as a module name has no {@code _}.
     */
    String namePattern() {
        return namePrefix().replace("_", "!_") + "%";
    }

    /** {@code forum_move_<module>_}: how every subscription and slot name of this module's moves begins. */
    private String namePrefix() {
        return "forum_move_" + module + "_";
    }

    private static final Pattern DIRECTION = Pattern.compile("(.+?)_to_(.+)");

    /**
     * Which move a subscription or slot of this module belongs to, read from its name: {@code
     * forum_move_posts_shared_to_third} is the move from {@code shared} to {@code third}. Unambiguous, as a label has
     * no word {@code to} ({@link Endpoint}).
     *
     * @return {@code {from, to}}, or null for a name that is not one of this module's moves
     */
    String[] direction(String name) {
        String prefix = namePrefix();
        if (!name.startsWith(prefix)) {
            return null;
        }
        Matcher matcher = DIRECTION.matcher(name.substring(prefix.length()));
        if (!matcher.matches() || !Endpoint.isLabel(matcher.group(1)) || !Endpoint.isLabel(matcher.group(2))) {
            return null;
        }
        return new String[] {matcher.group(1), matcher.group(2)};
    }
}
