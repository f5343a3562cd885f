package forum.api;

import forum.support.EnabledIfPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bad-input table on a real PostgreSQL server: the same answers as on H2, nothing written. */
@EnabledIfPostgres
class BadInputOnPostgresIntegrationTest extends BadInputContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.register(properties);
    }
}
