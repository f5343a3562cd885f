package forum.api;

import forum.support.EnabledIfPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The tutorial's routes on a real PostgreSQL server: same migrations, same seed, same answers. */
@EnabledIfPostgres
class TutorialRoutesOnPostgresIntegrationTest extends TutorialRoutesContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.register(properties);
    }
}
