package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replication objects of a module's moves in one database, and the rule of one move of a module at a time (and of
 * one writing run of it at a time: <b>Running</b> below): a {@code move} is refused at its start, before it writes
 * anything, while a move of the same module with another pair is live on its source or its target. The check comes
 * before the placement rows are read ({@link MovePair#open(boolean, MovePair.SidesCheck)}), so a move into or onward
 * from a database whose row a running move wrote is told of that move, not only of the row.
 *
 * <p><b>Live</b> means: the source's or the target's database has a subscription, or its server a replication slot of
 * that database, named {@code forum_move_<module>_<from>_to_<to>} ({@link MoveSettings#direction}) that is not one of
 * the pair's own two names ({@link MoveSettings#pairNames}). Whether it is in use does not matter: a slot no WAL sender
 * uses may be of a move whose subscriber is only disconnected for a while, or an orphan of a crashed or given-up move;
 * either way it is another move's to end, and the refusal says how ({@code abort} of that pair, or dropping the slot by
 * hand when its other database is gone). Such objects exist from a move's subscription until its abort, or, after its
 * switch, for as long as it keeps its way back (until {@code drop-source}); the way back of a finished move from B to A
 * has the names of a move from A to B, so the refusal names both readings. A name of the module's pattern that is no
 * move's ({@code forum_move_posts_x}, no {@code _to_}) is not counted, as the sweep leaves it too. The pair's own
 * objects are the same move's, so a re-run of the same pair (a resume after a crash) or its move back is not refused.
 *
 * <p><b>Running</b> covers what those objects cannot: a move from its first step until it has made its subscription,
 * and every other run that writes. Each {@code move}, {@code abort} and {@code drop-source} ({@link Command}) holds a
 * PostgreSQL session-level advisory lock of the module on the source's and the target's database for its whole run
 * ({@link #lockModule}: keys {@link #LOCK_CLASS} and the module name's {@link String#hashCode()}), taken in
 * {@link MovePair#open(boolean, MovePair.SidesCheck)}'s check, before the placement rows are read. A second writing
 * run of the module, of any pair (this one's too), that finds either held is refused before it reads a placement row
 * or writes anything, in one line naming the run that holds it when that run said what it is (its session's
 * {@code application_name}, {@code forum-data-move abort posts shared to a}; else "a move, abort or drop-source") and
 * what to do: wait until it has ended. So an abort cannot tear down replication under a running move, a drop-source
 * cannot drop the tables a running move back or re-run reads, and a move is not started under either. {@code status}
 * reads only and takes no lock: it shows where a running move is. The server releases the lock when the run's
 * connections close ({@link MovePair.Opened#close()} releases it first), at its end or when its process dies, so a
 * re-run of any of the three after a crash is not refused.
 */
final class ConcurrentMoves {

    /** The advisory lock's first key (PostgreSQL's two-key form), {@code 'fmov'} in ASCII: a move's, not the forum's. */
    static final int LOCK_CLASS = 0x666d6f76;

    private ConcurrentMoves() {
    }

    /** The commands of data-move that write, each of which holds the module's lock while it runs. */
    enum Command {
        MOVE("move", "a move"),
        ABORT("abort", "an abort"),
        DROP_SOURCE("drop-source", "a drop-source");

        private final String word;
        private final String some;

        Command(String word, String some) {
            this.word = word;
            this.some = some;
        }

        private static Command of(String word) {
            for (Command command : values()) {
                if (command.word.equals(word)) {
                    return command;
                }
            }
            throw new IllegalArgumentException(word);
        }
    }

    /** A run that holds the module's lock, as its session named itself ({@link #lockModule}). */
    record Holder(Command command, String from, String to) {

        /** The run in words, as the refusal and {@code status} both say it: {@code a move of posts from shared to a}. */
        String describe(String module) {
            return command.some + " of " + module + " from " + from + " to " + to;
        }
    }

    /** The {@code application_name} a run that holds the lock gives its sessions: command, module, from, to. */
    private static final Pattern HOLDER = Pattern.compile(
            "forum-data-move (move|abort|drop-source) ([a-z0-9]+) (\\S+) to (\\S+)");

    /**
     * Takes the module's lock on the source's and the target's database, each on that side's connection, held until
     * the connection closes (see the class comment), and names the run in each session's {@code application_name}
     * ({@code forum-data-move abort posts shared to a}) so that a run refused by it can say what holds it. Writes
     * nothing.
     *
     * @param t       a connection to the target, or null to take it on the source only (an abort whose target cannot be
     *                reached: every run that could change the source holds it there)
     * @param command the run that takes it
     * @throws MoveException (one line, nothing changed) when another run of a move, abort or drop-source of the module
     *                       holds it on either side, built by {@link #refusal}: {@code another data-move run (a move of
     *                       posts from shared to a) holds its lock on shared: this abort of posts, from shared to a, is
     *                       refused and nothing was changed; wait until that run has ended (status --module posts
     *                       --source shared --target a shows where it is)}
     */
    static void lockModule(Connection s, Endpoint source, Connection t, Endpoint target, MoveSettings settings,
            Command command) throws SQLException {
        String module = settings.module();
        for (int side = 0; side < 2; side++) {
            Connection connection = side == 0 ? s : t;
            if (connection == null) {
                continue;
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, module.hashCode());
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        throw new MoveException(refusal(holder(connection, module), side == 0 ? source : target,
                                command, source, target, module));
                    }
                }
            }
            try (PreparedStatement name = connection.prepareStatement("select set_config('application_name', ?, false)")) {
                name.setString(1, "forum-data-move " + command.word + " " + module + " " + source.label() + " to "
                        + target.label());
                name.executeQuery().close();
            }
        }
    }

    /**
     * The one refusal of a writing run by the module's lock, for all three commands.
     *
     * @param holder  what holds the lock, null when it did not say
     * @param at      the side where it is held
     * @param command this run, refused
     * @return one line: what holds the lock and where, that this run is refused with nothing changed, and to wait
     */
    static String refusal(Holder holder, Endpoint at, Command command, Endpoint source, Endpoint target, String module) {
        String held = holder == null ? "a move, abort or drop-source of " + module
                : holder.describe(module);
        String status = holder == null ? "its status" : "status --module " + module + " --source " + holder.from()
                + " --target " + holder.to();
        return "another data-move run (" + held + ") holds its lock on " + at.label() + ": this " + command.word + " of "
                + module + ", from " + source.label() + " to " + target.label() + ", is refused and nothing was changed;"
                + " wait until that run has ended (" + status + " shows where it is)";
    }

    /**
     * The run that holds the module's lock in the connected database, as its session named itself
     * ({@link #lockModule}); null when no session holds it now, or the one that does named no run of this module (a
     * name cut at PostgreSQL's 63 characters is not trusted). Reads only.
     */
    private static Holder holder(Connection connection, String module) throws SQLException {
        String name = holderName(connection, module);
        return name == null ? null : parse(name, module);
    }

    /**
     * Who holds the module's lock in the connected database, for {@code status}: null when nobody does, else e.g.
     * {@code held by a move of posts from shared to a}, or, for a session that did not say what it is, {@code held by
     * a session that does not say what it is (a move, abort or drop-source of posts, or another tool)}. Reads only.
     */
    static String lockStatus(Connection connection, String module) throws SQLException {
        String name = holderName(connection, module);
        if (name == null) {
            return null;
        }
        Holder holder = parse(name, module);
        return holder == null ? "held by a session that does not say what it is (a move, abort or drop-source of " + module
                + ", or another tool)"
                : "held by " + holder.describe(module);
    }

    /** The {@code application_name} of the session holding the module's lock here ("" if it has none); null if none holds it. */
    private static String holderName(Connection connection, String module) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select coalesce(a.application_name, '') from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.objsubid = 2 and l.classid::bigint = ?
                and l.objid::bigint = ? and l.database = (select oid from pg_database where datname = current_database())""")) {
            query.setLong(1, Integer.toUnsignedLong(LOCK_CLASS));
            query.setLong(2, Integer.toUnsignedLong(module.hashCode()));
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /** The run a session's {@code application_name} names, when it is a run of this module and not cut short; else null. */
    private static Holder parse(String name, String module) {
        Matcher matcher = name.length() >= 63 ? null : HOLDER.matcher(name);
        return matcher != null && matcher.matches() && matcher.group(2).equals(module)
                ? new Holder(Command.of(matcher.group(1)), matcher.group(3), matcher.group(4)) : null;
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
