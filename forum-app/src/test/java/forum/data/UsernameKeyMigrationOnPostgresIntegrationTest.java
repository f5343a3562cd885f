package forum.data;

import forum.support.EnabledIfPostgres;
import forum.support.PostgresServer;

/** The users module's V5 on existing data, on a real PostgreSQL server. */
@EnabledIfPostgres
class UsernameKeyMigrationOnPostgresIntegrationTest extends UsernameKeyMigrationContract {

    @Override
    protected Database newDatabase() {
        PostgresServer server = PostgresServer.instance();
        return new Database(server.jdbcUrl(server.newDatabase()), server.role(), server.password());
    }
}
