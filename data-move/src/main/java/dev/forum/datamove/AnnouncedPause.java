package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A write pause announced in a database's placement row ({@code forum_move.placement.paused_until}): a switch sets it
 * just before it holds the module's writes, and clears it when it commits or gives up. A switch whose process died in
 * between leaves it set; once past, it holds nothing (the module's processes wait only while it is ahead), but it is
 * stale, and {@code status} says so until a {@code move} run again or an {@code abort} ends it.
 *
 * @param until when it ends, in UTC, to the millisecond ({@code 2026-12-05 03:20:01.123 UTC})
 * @param ahead how far ahead of the server's clock it is; zero or negative when it is past (stale)
 */
record AnnouncedPause(String until, Duration ahead) {

    /**
     * The pause announced in this database's row of the module.
     *
     * @param connection a connection to the database (any session time zone)
     * @param module     the module
     * @return the pause, or null when none is announced, the module has no row or the database no placement table
     * @throws SQLException when the server fails
     */
    static AnnouncedPause read(Connection connection, String module) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select to_char(paused_until at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'),
                       (extract(epoch from paused_until - clock_timestamp()) * 1000)::bigint
                from forum_move.placement where module = ? and paused_until is not null""")) {
            query.setString(1, module);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? new AnnouncedPause(result.getString(1) + " UTC",
                        Duration.ofMillis(result.getLong(2))) : null;
            }
        } catch (SQLException e) {
            if (Placement.noPlacementTable(connection, e)) {
                return null;
            }
            throw e;
        }
    }

    /** Whether it is past: it holds no write any more, and only a switch that did not finish leaves one so. */
    boolean stale() {
        return ahead.isNegative() || ahead.isZero();
    }

    /**
     * For {@code status}.
     *
     * @return {@code write pause announced until 2026-12-05 03:20:01.123 UTC, 1800 ms ahead: the module's processes
     *         hold new writes until then} or {@code write pause announced until ..., 5 s ago: stale, left by a switch
     *         that did not finish; it holds no write; move (run again) or abort ends it}
     */
    String describe() {
        return "write pause announced until " + until + ", " + (stale()
                ? Durations.text(ahead) + " ago: stale, left by a switch that did not finish; it holds no write; move"
                        + " (run again) or abort ends it"
                : Durations.text(ahead) + " ahead: the module's processes hold new writes until then");
    }
}
