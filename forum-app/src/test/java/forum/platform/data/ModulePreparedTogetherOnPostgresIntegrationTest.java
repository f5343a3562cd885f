package forum.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * Two processes that hold the same modules open them at the same moment on one PostgreSQL database, as two ECS tasks
 * of one service start, or a canary beside the monolith: both open every module, and each module's sample rows are
 * loaded once and its runtime role granted its rows. Without the module's preparation lock the second failed on the
 * first's work in flight (a duplicate key on the seed, {@code tuple concurrently updated} on the grants), and its
 * process exited before it was ready.
 *
 * <p>To make the two meet every time, not by chance, the test empties the module's table in a transaction it holds
 * open ({@code truncate ... cascade} keeps an exclusive lock on the table until commit): both processes migrate (nothing to do)
 * and then wait, for the table (to count its rows) or for the preparation lock; once both wait, the test commits,
 * and both find the table empty at once. The first open of each module, on the fresh database, runs unheld: both
 * migrate, seed and grant as they come.
 *
 * <p>In this package because {@code ModuleDatabases.open} is the platform's own; here, not in the platform's tests,
 * because the throwaway PostgreSQL servers are the data move's test support. The two "processes" are two
 * {@code ModuleDatabases} with pools of their own.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ModulePreparedTogetherOnPostgresIntegrationTest {

    private static final int HELD_STARTS = 3;
    private static final List<List<String>> MODULES = List.of(List.of("users", "users.users", "4"),
            List.of("threads", "threads.threads", "3"), List.of("posts", "posts.posts", "6"));

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void two_processes_opening_a_module_together_both_open_it_and_load_and_grant_it_once() throws Exception {
        ExecutorService processes = Executors.newFixedThreadPool(2);
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts")) {
            for (List<String> module : MODULES) {
                String name = module.get(0);
                String table = module.get(1);
                for (int start = 0; start <= HELD_STARTS; start++) {
                    String what = name + (start == 0 ? ", fresh database" : ", held start " + start);
                    if (start == 0) {
                        awaitBoth(openTogether(processes, pair, name, table));
                    } else {
                        try (Connection admin = pair.source.connect()) {
                            admin.setAutoCommit(false);
                            try (Statement statement = admin.createStatement()) {
                                statement.execute("truncate " + table + " cascade");
                            }
                            List<Future<?>> opened = openTogether(processes, pair, name, table);
                            awaitWaiting(pair, 2, what);
                            admin.commit();
                            awaitBoth(opened);
                        }
                    }
                    assertThat(pair.psql(pair.source, "select count(*) from " + table))
                            .as("%s: the sample rows, loaded once", what).isEqualTo(module.get(2));
                    assertThat(pair.psql(pair.source, "select has_table_privilege('" + ModuleDatabases.runtime(name)
                            + "', '" + table + "', 'insert')"))
                            .as("%s: the runtime role may write the rows", what).isEqualTo("t");
                }
            }
        } finally {
            processes.shutdownNow();
        }
    }

    /** Two processes open the module at once (a barrier releases both); each closes it again. */
    private static List<Future<?>> openTogether(ExecutorService processes, ModuleDatabases pair, String module,
                                                String seedTable) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> opened = new ArrayList<>();
        for (int process = 0; process < 2; process++) {
            forum.platform.data.ModuleDatabases databases = databases(pair);
            opened.add(processes.submit(() -> {
                together.await(1, TimeUnit.MINUTES);
                try (ModuleDatabase database = databases.open(module, seedTable)) {
                    return database.dataVersion();
                }
            }));
        }
        return opened;
    }

    private static void awaitBoth(List<Future<?>> opened) throws Exception {
        for (Future<?> each : opened) {
            each.get(2, TimeUnit.MINUTES);
        }
    }

    /** Waits (up to 30 s) until {@code sessions} sessions of the pair's database wait for a lock. */
    private static void awaitWaiting(ModuleDatabases pair, int sessions, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String waiting = "";
        while (System.nanoTime() < deadline) {
            waiting = pair.psql(pair.source, "select count(*) from pg_stat_activity"
                    + " where datname = current_database() and wait_event_type = 'Lock'");
            if (Integer.parseInt(waiting) >= sessions) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + ": " + sessions + " sessions never waited together (" + waiting + " did)");
    }

    /** One process's view: every module on the pair's source as its runtime role, migrated as its owner role. */
    private static forum.platform.data.ModuleDatabases databases(ModuleDatabases pair) {
        MockEnvironment settings = new MockEnvironment().withProperty("spring.datasource.url", pair.source.jdbcUrl());
        for (List<String> module : MODULES) {
            String name = module.get(0);
            settings.withProperty("forum.datasource." + name + ".username", ModuleDatabases.runtime(name))
                    .withProperty("forum.datasource." + name + ".password", ModuleDatabases.RUNTIME_PASSWORD)
                    .withProperty("forum.datasource." + name + ".owner.username", ModuleDatabases.owner(name))
                    .withProperty("forum.datasource." + name + ".owner.password", ModuleDatabases.OWNER_PASSWORD)
                    .withProperty("forum.datasource." + name + ".maximum-pool-size", "2");
        }
        return new forum.platform.data.ModuleDatabases(settings, SeedPolicy.ALWAYS, new JdbcMappingContext(),
                new JdbcCustomConversions(), JdbcPostgresDialect.INSTANCE, event -> { });
    }
}
