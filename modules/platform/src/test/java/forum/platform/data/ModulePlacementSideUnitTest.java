package forum.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import forum.platform.data.ModulePlacement.Side;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Which side a process trusts from the placement rows it can read: a row that names another database than its own
 * names the other side, even when that side cannot be read, so a process never falls back to the copy; with both
 * rows, the higher epoch's word. The rows come from stubbed pools (the SQL itself runs in the PostgreSQL tests).
 */
class ModulePlacementSideUnitTest {

    private static final String SHARED = "shared";
    private static final String OWN = "posts_own";

    @Test
    void a_home_row_naming_the_other_database_sends_the_module_there_while_that_database_is_down() throws Exception {
        assertEquals(Side.MOVED, sideAfterReading(row(SHARED, OWN, 1), unreachable()));
    }

    @Test
    void a_home_row_naming_itself_keeps_the_module_home() throws Exception {
        assertEquals(Side.HOME, sideAfterReading(row(SHARED, SHARED, 2), unreachable()));
    }

    @Test
    void with_home_down_the_moved_row_decides_whether_it_names_itself_or_home() throws Exception {
        assertEquals(Side.MOVED, sideAfterReading(unreachable(), row(OWN, OWN, 1)));
        assertEquals(Side.HOME, sideAfterReading(unreachable(), row(OWN, SHARED, 2)));
    }

    @Test
    void with_both_rows_the_higher_epoch_decides() throws Exception {
        // Moved to posts_own at epoch 1 (the home row's word), then back at epoch 2 (the moved row's word).
        assertEquals(Side.HOME, sideAfterReading(row(SHARED, OWN, 1), row(OWN, SHARED, 2)));
        assertEquals(Side.MOVED, sideAfterReading(row(SHARED, OWN, 3), row(OWN, SHARED, 2)));
    }

    @Test
    void a_database_without_the_table_counts_as_no_row() throws Exception {
        DataSource noTable = failing(new SQLException("relation \"forum_move.placement\" does not exist", "42P01"));
        assertEquals(Side.MOVED, sideAfterReading(noTable, row(OWN, OWN, 1)));
    }

    @Test
    void nothing_readable_leaves_the_module_home_with_no_epoch() {
        try (ModulePlacement placement = new ModulePlacement("posts", unreachable(), unreachable(), Duration.ofSeconds(1))) {
            placement.refreshNow();
            assertEquals(Side.HOME, placement.authoritative());
            assertEquals(-1, placement.epoch());
        }
    }

    private static Side sideAfterReading(DataSource home, DataSource moved) {
        try (ModulePlacement placement = new ModulePlacement("posts", home, moved, Duration.ofSeconds(1))) {
            placement.refreshNow();
            return placement.authoritative();
        }
    }

    /** A pool whose database holds the module's row: {@code here}, {@code authoritative}, {@code epoch}, no pause. */
    private static DataSource row(String here, String authoritative, long epoch) throws SQLException {
        ResultSet rows = mock(ResultSet.class);
        when(rows.next()).thenReturn(true);
        when(rows.getString(1)).thenReturn(here);
        when(rows.getString(2)).thenReturn(authoritative);
        when(rows.getLong(3)).thenReturn(epoch);
        when(rows.getLong(4)).thenReturn(0L);
        PreparedStatement query = mock(PreparedStatement.class);
        when(query.executeQuery()).thenReturn(rows);
        Connection connection = mock(Connection.class);
        when(connection.prepareStatement(anyString())).thenReturn(query);
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenReturn(connection);
        return dataSource;
    }

    private static DataSource unreachable() {
        return failing(new SQLException("Connection to 127.0.0.1:1 refused", "08001"));
    }

    private static DataSource failing(SQLException failure) {
        DataSource dataSource = mock(DataSource.class);
        try {
            when(dataSource.getConnection()).thenThrow(failure);
        } catch (SQLException impossible) {
            throw new AssertionError(impossible);
        }
        return dataSource;
    }
}
