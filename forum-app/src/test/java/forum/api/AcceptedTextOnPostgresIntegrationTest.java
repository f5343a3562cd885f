package forum.api;

import forum.support.EnabledIfPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AcceptedTextContract} on a real PostgreSQL server: the same answers as on H2. */
@EnabledIfPostgres
class AcceptedTextOnPostgresIntegrationTest extends AcceptedTextContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.register(properties);
    }
}
