package dev.forum.datamove;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The two databases of one module's move and the opening every operation on them shares ({@link ModuleMove},
 * {@link MoveAbort}, {@link MoveStatus#authoritative}, {@link SourceDrop}): both connected, each side's
 * {@link Placement} row read, and who is
 * authoritative by the rule of the move. Also the tear-down of the replication objects of the module's moves between
 * the two (never of its moves to or from a third database).
 */
final class MovePair {

    private final Endpoint source;
    private final Endpoint target;
    private final String module;

    /**
     * @throws MoveException when both endpoints carry the same label
     */
    MovePair(Endpoint source, Endpoint target, String module) {
        if (source.label().equals(target.label())) {
            throw new MoveException("source and target are both labelled '" + source.label() + "': give each database a label of its own");
        }
        this.source = source;
        this.target = target;
        this.module = module;
    }

    /**
     * Both sides opened.
     *
     * @param s         a connection to the source (the administrator's)
     * @param t         a connection to the target
     * @param onSource  the source's placement row, null when it has none
     * @param onTarget  the target's placement row, null when it has none
     * @param authority the row that is right ({@link Placement#authority}): the source at epoch 0 when neither has one
     */
    record Opened(Connection s, Connection t, Placement.Row onSource, Placement.Row onTarget, Placement.Row authority)
            implements AutoCloseable {
        /**
         * Releases a run's module lock ({@link ConcurrentMoves#lockModule}: a move's, an abort's or a drop-source's) and
         * closes both connections, the target's first; a failure to close the one is added to the other's.
         */
        @Override
        public void close() throws SQLException {
            unlock(s);
            unlock(t);
            try {
                t.close();
            } catch (SQLException e) {
                closeQuietly(s, e);
                throw e;
            }
            s.close();
        }
    }

    /** A check of both sides made before the placement rows are read ({@link #open(boolean, SidesCheck)}). */
    interface SidesCheck {
        /**
         * @param s a connection to the source
         * @param t a connection to the target
         * @throws MoveException to refuse (one line)
         */
        void check(Connection s, Connection t) throws SQLException;
    }

    /** {@link #open(boolean, SidesCheck)} with no check of its own. */
    Opened open(boolean checkServers) throws SQLException {
        return open(checkServers, (s, t) -> { });
    }

    /**
     * Connects to the source, then the target; checks that each server can replicate ({@link Replication#checkServer})
     * when {@code checkServers}; runs {@code before} (a writing run's module lock, and a move's refusal of another
     * move, {@link ConcurrentMoves}, which so come before anything is read of the rows that run writes); reads both
     * placement rows and finds the authority.
     * Whatever was connected is closed again when a step fails.
     *
     * @throws SQLException  when a server cannot be reached or read
     * @throws MoveException when a server cannot replicate, {@code before} refuses, or the rows name the wrong database
     *                       or contradict each other
     */
    Opened open(boolean checkServers, SidesCheck before) throws SQLException {
        Connection s = source.connect();
        try {
            Connection t = target.connect();
            try {
                Optional<String> oneServer = Replication.sourceDatabaseOnTargetServer(s, t);
                if (oneServer.isPresent() && oneServer.get().equals(t.getCatalog())) {
                    throw new MoveException("source " + source.describe() + " and target " + target.describe() + " are one"
                            + " database: give as --target the database the module moves to, on another PostgreSQL server");
                }
                if (checkServers) {
                    Replication.checkServer(s, source);
                    Replication.checkServer(t, target);
                }
                before.check(s, t);
                if (checkServers && oneServer.isPresent()) {
                    throw new MoveException("source " + source.describe() + " and target " + target.describe() + " are two"
                            + " databases of one PostgreSQL server, and a subscription cannot make its replication slot on"
                            + " its own server (CREATE SUBSCRIPTION would wait for itself): give a target on another server;"
                            + " nothing was changed");
                }
                Placement.Row onSource = Placement.read(s, module);
                Placement.Row onTarget = Placement.read(t, module);
                return new Opened(s, t, onSource, onTarget, authority(onSource, onTarget));
            } catch (SQLException | RuntimeException e) {
                closeQuietly(t, e);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(s, e);
            throw e;
        }
    }

    /** Who is authoritative of the two rows read from this pair's source and target ({@link Placement#authority}). */
    Placement.Row authority(Placement.Row onSource, Placement.Row onTarget) {
        return Placement.authority(onSource, source, onTarget, target, module);
    }

    /**
     * Drops the module's replication between two databases of a move, either way round, and nothing of its moves to
     * or from other databases: the subscription on {@code b} from {@code a}, the one on {@code a} from {@code b}, the
     * slots of this pair that no subscription uses on {@code a} and then {@code b} (each logged;
     * {@link ReplicationSlots#dropOrphanSlots}, which logs another pair's slot and leaves it), and the publication on each
     * side unless another pair's slot of the module is there, whose subscription reads it (then kept, and logged).
     * What is already gone is passed over.
     *
     * @return the labels of the sides whose publication was kept for another pair's move (empty when none)
     */
    static List<String> dropReplication(Connection a, Endpoint aSide, Connection b, Endpoint bSide, MoveSettings settings,
            Consumer<String> log) throws SQLException {
        List<String> pairNames = settings.pairNames(aSide, bSide);
        Subscriptions.dropSubscription(b, settings.subscription(aSide, bSide));
        Subscriptions.dropSubscription(a, settings.subscription(bSide, aSide));
        List<String> otherMovesOnA = ReplicationSlots.dropOrphanSlots(a, aSide.label(), settings, pairNames, null, log);
        List<String> otherMovesOnB = ReplicationSlots.dropOrphanSlots(b, bSide.label(), settings, pairNames, null, log);
        List<String> kept = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            Connection connection = side == 0 ? a : b;
            String label = (side == 0 ? aSide : bSide).label();
            List<String> others = side == 0 ? otherMovesOnA : otherMovesOnB;
            if (others.isEmpty()) {
                Replication.dropPublication(connection, settings.publication());
            } else {
                kept.add(label);
                log.accept("kept publication " + settings.publication() + " on " + label + ": a move of "
                        + settings.module() + " with another database reads it (" + (others.size() == 1 ? "slot " : "slots ")
                        + String.join(", ", others) + ")");
            }
        }
        return kept;
    }

    /**
     * Releases the session's advisory locks now, so that a move run right after this one (a resume in the same process)
     * does not find them held while the server is still ending the closed session. Best effort: a connection that
     * cannot do it is closed anyway, and the server releases them when the session ends.
     */
    private static void unlock(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            statement.execute("select pg_advisory_unlock_all()");
        } catch (SQLException ignored) {
            // Closed or broken: the session's end releases them.
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        unlock(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
