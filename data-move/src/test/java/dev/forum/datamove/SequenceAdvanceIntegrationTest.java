package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.datamove.server.InitdbServer;
import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.ModuleDatabases;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The target's sequences after a switch are past every id the source handed out, also when the source's sequence
 * was never read: the forum's sample data inserts posts 1-6 with explicit ids and restarts the sequence at 7, which
 * {@code pg_sequences} reports as null (found running the README's local move: the first post written on the target
 * would have collided with post 1). Two PostgreSQL 15 servers of its own.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SequenceAdvanceIntegrationTest {

    @Test
    void aSequenceRestartedPastExplicitIdsIsAdvancedOnTheTarget() throws Exception {
        Map<String, String> logical = Map.of("wal_level", "logical");
        try (InitdbServer shared = InitdbServer.temporary(logical); InitdbServer own = InitdbServer.temporary(logical);
                ModuleDatabases pair = new ModuleDatabases(shared, "shared", own, "own", "posts")) {
            pair.psql(pair.source, Files.readString(ModuleDatabases.ROOT.resolve(
                    "modules/posts/impl/src/main/resources/db/seed/posts/sample-data.sql")));
            assertEquals("", pair.psql(pair.source, "select last_value from pg_sequences where sequencename = 'posts_id_seq'"),
                    "pg_sequences says null for the restarted sequence");

            ModuleMove.Report report = new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();

            assertEquals(Map.of("posts_id_seq", 6L + 1000), report.sequences(), "the 6 ids taken, plus the margin");
            try (Connection connection = DriverManager.getConnection(pair.target.jdbcUrl(), ModuleDatabases.runtime("posts"),
                    ModuleDatabases.RUNTIME_PASSWORD);
                    ResultSet id = connection.createStatement().executeQuery(
                            "insert into posts.posts (thread_id, text, user_id) values (1, 'after the move', 1) returning id")) {
                id.next();
                assertEquals(1007, id.getLong(1), "the first post written on the target takes a fresh id");
            }
        }
    }
}
