package forum.api;

import forum.support.EnabledIfPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Writes, paging and bad input on a real PostgreSQL server. */
@EnabledIfPostgres
class WriteRoutesOnPostgresIntegrationTest extends WriteRoutesContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.register(properties);
    }
}
