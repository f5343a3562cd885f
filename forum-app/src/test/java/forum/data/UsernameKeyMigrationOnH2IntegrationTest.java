package forum.data;

import java.util.UUID;

/** The users module's V5 on existing data, on H2 in the embedded default's PostgreSQL mode. */
class UsernameKeyMigrationOnH2IntegrationTest extends UsernameKeyMigrationContract {

    @Override
    protected Database newDatabase() {
        return new Database("jdbc:h2:mem:v5-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
