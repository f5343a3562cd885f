package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The replication objects of a module's moves in one database, and the rule of one move of a module at a time: a
 * {@code move} is refused at its start, before it writes anything, while a move of the same module with another pair
 * is live on its source or its target. The check comes before the placement rows are read ({@link MovePair#open(boolean,
 * MovePair.SidesCheck)}), so a move into or onward from a database whose row a running move wrote is told of that move,
 * not only of the row.
 *
 * <p><b>Live</b> means: the source's or the target's database has a subscription, or its server a replication slot of
 * that database, named {@code forum_move_<module>_<from>_to_<to>} ({@link MoveSettings#direction}) that is not one of
 * the pair's own two names ({@link MoveSettings#pairNames}). Whether it is in use does not matter: a slot no WAL
 * sender uses may be of a move whose subscriber is only disconnected for a while, or an orphan of a crashed or given-up
 * move; either way it is another move's to end, and the refusal says how ({@code abort} of that pair, or dropping the
 * slot by hand when its other database is gone). Such objects exist from a move's subscription until its abort, or,
 * after its switch, for as long as it keeps its way back (until {@code drop-source}); the way back of a finished move
 * from B to A has the names of a move from A to B, so the refusal names both readings. A name of the module's pattern
 * that is no move's ({@code forum_move_posts_x}, no {@code _to_}) is not counted, as the sweep leaves it too. The
 * pair's own objects are the same move's, so a re-run of the same pair (a resume after a crash) or its move back is
 * not refused.
 *
 * <p><b>Running</b> covers what those objects cannot: a move from its first step until it has made its subscription.
 * Each {@code move} holds a PostgreSQL session-level advisory lock of the module on the source's and the target's
 * database for as long as it runs ({@link #lockModule}: keys {@link #LOCK_CLASS} and the module name's
 * {@link String#hashCode()}); a second {@code move} of the module, of any pair (this one's too), that finds either
 * held is refused before it writes anything. The server releases the lock when the move's connections close, at its
 * end or when its process dies, so a resume after a crash is not refused.
 */
final class ConcurrentMoves {

    /** The advisory lock's first key (PostgreSQL's two-key form), {@code 'fmov'} in ASCII: a move's, not the forum's. */
    static final int LOCK_CLASS = 0x666d6f76;

    private ConcurrentMoves() {
    }

    /**
     * Takes the module's move lock on the source's and the target's database, each on that side's connection, held
     * until the connection closes (see the class comment). Writes nothing.
     *
     * @throws MoveException (one line, nothing changed) when another {@code move} of the module holds it on either
     *                       side: {@code a move of posts is running now with shared (another data-move run holds its
     *                       lock there): a second move of posts, from shared to b, is refused and nothing was changed;
     *                       wait until that run has ended (its status shows where it is)}
     */
    static void lockModule(Connection s, Endpoint source, Connection t, Endpoint target, MoveSettings settings)
            throws SQLException {
        for (int side = 0; side < 2; side++) {
            Endpoint at = side == 0 ? source : target;
            try (PreparedStatement lock = (side == 0 ? s : t).prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, settings.module().hashCode());
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        throw new MoveException("a move of " + settings.module() + " is running now with " + at.label()
                                + " (another data-move run holds its lock there): a second move of " + settings.module()
                                + ", from " + source.label() + " to " + target.label() + ", is refused and nothing was"
                                + " changed; wait until that run has ended (its status shows where it is)");
                    }
                }
            }
        }
    }

    /**
     * One replication object of the module's moves in a database.
     *
     * @param kind   {@code subscription} (in this database, the subscriber) or {@code slot} (of this database, the
     *               publisher)
     * @param name   its name, {@code forum_move_<module>_...}
     * @param active a slot a WAL sender uses, or an enabled subscription
     */
    record MoveObject(String kind, String name, boolean active) {
    }

    /**
     * The module's subscriptions in the connected database and the replication slots of that database on its server,
     * whichever pair's (every name {@link MoveSettings#namePattern()} matches), sorted by name (a slot before a
     * subscription of the same name).
     */
    static List<MoveObject> of(Connection connection, MoveSettings settings) throws SQLException {
        List<MoveObject> objects = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select 'slot', slot_name::text, active from pg_replication_slots
                where slot_name like ? escape '!' and database = current_database()
                union all
                select 'subscription', subname::text, subenabled from pg_subscription
                where subname like ? escape '!' and subdbid = (select oid from pg_database where datname = current_database())
                order by 2, 1""")) {
            query.setString(1, settings.namePattern());
            query.setString(2, settings.namePattern());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    objects.add(new MoveObject(result.getString(1), result.getString(2), result.getBoolean(3)));
                }
            }
        }
        return objects;
    }

    /**
     * Refuses the move from {@code source} to {@code target} while another pair's move of the module is live on
     * either (see the class comment). Reads only.
     *
     * @throws MoveException (one line, nothing changed) naming the other move, the object found and where, and what to
     *                       do: {@code module posts is moving from shared to a (slot forum_move_posts_shared_to_a on
     *                       shared, in use): a second move of posts, from shared to b, is refused and nothing was
     *                       changed; wait until that move has ended (...), or end it with abort --module posts --source
     *                       shared --target a}
     */
    static void refuseOtherPairs(Connection s, Endpoint source, Connection t, Endpoint target, MoveSettings settings)
            throws SQLException {
        List<String> pairNames = settings.pairNames(source, target);
        String first = null;
        Set<String> moves = new LinkedHashSet<>();
        for (int side = 0; side < 2; side++) {
            Endpoint at = side == 0 ? source : target;
            for (MoveObject object : of(side == 0 ? s : t, settings)) {
                String[] direction = settings.direction(object.name());
                if (pairNames.contains(object.name()) || direction == null) {
                    continue;
                }
                if (first == null) {
                    first = describe(object, at, direction, source, target, settings);
                }
                moves.add("from " + direction[0] + " to " + direction[1]);
            }
        }
        if (first != null) {
            moves.remove(moves.iterator().next());
            throw new MoveException(first + (moves.isEmpty() ? "" : "; live there as well: the moves of "
                    + settings.module() + " " + String.join(", ", moves) + " (status shows their slots)"));
        }
    }

    private static String describe(MoveObject object, Endpoint at, String[] direction, Endpoint source, Endpoint target,
            MoveSettings settings) {
        String module = settings.module();
        String from = direction[0];
        String to = direction[1];
        String state = object.kind().equals("slot") ? (object.active() ? ", in use" : ", no WAL sender uses it")
                : (object.active() ? "" : ", disabled");
        String gone = object.kind().equals("slot") && !object.active() ? " (if " + to + " is gone: select"
                + " pg_drop_replication_slot('" + object.name() + "') on " + at.label() + ")" : "";
        return "module " + module + " is moving from " + from + " to " + to + " (" + object.kind() + " " + object.name()
                + " on " + at.label() + state + "): a second move of " + module + ", from " + source.label() + " to "
                + target.label() + ", is refused and nothing was changed; wait until that move has ended (a finished"
                + " move from " + to + " to " + from + " keeps it as its way back until drop-source --module " + module
                + " --source " + to + " --target " + from + "), or end it with abort --module " + module + " --source "
                + from + " --target " + to + gone;
    }
}
