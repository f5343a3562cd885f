package dev.forum.datamove;

import static dev.forum.datamove.Replication.exists;
import static dev.forum.datamove.Replication.sleep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The subscription of one module's move, on the side that copies (the subscriber): made to the other side's
 * publication ({@link Replication}) with a slot of the same name there ({@link ReplicationSlots}), paused and resumed
 * around a check, dropped, and asked whether it exists, runs and has copied every table. In: a connection to the
 * subscriber's database and the subscription's name ({@code forum_move_<module>_<from>_to_<to>}); out: the
 * subscription made, changed or dropped, or its state, or a {@link MoveException} when its worker does not stop or
 * start in time. Every method is safe to call again.
 */
final class Subscriptions {

    private Subscriptions() {
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
     * detached first so the drop succeeds; {@link ReplicationSlots#dropOrphanSlots} removes it once the publisher is back.
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

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
