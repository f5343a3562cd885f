package dev.forum.datamove;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What each side of a module's move holds, for {@code data-move status} ({@link ModuleMove#status()}): read only, so
 * kept apart from the move's own steps.
 */
final class MoveStatus {

    private MoveStatus() {
    }

    /**
     * One line per fact, source's first: each side's placement row, this pair's subscriptions on it and the module's
     * replication slots there with the WAL each keeps. Changes nothing.
     *
     * @param source   the move's source
     * @param target   the move's target
     * @param settings the move's settings (the module, its names)
     * @return e.g. {@code shared: placement names own at epoch 1 (read-only for the module)}
     * @throws MoveException (one line) when a side cannot be reached or read, or neither side has a schema, placement
     *                       row or replication of the module ({@link ModuleNames#checkStatus})
     */
    static List<String> of(Endpoint source, Endpoint target, MoveSettings settings) {
        try (Connection s = source.connect(); Connection t = target.connect()) {
            try {
                ModuleNames.checkStatus(s, source, t, target, settings);
            } catch (SQLException e) {
                throw new MoveException("reading the modules of " + source.describe() + " and " + target.describe()
                        + " failed: " + Endpoint.oneLine(e), e);
            }
            List<String> pair = settings.pairNames(source, target);
            List<String> lines = new ArrayList<>(side(s, source, pair, settings));
            lines.addAll(side(t, target, pair, settings));
            return lines;
        } catch (SQLException e) {
            throw new MoveException("closing the connections to " + source.label() + " and " + target.label() + " failed: "
                    + Endpoint.oneLine(e), e);
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
            for (String subscription : pair) {
                if (Replication.subscriptionExists(connection, subscription)) {
                    lines.add(side.label() + ": subscription " + subscription
                            + (Replication.subscriptionEnabled(connection, subscription) ? " enabled" : " DISABLED"));
                }
            }
            Replication.describeSlots(connection, settings).forEach(line -> lines.add(side.label() + ": " + line));
        } catch (SQLException e) {
            throw new MoveException("reading the state of " + side.describe() + " failed: " + Endpoint.oneLine(e), e);
        }
        return lines;
    }
}
