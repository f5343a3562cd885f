package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a module's move between two databases stands, read from both and changing nothing, so kept apart from the
 * move's own steps ({@link ModuleMove}) and its tear-down ({@link MoveAbort}): what each side holds, for
 * {@code data-move status} ({@link #of}), and which side is authoritative ({@link #authoritative}).
 */
public final class MoveStatus {

    private MoveStatus() {
    }

    /**
     * What {@code status} read: one line per fact, and the sides it could not read.
     *
     * @param lines     one line per fact of the sides read, source's first ({@link #of}); empty when neither was read
     * @param unreached the sides that could not be connected to, source's first: empty when both were read; with one,
     *                  the lines are the other side's only; with both, there are no lines
     */
    public record Report(List<String> lines, List<Unreached> unreached) {

        /** Copies both lists. */
        public Report {
            lines = List.copyOf(lines);
            unreached = List.copyOf(unreached);
        }
    }

    /**
     * A side {@code status} could not connect to (down, unreachable, a refused password, ...).
     *
     * @param side    its label ({@link Endpoint#label()})
     * @param failure why: its one-line failure, which names it ({@link Endpoint#connect})
     */
    public record Unreached(String side, MoveException failure) {
    }

    /**
     * One line per fact, source's first: each side's placement row, a write pause announced there (ahead, or stale:
     * {@link AnnouncedPause}), who holds the module's lock there (only while a run holds it:
     * {@link ConcurrentMoves#lockStatus}), this pair's subscriptions on it with where their tables are
     * ({@code enabled, its tables: 1 ready, 1 copying (posts.posts)}) and the module's replication slots there with
     * the WAL each keeps. Changes nothing.
     *
     * @param source   the move's source
     * @param target   the move's target
     * @param settings the move's settings (the module, its names)
     * @return e.g. {@code shared: placement names own at epoch 1 (read-only for the module)}
     * @throws MoveException (one line) as {@link #read}, and when a side cannot be connected to (that side's failure;
     *                       with both down, the source's, the target's suppressed in it)
     */
    public static List<String> of(Endpoint source, Endpoint target, MoveSettings settings) {
        Report report = read(source, target, settings);
        if (!report.unreached().isEmpty()) {
            MoveException first = report.unreached().getFirst().failure();
            report.unreached().stream().skip(1).forEach(other -> first.addSuppressed(other.failure()));
            throw first;
        }
        return report.lines();
    }

    /**
     * {@link #of}'s lines of each side that can be connected to: when one cannot (down, a refused password, ...), the
     * other side's lines, with that side's failure beside them; when neither can, no line and both failures. Changes
     * nothing.
     *
     * @param source   the move's source
     * @param target   the move's target
     * @param settings the move's settings (the module, its names)
     * @return the lines, and the sides not read
     * @throws MoveException (one line) when source and target carry the same label; when a side reached cannot be
     *                       read; or when no side read has a schema, placement row or replication of the module
     *                       ({@link ModuleNames#checkStatus}: a mistyped name is told the closest module there; a module
     *                       never moved is answered, not refused)
     */
    public static Report read(Endpoint source, Endpoint target, MoveSettings settings) {
        new MovePair(source, target, settings.module()); // refuses one database given twice, as every command does
        Connection s = null;
        Connection t = null;
        List<Unreached> unreached = new ArrayList<>();
        try {
            try {
                s = source.connect();
            } catch (MoveException e) {
                unreached.add(new Unreached(source.label(), e));
            }
            try {
                t = target.connect();
            } catch (MoveException e) {
                unreached.add(new Unreached(target.label(), e));
            }
            if (s == null && t == null) {
                return new Report(List.of(), unreached);
            }
            try {
                ModuleNames.checkStatus(s, source, t, target, settings,
                        unreached.isEmpty() ? null : unreached.getFirst().failure());
            } catch (SQLException e) {
                throw new MoveException("reading the modules of " + source.describe() + " and " + target.describe()
                        + " failed: " + Endpoint.oneLine(e), e);
            }
            List<String> pair = settings.pairNames(source, target);
            List<String> lines = new ArrayList<>();
            if (s != null) {
                lines.addAll(side(s, source, pair, settings));
            }
            if (t != null) {
                lines.addAll(side(t, target, pair, settings));
            }
            return new Report(lines, unreached);
        } finally {
            close(s);
            close(t);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Read only: nothing to undo, and the server ends the session.
            }
        }
    }

    /**
     * Which of the two databases takes the module's writes now, by the rule of the move: of the two placement rows
     * the higher epoch is right; no row on either side means the source. Changes nothing.
     *
     * @param source   the move's source
     * @param target   the move's target
     * @param settings the move's settings (the module)
     * @return the label of the source or of the target
     * @throws MoveException when source and target carry the same label, a side cannot be reached or the rows
     *                       contradict each other (one line)
     */
    public static String authoritative(Endpoint source, Endpoint target, MoveSettings settings) {
        try (MovePair.Opened both = new MovePair(source, target, settings.module()).open(false)) {
            return both.authority().authoritative();
        } catch (SQLException e) {
            throw new MoveException("reading the placement of " + settings.module() + " failed: " + Endpoint.oneLine(e), e);
        }
    }

    /** One side's lines: its placement row, the pair's subscriptions ({@code pair}) on it, the module's slots there. */
    private static List<String> side(Connection connection, Endpoint side, List<String> pair, MoveSettings settings) {
        List<String> lines = new ArrayList<>();
        try {
            Placement.Row row = Placement.read(connection, settings.module());
            lines.add(side.label() + ": " + (row == null ? "no placement row (no move has touched it)"
                    : "placement names " + row.authoritative() + " at epoch " + row.epoch()
                            + (row.authoritativeHere() ? " (takes the writes)" : " (read-only for the module)")));
            AnnouncedPause pause = AnnouncedPause.read(connection, settings.module());
            if (pause != null) {
                lines.add(side.label() + ": " + pause.describe());
            }
            String lock = ConcurrentMoves.lockStatus(connection, settings.module());
            if (lock != null) {
                lines.add(side.label() + ": the module's lock is " + lock);
            }
            for (String subscription : pair) {
                if (Subscriptions.subscriptionExists(connection, subscription)) {
                    lines.add(side.label() + ": subscription " + subscription
                            + (Subscriptions.subscriptionEnabled(connection, subscription) ? " enabled" : " DISABLED")
                            + ", its tables: " + tables(connection, subscription));
                }
            }
            ReplicationSlots.describeSlots(connection, settings).forEach(line -> lines.add(side.label() + ": " + line));
        } catch (SQLException e) {
            throw new MoveException("reading the state of " + side.describe() + " failed: " + Endpoint.oneLine(e), e);
        }
        return lines;
    }

    /** PostgreSQL's table states of a subscription ({@code pg_subscription_rel.srsubstate}), in the words status uses. */
    private static final Map<String, String> TABLE_STATES = Map.of(
            "i", "waiting to copy", "d", "copying", "f", "catching up", "s", "catching up", "r", "ready");

    /**
     * Where the subscription's tables are, counted by state in the order of a copy, each state but ready naming its
     * tables: {@code 1 ready, 1 copying (posts.posts)}; {@code none} when it has no table yet.
     */
    private static String tables(Connection subscriber, String subscription) throws SQLException {
        Map<String, List<String>> byState = new LinkedHashMap<>();
        for (String state : List.of("waiting to copy", "copying", "catching up", "ready")) {
            byState.put(state, new ArrayList<>());
        }
        try (PreparedStatement query = subscriber.prepareStatement("""
                select n.nspname || '.' || c.relname, r.srsubstate from pg_subscription_rel r
                join pg_subscription s on s.oid = r.srsubid join pg_class c on c.oid = r.srrelid
                join pg_namespace n on n.oid = c.relnamespace where s.subname = ? order by 1""")) {
            query.setString(1, subscription);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    byState.get(TABLE_STATES.getOrDefault(result.getString(2), "catching up")).add(result.getString(1));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        byState.forEach((state, names) -> {
            if (!names.isEmpty()) {
                parts.add(names.size() + " " + state + (state.equals("ready") ? "" : " (" + String.join(", ", names) + ")"));
            }
        });
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
