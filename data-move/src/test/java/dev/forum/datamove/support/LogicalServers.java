package dev.forum.datamove.support;

import dev.forum.datamove.server.InitdbServer;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two throwaway PostgreSQL 15 servers ({@link InitdbServer}) set up for logical replication, a shared one and a
 * service's own, made before a test class's first test and stopped after its last. A JUnit 5 extension: a test class
 * holds one in a {@code @RegisterExtension static final} field (beside {@link EnabledIfThrowawayPostgres}) and makes a
 * fresh database pair per test on it ({@link ModuleDatabases}).
 */
public final class LogicalServers implements BeforeAllCallback, AfterAllCallback {

    /** Both servers' settings: logical decoding, room for a move's slots and WAL senders both ways. */
    public static final Map<String, String> SETTINGS = Map.of("wal_level", "logical", "max_wal_senders", "10",
            "max_replication_slots", "10", "wal_sender_timeout", "10s");

    private InitdbServer shared;
    private InitdbServer own;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = InitdbServer.temporary(SETTINGS);
        own = InitdbServer.temporary(SETTINGS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shared != null) {
            shared.close();
        }
        if (own != null) {
            own.close();
        }
    }

    /** The server of the shared database (the move's usual source). */
    public InitdbServer shared() {
        return shared;
    }

    /** The server of the service's own database (the move's usual target). */
    public InitdbServer own() {
        return own;
    }
}
