package dev.forum.datamove;

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
 * PostgreSQL logical replication objects of one module's move: the publication on each side naming the module's data
 * tables (never the migration history), the subscription on the side that copies and its slot on the side copied
 * from, the checks a server must pass, and the sweep of objects a failed run left behind. Every method is safe to
 * call again. Names: publication {@code forum_move_<module>}, subscription and slot
 * {@code forum_move_<module>_<from>_to_<to>} (labels of {@link Endpoint}).
 */
final class Replication {

    private Replication() {
    }

    /**
     * Checks that a server can take part: {@code wal_level = logical}, and free replication slots and WAL senders.
     *
     * @throws MoveException one line naming the server and the setting to change
     */
    static void checkServer(Connection connection, Endpoint server) throws SQLException {
        String walLevel = setting(connection, "wal_level");
        if (!"logical".equals(walLevel)) {
            throw new MoveException(server.describe() + " has wal_level=" + walLevel + ": set wal_level=logical and restart"
                    + " it (on RDS: rds.logical_replication=1 in its parameter group, then reboot)");
        }
        for (String limit : List.of("max_replication_slots", "max_wal_senders")) {
            if (Integer.parseInt(setting(connection, limit)) < 1) {
                throw new MoveException(server.describe() + " has " + limit + "=0: set it to 10 or more and restart it");
            }
        }
    }

    /** Creates the module's publication for {@code tables} if missing, or resets its table list. */
    static void publish(Connection connection, String publication, String module, List<String> tables) throws SQLException {
        List<String> qualified = tables.stream().map(table -> Placement.ident(module) + "." + Placement.ident(table)).toList();
        boolean exists = exists(connection, "select 1 from pg_publication where pubname = ?", publication);
        try (Statement statement = connection.createStatement()) {
            statement.execute((exists ? "alter publication " + Placement.ident(publication) + " set table "
                    : "create publication " + Placement.ident(publication) + " for table ") + String.join(", ", qualified));
        }
    }

    static void dropPublication(Connection connection, String publication) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop publication if exists " + Placement.ident(publication));
        }
    }

    /** Whether the subscription exists on this (subscriber's) database and is enabled. */
    static boolean subscriptionEnabled(Connection subscriber, String subscription) throws SQLException {
        return exists(subscriber, "select 1 from pg_subscription where subname = ? and subenabled", subscription);
    }

    /**
     * Disables the subscription, ends its workers and waits (at most {@code bound}) until they have exited, so that the
     * subscriber's tables stay as they are until {@link #resumeSubscription}. Ending them is safe (enabled again, the
     * subscription goes on from its slot's confirmed position) and quick: a disabled worker left alone notices only at
     * its next wake-up, about a second later (measured: writes held 1.1 s for the check of a million rows).
     *
     * @throws MoveException when a worker is still running after {@code bound}
     */
    static void pauseSubscription(Connection subscriber, String subscription, Duration bound) throws SQLException {
        try (Statement statement = subscriber.createStatement()) {
            statement.execute("alter subscription " + Placement.ident(subscription) + " disable");
        }
        try (PreparedStatement terminate = subscriber.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_subscription where subname = ? and pid is not null")) {
            terminate.setString(1, subscription);
            terminate.executeQuery().close();
        }
        long deadline = System.nanoTime() + bound.toNanos();
        while (exists(subscriber, "select 1 from pg_stat_subscription where subname = ? and pid is not null", subscription)) {
            if (System.nanoTime() > deadline) {
                throw new MoveException("the apply worker of " + subscription + " did not stop within " + bound.toMillis()
                        + " ms of disabling it; run the move again");
            }
            sleep(Duration.ofMillis(5));
        }
    }

    /**
     * Enables a subscription {@link #pauseSubscription paused} and waits (at most {@code bound}) until its apply worker
     * runs again: PostgreSQL 15's launcher starts it within {@code wal_retrieve_retry_interval} (5 s by default).
     *
     * @throws MoveException when it does not run within {@code bound}
     */
    static void resumeSubscription(Connection subscriber, String subscription, Duration bound) throws SQLException {
        try (Statement statement = subscriber.createStatement()) {
            statement.execute("alter subscription " + Placement.ident(subscription) + " enable");
        }
        long deadline = System.nanoTime() + bound.toNanos();
        while (!exists(subscriber, "select 1 from pg_stat_subscription where subname = ? and relid is null and pid is not null",
                subscription)) {
            if (System.nanoTime() > deadline) {
                throw new MoveException("the apply worker of " + subscription + " did not start again within "
                        + bound.toSeconds() + " s of enabling it (see pg_stat_subscription); run the move again");
            }
            sleep(Duration.ofMillis(20));
        }
    }

    static boolean subscriptionExists(Connection subscriber, String subscription) throws SQLException {
        return exists(subscriber, "select 1 from pg_subscription where subname = ?", subscription);
    }

    static boolean slotExists(Connection publisher, String slot) throws SQLException {
        return exists(publisher, "select 1 from pg_replication_slots where slot_name = ?", slot);
    }

    /**
     * Subscribes {@code subscriber} to {@code publisherEndpoint}'s publication; its slot is made on the publisher
     * by the same name.
     *
     * @param copyData whether the subscription first copies the tables' rows (a first move) or only streams changes
     *                 from now on (the way back, whose rows are already there)
     */
    static void subscribe(Connection subscriber, String subscription, Endpoint publisherEndpoint, String publication,
            boolean copyData) throws SQLException {
        try (Statement statement = subscriber.createStatement()) {
            statement.execute("create subscription " + Placement.ident(subscription) + " connection "
                    + literal(publisherEndpoint.conninfo()) + " publication " + Placement.ident(publication)
                    + " with (copy_data = " + copyData + ", slot_name = " + literal(subscription) + ")");
        }
    }

    /**
     * Drops the subscription, and its slot on the publisher with it. When the publisher cannot be reached the slot is
     * detached first so the drop succeeds; {@link #dropOrphanSlots} removes it once the publisher is back.
     */
    static void dropSubscription(Connection subscriber, String subscription) throws SQLException {
        if (!subscriptionExists(subscriber, subscription)) {
            return;
        }
        try (Statement statement = subscriber.createStatement()) {
            statement.execute("alter subscription " + Placement.ident(subscription) + " disable");
            try {
                statement.execute("drop subscription " + Placement.ident(subscription));
            } catch (SQLException unreachable) {
                statement.execute("alter subscription " + Placement.ident(subscription) + " set (slot_name = none)");
                statement.execute("drop subscription " + Placement.ident(subscription));
            }
        }
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

    /** Whether every table of the subscription has finished its initial copy (state {@code r}, ready). */
    static boolean copyDone(Connection subscriber, String subscription) throws SQLException {
        try (PreparedStatement query = subscriber.prepareStatement("""
                select count(*) filter (where r.srsubstate <> 'r'), count(*)
                from pg_subscription s join pg_subscription_rel r on r.srsubid = s.oid where s.subname = ?""")) {
            query.setString(1, subscription);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) == 0 && result.getLong(2) > 0;
            }
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

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MoveException("interrupted", e);
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select current_setting(?)")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
