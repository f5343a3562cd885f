package dev.forum.datamove;

import static dev.forum.datamove.Replication.exists;
import static dev.forum.datamove.Replication.sleep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The replication slots of one module's moves on the side copied from (the publisher), and the WAL positions they
 * confirm: whether a pair's slot exists, the sweep of slots a dropped or failed subscription left behind (another
 * pair's slot is left and logged), the wait until a subscriber has confirmed the publisher's WAL up to a position,
 * and one line per slot for the status. In: a connection to the publisher's database, the slot's name
 * ({@code forum_move_<module>_<from>_to_<to>}) or the module's {@link MoveSettings}; out: the slots dropped or left,
 * a position, whether it was confirmed in time, or the lines. Every method is safe to call again.
 */
final class ReplicationSlots {

    private ReplicationSlots() {
    }

    static boolean slotExists(Connection publisher, String slot) throws SQLException {
        return exists(publisher, "select 1 from pg_replication_slots where slot_name = ?", slot);
    }

    /**
     * Sweeps the publisher's replication slots of the module's moves (of its database) after a subscription of the
     * pair {@code pairNames} was dropped or before one is made: each slot of the pair but {@code keep} (null: keep none)
     * is dropped, its WAL sender ended first, so that none holds WAL for a subscription that no longer exists. A slot
     * of another pair's move of the module (a move to a third database, in progress or given up) is left as it is and
     * logged, naming that pair, so the operator can abort that move itself.
     *
     * @param publisher     a connection to the publisher's database
     * @param publisherSide its label (for the log)
     * @param pairNames     the subscription and slot names of the pair ({@link MoveSettings#pairNames})
     * @return the slots of the module's other moves left on the publisher (empty when there are none)
     */
    static List<String> dropOrphanSlots(Connection publisher, String publisherSide, MoveSettings settings,
            List<String> pairNames, String keep, Consumer<String> log) throws SQLException {
        List<String[]> ours = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (PreparedStatement query = publisher.prepareStatement("""
                select slot_name, coalesce(active_pid, 0) from pg_replication_slots
                where slot_name like ? escape '!' and database = current_database() order by 1""")) {
            query.setString(1, settings.namePattern());
            try (ResultSet slots = query.executeQuery()) {
                while (slots.next()) {
                    String slot = slots.getString(1);
                    if (pairNames.contains(slot)) {
                        if (!slot.equals(keep)) {
                            ours.add(new String[] {slot, String.valueOf(slots.getInt(2))});
                        }
                    } else {
                        others.add(slot);
                        log.accept(otherMovesSlot(publisherSide, settings, slot, slots.getInt(2) != 0));
                    }
                }
            }
        }
        for (String[] slot : ours) {
            int pid = Integer.parseInt(slot[1]);
            try (PreparedStatement terminate = publisher.prepareStatement("select pg_terminate_backend(?) where ? <> 0")) {
                terminate.setInt(1, pid);
                terminate.setInt(2, pid);
                terminate.executeQuery().close();
            }
            dropUntilFree(publisher, slot[0]);
            log.accept("dropped orphaned replication slot " + slot[0]);
        }
        return others;
    }

    /**
     * The log line for a slot of the module's moves that is not of the pair acted on: which move it belongs to, and
     * how to end it when that move was given up.
     */
    private static String otherMovesSlot(String side, MoveSettings settings, String slot, boolean active) {
        String[] direction = settings.direction(slot);
        if (direction == null) {
            return "left replication slot " + slot + " on " + side + ": not a name of a move of " + settings.module();
        }
        String move = "it is of the move of " + settings.module() + " from " + direction[0] + " to " + direction[1]
                + ", not of this one";
        return "left replication slot " + slot + " on " + side + ": " + move + (active ? ", and in use"
                : ", and no WAL sender uses it: if that move was given up, run abort --source " + direction[0]
                        + " --target " + direction[1] + " (if " + direction[1] + " is gone: select pg_drop_replication_slot('"
                        + slot + "') on " + side + ")");
    }

    private static void dropUntilFree(Connection publisher, String slot) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (PreparedStatement drop = publisher.prepareStatement(
                    "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ?")) {
                drop.setString(1, slot);
                drop.executeQuery().close();
                return;
            } catch (SQLException active) {
                if (!"55006".equals(active.getSQLState()) || System.nanoTime() > deadline) {
                    throw active;
                }
                sleep(Duration.ofMillis(50));
                // A subscriber that is still there reconnects: end its WAL sender again.
                try (PreparedStatement terminate = publisher.prepareStatement("select pg_terminate_backend(active_pid)"
                        + " from pg_replication_slots where slot_name = ? and active_pid is not null")) {
                    terminate.setString(1, slot);
                    terminate.executeQuery().close();
                }
            }
        }
    }

    /** The publisher's current WAL position, as text ({@code 0/16B3748}). */
    static String currentLsn(Connection publisher) throws SQLException {
        try (Statement statement = publisher.createStatement();
                ResultSet result = statement.executeQuery("select pg_current_wal_lsn()::text")) {
            result.next();
            return result.getString(1);
        }
    }

    /**
     * Waits until the slot's subscriber has confirmed (flushed) the publisher's WAL up to {@code lsn}: every change
     * committed on the publisher before that position is then on the subscriber.
     *
     * @return false if {@code timeout} passed first
     */
    static boolean awaitConfirmed(Connection publisher, String slot, String lsn, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement query = publisher.prepareStatement("""
                select confirmed_flush_lsn >= ?::pg_lsn from pg_replication_slots where slot_name = ?""")) {
            query.setString(1, lsn);
            query.setString(2, slot);
            while (true) {
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next()) {
                        throw new MoveException("replication slot " + slot + " is gone from the publisher while waiting"
                                + " for catch-up: run the move again");
                    }
                    if (result.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                sleep(Duration.ofMillis(10));
            }
        }
    }

    /**
     * One line per replication slot of the module's moves (any pair's) on this server, of this database: name, whether
     * a WAL sender uses it, and the WAL it keeps from being removed (bytes from its restart position to the current
     * position).
     */
    static List<String> describeSlots(Connection connection, MoveSettings settings) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select slot_name, active, coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint
                from pg_replication_slots where slot_name like ? escape '!' and database = current_database()
                order by 1""")) {
            query.setString(1, settings.namePattern());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    lines.add("slot " + result.getString(1) + (result.getBoolean(2) ? " in use" : " NOT IN USE")
                            + ", keeps " + result.getLong(3) + " bytes of WAL");
                }
            }
        }
        return lines;
    }
}
