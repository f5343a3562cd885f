package forum.cache;

import forum.api.PostgresDatabase;
import forum.support.EnabledIfPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Kept read answers on a real PostgreSQL server. */
@EnabledIfPostgres
class CachedReadsOnPostgresIntegrationTest extends CachedReadsContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.register(properties);
    }
}
