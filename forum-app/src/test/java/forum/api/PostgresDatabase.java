package forum.api;

import forum.support.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test's Spring context at a fresh PostgreSQL database, seeded like the embedded default. */
public final class PostgresDatabase {

    private PostgresDatabase() {
    }

    public static void register(DynamicPropertyRegistry properties) {
        PostgresServer server = PostgresServer.instance();
        String database = server.newDatabase();
        properties.add("spring.datasource.url", () -> server.jdbcUrl(database));
        properties.add("spring.datasource.username", server::role);
        properties.add("spring.datasource.password", server::password);
        properties.add("forum.seed-data", () -> "always");
    }
}
