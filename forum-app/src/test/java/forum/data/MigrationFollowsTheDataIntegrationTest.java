package forum.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.ModuleMove;
import dev.forum.datamove.SourceDrop;
import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import forum.platform.data.ModuleDatabase;
import forum.platform.data.ModuleDatabaseUnavailableException;
import forum.platform.data.ModuleMigrationRefusedException;
import forum.platform.data.ModulePlacement;
import forum.posts.NewPost;
import forum.posts.Post;
import forum.posts.PostId;
import forum.posts.PostsApi;
import forum.threads.ThreadId;
import forum.users.UserId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A release that adds a migration to a module whose data has moved to another database: the whole forum on two
 * PostgreSQL 15 servers ({@link LogicalServers}), the posts module moved from the shared database to its own by the
 * data move, then started as the next release with a migration {@code V4} the first release did not have. While the
 * move keeps a copy on the shared database (replication back, for a rollback), the release refuses to start and
 * changes nothing; after the operator's {@code drop-source}, it migrates the database that holds the data and never
 * makes the module's tables again on the shared one; a process given only the shared database, or one whose other
 * database does not answer, refuses to serve the module on the shared copy.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MigrationFollowsTheDataIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void a_later_migration_runs_where_the_data_is_never_during_a_move_and_never_recreates_the_old_copy(
            @TempDir Path release) throws Exception {
        Path migration = release.resolve("db/migration/posts/V4__post_notes.sql");
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, "alter table posts add column note varchar;\n");

        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts")) {
            Map<String, String> settings = ForumOnPostgres.settings(pair);
            long written;
            try (ConfigurableApplicationContext forum = ForumOnPostgres.start(settings)) {
                written = forum.getBean(PostsApi.class)
                        .create(new NewPost(new ThreadId(1), "written before the move", new UserId(1))).id().value();
            }
            new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();

            // The move keeps the shared copy in step (replication back): the new release must not start.
            var duringMove = assertThrows(RuntimeException.class, () -> ForumOnPostgres.startWith(release, settings));
            assertThat(refusal(duringMove).getMessage())
                    .contains("The posts module has 1 migration to run (V4 (post notes))", pair.target.jdbcUrl(),
                            "forum_move_posts_posts_own_to_shared", "must not run during a move");
            assertThat(refusal(duringMove).fix()).contains("data-move drop-source", "DropSourceTaskPosts");
            assertThat(version(pair, pair.source)).isEqualTo("3");
            assertThat(version(pair, pair.target)).isEqualTo("3");
            assertThat(hasNoteColumn(pair, pair.source)).isFalse();
            assertThat(hasNoteColumn(pair, pair.target)).isFalse();

            // The release that was running before it still starts, and serves from the database that holds posts.
            try (ConfigurableApplicationContext forum = ForumOnPostgres.start(settings)) {
                assertThat(placement(forum).authoritative()).isEqualTo(ModulePlacement.Side.MOVED);
                assertThat(forum.getBean(PostsApi.class).get(new PostId(written)).text())
                        .isEqualTo("written before the move");
            }

            new SourceDrop(pair.source, pair.target, pair.settings(), line -> { }).run();
            assertThat(tables(pair, pair.source)).isZero();

            // After drop-source the new release migrates the own database, twice (a restart finds nothing to do).
            for (int start = 1; start <= 2; start++) {
                try (ConfigurableApplicationContext forum = ForumOnPostgres.startWith(release, settings)) {
                    assertThat(placement(forum).authoritative()).isEqualTo(ModulePlacement.Side.MOVED);
                    Post read = forum.getBean(PostsApi.class).get(new PostId(written));
                    assertThat(read.text()).isEqualTo("written before the move");
                    forum.getBean(PostsApi.class).create(new NewPost(new ThreadId(1), "after V4 #" + start, new UserId(1)));
                }
                assertThat(version(pair, pair.target)).as("start %d", start).isEqualTo("4");
                assertThat(hasNoteColumn(pair, pair.target)).isTrue();
                assertThat(tables(pair, pair.source)).as("tables of posts on shared after start %d", start).isZero();
            }

            // A process given the shared database only would make empty tables there and serve them: it refuses.
            settings.remove("forum.datasource.posts.moved.url");
            var sole = assertThrows(RuntimeException.class, () -> ForumOnPostgres.startWith(release, settings));
            assertThat(refusal(sole).getMessage())
                    .contains("The posts module's data is on database posts_own (epoch 1), not on shared");
            assertThat(refusal(sole).fix()).contains("FORUM_DATASOURCE_POSTS_MOVED_URL");
            assertThat(tables(pair, pair.source)).isZero();

            // The database holding the data does not answer: the shared row names it, so the process does not fall
            // back to the shared copy; it fails naming the database it needs, after the pool's connection wait (30 s
            // by default, 2 s here: the setting is what bounds it).
            String nowhere = "jdbc:postgresql://127.0.0.1:" + unusedPort() + "/" + pair.database();
            settings.put("forum.datasource.posts.moved.url", nowhere);
            settings.put("forum.datasource.posts.connection-timeout", "2s");
            long asked = System.nanoTime();
            var unreachable = assertThrows(RuntimeException.class, () -> ForumOnPostgres.startWith(release, settings));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("refused after the 2 s connection wait")
                    .isLessThan(Duration.ofSeconds(25));
            assertThat(rootCauseOfType(unreachable, ModuleDatabaseUnavailableException.class).getMessage())
                    .contains("cannot open its database " + nowhere, "nothing answers at that address");
            assertThat(tables(pair, pair.source)).isZero();
        }
    }

    private static ModuleMigrationRefusedException refusal(Throwable failure) {
        return rootCauseOfType(failure, ModuleMigrationRefusedException.class);
    }

    private static <T extends Throwable> T rootCauseOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static ModulePlacement placement(ConfigurableApplicationContext forum) {
        return forum.getBean("postsDatabase", ModuleDatabase.class).placement();
    }

    /** The highest successful migration in the posts schema's history on that side. */
    private static String version(ModuleDatabases pair, Endpoint side) {
        return pair.psql(side, "select max(version::int) from posts.flyway_schema_history where success");
    }

    private static boolean hasNoteColumn(ModuleDatabases pair, Endpoint side) {
        return !pair.psql(side, "select 1 from information_schema.columns where table_schema = 'posts'"
                + " and table_name = 'posts' and column_name = 'note'").isEmpty();
    }

    private static int tables(ModuleDatabases pair, Endpoint side) {
        return Integer.parseInt(pair.psql(side, "select count(*) from pg_tables where schemaname = 'posts'"));
    }
}
