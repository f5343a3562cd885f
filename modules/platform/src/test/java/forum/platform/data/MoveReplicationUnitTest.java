package forum.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Whose replication a database's move objects are: a module is matched by the prefix {@code forum_move_<module>_},
 * and a module whose name data-move refuses ({@code order_items}: an {@code _}) has none, whatever the database holds.
 * The catalogs come from a stubbed pool answering as PostgreSQL would to the prefix asked for (the SQL itself runs in
 * forum-app's {@code MigrationFollowsTheDataIntegrationTest}).
 */
class MoveReplicationUnitTest {

    /** A move of module {@code order} from a database labelled {@code items_shared} to {@code own}: its two names. */
    private static final String ORDER_FROM_ITEMS_SHARED = "forum_move_order_items_shared_to_own";

    @Test
    void a_move_of_order_from_items_shared_is_order_s_and_not_that_of_a_module_order_items() throws SQLException {
        Catalogs catalogs = new Catalogs(ORDER_FROM_ITEMS_SHARED);
        assertEquals(List.of("subscription " + ORDER_FROM_ITEMS_SHARED, "slot " + ORDER_FROM_ITEMS_SHARED),
                MoveReplication.of(catalogs.dataSource, "order"));
        verify(catalogs.subscriptions).setString(1, "forum_move_order_");
        verify(catalogs.slots).setString(1, "forum_move_order_");

        // order_items (an _: data-move refuses the name) has no move replication: its prefix forum_move_order_items_
        // would take order's names for its own. The database is not read.
        Catalogs sameDatabase = new Catalogs(ORDER_FROM_ITEMS_SHARED);
        assertEquals(List.of(), MoveReplication.of(sameDatabase.dataSource, "order_items"));
        verifyNoInteractions(sameDatabase.dataSource);
    }

    @Test
    void a_name_data_move_refuses_otherwise_has_none_either() throws SQLException {
        for (String module : List.of("Orders", "9lives", "a".repeat(22))) {
            Catalogs catalogs = new Catalogs("forum_move_" + module + "_shared_to_own");
            assertEquals(List.of(), MoveReplication.of(catalogs.dataSource, module), module);
            verifyNoInteractions(catalogs.dataSource);
        }
    }

    /** A pool whose {@code pg_subscription} and {@code pg_replication_slots} each hold one row named {@code name}. */
    private static final class Catalogs {
        final DataSource dataSource = mock(DataSource.class);
        final PreparedStatement subscriptions;
        final PreparedStatement slots;

        Catalogs(String name) throws SQLException {
            subscriptions = oneRow(name);
            slots = oneRow(name);
            Connection connection = mock(Connection.class);
            when(connection.prepareStatement(contains("from pg_subscription"))).thenReturn(subscriptions);
            when(connection.prepareStatement(contains("from pg_replication_slots"))).thenReturn(slots);
            when(dataSource.getConnection()).thenReturn(connection);
        }

        private static PreparedStatement oneRow(String name) throws SQLException {
            ResultSetMetaData columns = mock(ResultSetMetaData.class);
            when(columns.getColumnCount()).thenReturn(1);
            ResultSet rows = mock(ResultSet.class);
            when(rows.next()).thenReturn(true, false);
            when(rows.getString(1)).thenReturn(name);
            when(rows.getMetaData()).thenReturn(columns);
            PreparedStatement query = mock(PreparedStatement.class);
            when(query.executeQuery()).thenReturn(rows);
            return query;
        }
    }
}
