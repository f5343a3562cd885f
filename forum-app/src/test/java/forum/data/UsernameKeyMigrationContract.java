package forum.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * The users module's V5 (usernames unique regardless of case) on a database that already holds users: it fills the
 * key of every row and from then on the database itself refuses a name in another case; where existing names differ
 * only by case it fails naming them, and changes nothing, rather than pick one. Each test gets a database of its own.
 */
abstract class UsernameKeyMigrationContract {

    /** A JDBC URL of a new, empty database, and the user and password that own it. */
    protected record Database(String url, String user, String password) {
    }

    protected abstract Database newDatabase();

    private static Flyway users(Database database, String target) {
        return Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .schemas("users").createSchemas(true).table("flyway_schema_history")
                .locations("classpath:db/migration/users").failOnMissingLocations(true).target(target).load();
    }

    /** A database of the users module at V4 (before the key) holding users with these names, ids 1, 2, ... */
    private Database atV4With(String... usernames) throws SQLException {
        Database database = newDatabase();
        users(database, "4").migrate();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String username : usernames) {
                statement.executeUpdate("insert into users.users (username, name) values ('" + username + "', 'Someone')");
            }
        }
        return database;
    }

    private static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static List<String> column(Database database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static String stateOf(Database database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
            return null;
        } catch (SQLException refused) {
            return refused.getSQLState();
        }
    }

    @Test
    void fills_the_key_of_existing_users_then_the_database_refuses_a_name_in_another_case() throws SQLException {
        Database database = atV4With("BMO", "finn", "Tree.Trunks");

        users(database, "latest").migrate();

        assertThat(column(database, "select username || '=' || username_key from users.users order by id"))
                .containsExactly("BMO=bmo", "finn=finn", "Tree.Trunks=tree.trunks");
        // What two processes racing would do, past the application's check: the unique key refuses the second.
        assertThat(stateOf(database, "insert into users.users (username, username_key, name) values ('bmo', 'bmo', 'x')"))
                .as("unique violation").isEqualTo("23505");
        // A key that is not the folded username is refused too, so the key cannot be written around.
        assertThat(stateOf(database, "insert into users.users (username, username_key, name) values ('FINN', 'finn2', 'x')"))
                .as("check violation (H2 says 23513, PostgreSQL 23514)").isIn("23513", "23514");
        assertThat(stateOf(database, "insert into users.users (username, username_key, name) values ('Jake', 'jake', 'x')"))
                .isNull();
        // A process of the version before V5 knows no key: its insert must not fail while both versions run.
        assertThat(stateOf(database, "insert into users.users (username, name) values ('Marceline', 'x')")).isNull();
    }

    @Test
    void existing_names_that_differ_only_by_case_fail_the_migration_naming_them_and_change_nothing() throws SQLException {
        Database database = atV4With("bmo", "pb", "BMO", "Finn", "finn", "bMo");

        assertThatThrownBy(() -> users(database, "latest").migrate())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("usernames that differ only by case (bmo (id 1), BMO (id 3), bMo (id 6); Finn (id 4),"
                        + " finn (id 5)). Rename all but one of each group");

        // No V5 applied (H2 commits each DDL statement, so Flyway records a failed V5 there; nothing of it ran).
        assertThat(column(database, "select version from users.flyway_schema_history where success order by installed_rank"))
                .last().isEqualTo("4");
        assertThat(column(database, "select column_name from information_schema.columns"
                + " where table_schema = 'users' and table_name = 'users' and column_name = 'username_key'")).isEmpty();
        assertThat(column(database, "select username from users.users order by id"))
                .containsExactly("bmo", "pb", "BMO", "Finn", "finn", "bMo");
    }
}
