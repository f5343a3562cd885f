package forum.api;

import forum.support.EnabledIfPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Usernames unique regardless of case, on a real PostgreSQL server. */
@EnabledIfPostgres
class UsernameCaseOnPostgresIntegrationTest extends UsernameCaseContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        PostgresDatabase.register(properties);
    }
}
