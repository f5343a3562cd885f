package forum.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.data.ModuleRoles.Role;
import forum.data.ModuleRoles.ScriptRun;
import forum.support.EnabledIfPostgres;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole forum on PostgreSQL set up by {@code deploy/postgres/module-roles.sql}: each module migrates and
 * seeds its own schema as its owner role, then serves as its runtime role, which can read and write the rows of
 * its own schema and nothing else: no DDL, no GRANT, no migration history, no other module's schema, no other
 * database, within its timeouts and connection limit. {@code spring.datasource.username} stays the embedded
 * default ({@code sa}, no such role here), so a module that fell back to it instead of its own roles could not start.
 */
@EnabledIfPostgres
@ExtendWith(ModuleRoles.DropWhenDone.class) // before @SpringBootTest: runs after the context is closed
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ModuleRoleIsolationOnPostgresIntegrationTest extends RunningForumTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String QUERY_CANCELED = "57014";
    private static final String TOO_MANY_CONNECTIONS = "53300";

    private static ModuleRoles roles;

    @DynamicPropertySource
    static void moduleRoles(DynamicPropertyRegistry properties) {
        roles = ModuleRoles.bootstrapFreshDatabase();
        properties.add("spring.datasource.url", roles::jdbcUrl);
        for (Role role : roles.all()) {
            properties.add("forum.datasource." + role.module() + ".username", role::name);
            properties.add("forum.datasource." + role.module() + ".password", role::password);
            properties.add("forum.datasource." + role.module() + ".owner.username", role::owner);
            properties.add("forum.datasource." + role.module() + ".owner.password", role::ownerPassword);
        }
        properties.add("forum.seed-data", () -> "always");
    }

    @Test
    void the_forum_runs_on_the_module_roles_and_serves_the_tutorial_data() {
        JsonNode posts = json(http.get("/api/posts/in-thread/1"));
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).get("text").asString()).isEqualTo("Has anyone checked on the lich recently?");
        assertThat(json(http.get("/api/users/1")).get("username").asString()).isEqualTo("marceline");
        assertThat(json(http.get("/api/threads/1")).get("title").asString()).isEqualTo("What's up with the Lich?");
        Reply readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).as("readiness, with every module's database: %s", readiness).isEqualTo(200);
    }

    @Test
    void each_module_writes_through_its_own_role() {
        Reply user = http.postJson("/api/users", "{\"username\":\"bmo\",\"name\":\"BMO\",\"bio\":\"Living game console\","
                + "\"password\":\"who-wants-to-play\"}");
        assertThat(user.status()).as("%s", user).isEqualTo(201);
        long userId = user.json().get("id").asLong();
        ForumHttp bmo = http.loggedInAs("bmo", "who-wants-to-play");
        Reply thread = bmo.postJson("/api/threads", "{\"title\":\"Who ate the last pie?\",\"createdBy\":" + userId + "}");
        assertThat(thread.status()).as("%s", thread).isEqualTo(201);
        long threadId = thread.json().get("id").asLong();
        Reply post = bmo.postJson("/api/posts", "{\"thread\":" + threadId + ",\"text\":\"Not me!\",\"user\":" + userId + "}");
        assertThat(post.status()).as("%s", post).isEqualTo(201);
        assertThat(json(http.get("/api/posts/in-thread/" + threadId))).hasSize(1);
    }

    @Test
    void each_schema_and_everything_in_it_belongs_to_its_modules_owner_who_ran_the_migrations() {
        for (String module : ModuleRoles.MODULES) {
            String role = roles.role(module).owner();
            assertThat(superuser("select pg_get_userbyid(nspowner) from pg_namespace where nspname = '" + module + "'"))
                    .as("owner of schema %s", module).isEqualTo(role);
            List<String> tables = new java.util.ArrayList<>(List.of(module, "flyway_schema_history", "data_version"));
            if (module.equals("users")) {
                tables.addAll(List.of("credentials", "login_failures", "client_budgets"));
            }
            assertThat(superuser("select tablename from pg_tables where schemaname = '" + module + "' order by 1").lines())
                    .as("tables of schema %s", module).containsExactlyInAnyOrderElementsOf(tables);
            List<String> owners = superuser("""
                    select c.relname || ' (' || c.relkind::text || ') ' || pg_get_userbyid(c.relowner)
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = '%s' order by 1""".formatted(module)).lines().toList();
            assertThat(owners).as("tables, sequences and indexes of schema %s", module)
                    .contains(module + " (r) " + role, "flyway_schema_history (r) " + role)
                    .allSatisfy(owner -> assertThat(owner).endsWith(" " + role));
            assertThat(superuser("select string_agg(distinct installed_by, ',') from " + module + ".flyway_schema_history"))
                    .as("who ran the migrations of %s", module).isEqualTo(role);
        }
        assertThat(superuser("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'"))
                .as("nothing in schema public").isEqualTo("0");
    }

    @Test
    void a_module_role_reads_and_writes_the_rows_of_its_own_schema_only() throws SQLException {
        try (Connection posts = roles.connectAs("posts"); Statement statement = posts.createStatement()) {
            posts.setAutoCommit(false);
            statement.executeUpdate("insert into posts.posts (thread_id, text, user_id) values (1, 'row test', 1)");
            statement.executeUpdate("update posts.posts set text = 'row test 2' where text = 'row test'");
            assertThat(statement.executeUpdate("delete from posts.posts where text = 'row test 2'")).isEqualTo(1);
            posts.rollback();
        }
        try (Connection posts = roles.connectAs("posts")) {
            assertThat(count(posts, "select count(*) from posts.posts")).isGreaterThanOrEqualTo(6);
            assertRefused(posts, "select * from users.users");
            assertRefused(posts, "select * from threads.threads");
        }
        try (Connection users = roles.connectAs("users")) {
            assertThat(count(users, "select count(*) from users.users")).isGreaterThanOrEqualTo(4);
            assertRefused(users, "select * from posts.posts");
        }
        List<String> allowed = new ArrayList<>();
        for (String module : ModuleRoles.MODULES) {
            for (Connection connection : List.of(roles.connectAs(module), roles.connectAsOwner(module))) {
                try (connection) {
                for (String other : others(module)) {
                    for (String sql : List.of("select * from %s.%s", "update %s.%s set id = id where false", "select * from %s.flyway_schema_history")) {
                        String statement = sql.formatted(other, other);
                        if (!refused(connection, statement)) {
                            allowed.add(module + ": " + statement);
                        }
                    }
                }
                }
            }
        }
        assertThat(allowed).as("statements a module role could run on another module's schema").isEmpty();
    }

    @Test
    void a_runtime_role_changes_no_schema_not_even_its_own() throws SQLException {
        for (String module : ModuleRoles.MODULES) {
            try (Connection connection = roles.connectAs(module)) {
                for (String statement : List.of(
                        "create table " + module + ".scratch (id int)",
                        "create view " + module + ".scratch as select 1 as one",
                        "alter table " + module + "." + module + " add column intruder int",
                        "drop table " + module + "." + module,
                        "create index intruder on " + module + "." + module + " (id)",
                        "truncate " + module + "." + module,
                        "alter table " + module + "." + module + " disable trigger all")) {
                    assertRefused(connection, statement);
                }
            }
        }
    }

    @Test
    void a_runtime_role_cannot_touch_the_migration_history_or_grant_its_rows_to_another_role() throws SQLException {
        for (String module : ModuleRoles.MODULES) {
            String other = roles.role(others(module).get(0)).name();
            try (Connection connection = roles.connectAs(module)) {
                assertRefused(connection, "select * from " + module + ".flyway_schema_history");
                assertRefused(connection, "delete from " + module + ".flyway_schema_history");
                // Without the grant option PostgreSQL grants nothing (with a warning): the other role still cannot read.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("grant select on " + module + "." + module + " to " + other);
                }
            }
            try (Connection connection = roles.connectAs(others(module).get(0))) {
                assertRefused(connection, "select * from " + module + "." + module);
            }
        }
    }

    @Test
    void a_runtime_role_works_within_timeouts_and_a_connection_limit() throws SQLException {
        try (Connection connection = roles.connectAs("posts"); Statement statement = connection.createStatement()) {
            assertThat(show(statement, "statement_timeout")).isEqualTo("5s");
            assertThat(show(statement, "lock_timeout")).isEqualTo("2s");
            assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("10s");
            assertThatThrownBy(() -> statement.execute("select pg_sleep(6)"))
                    .isInstanceOfSatisfying(SQLException.class, cancelled -> assertThat(cancelled.getSQLState()).isEqualTo(QUERY_CANCELED));
        }
        assertThat(superuser("select rolconnlimit from pg_roles where rolname = '" + roles.role("posts").name() + "'"))
                .isEqualTo(String.valueOf(ModuleRoles.CONNECTION_LIMIT));
        try (Connection connection = roles.connectAsOwner("posts"); Statement statement = connection.createStatement()) {
            assertThat(show(statement, "statement_timeout")).isEqualTo("10min");
        }

        ModuleRoles small = ModuleRoles.freshDatabase();
        Map<String, String> variables = new LinkedHashMap<>(small.variables());
        variables.put("posts_connection_limit", "2");
        ScriptRun run = small.runScript(variables);
        assertThat(run.exitCode()).as(run.output()).isZero();
        try (Connection first = small.connectAs("posts"); Connection second = small.connectAs("posts")) {
            assertThatThrownBy(() -> small.connectAs("posts").close())
                    .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState()).isEqualTo(TOO_MANY_CONNECTIONS));
        }
    }

    @Test
    void a_module_role_connects_to_no_other_database() throws SQLException {
        ModuleRoles other = ModuleRoles.bootstrapFreshDatabase();
        for (String module : ModuleRoles.MODULES) {
            Role role = roles.role(module);
            for (String[] login : List.of(new String[] {role.name(), role.password()}, new String[] {role.owner(), role.ownerPassword()})) {
                assertThatThrownBy(() -> java.sql.DriverManager.getConnection(other.jdbcUrl(), login[0], login[1]).close())
                        .as(login[0] + " into another forum database")
                        .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
        assertThat(superuser("select count(*) from pg_roles where rolname like '" + roles.role("posts").name() + "%' and (rolcreatedb or rolcreaterole or rolsuper)"))
                .as("no role may make databases or roles").isEqualTo("0");
    }

    @Test
    void the_bootstrap_reads_every_setting_from_the_environment_as_the_ecs_task_passes_them() {
        ModuleRoles fromEnvironment = ModuleRoles.freshDatabase();
        Map<String, String> variables = new LinkedHashMap<>(fromEnvironment.variables());
        variables.put("threads_connection_limit", "7");
        ScriptRun run = fromEnvironment.runScriptFromEnvironment(variables);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(fromEnvironment.server().psql(fromEnvironment.database(),
                "select rolconnlimit from pg_roles where rolname = '" + fromEnvironment.role("threads").name() + "'")).isEqualTo("7");
        assertThat(fromEnvironment.server().psql(fromEnvironment.database(),
                "select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'posts'")).isEqualTo(fromEnvironment.role("posts").owner());
    }

    @Test
    void an_owner_role_creates_only_in_its_own_schema() throws SQLException {
        for (String module : ModuleRoles.MODULES) {
            try (Connection connection = roles.connectAsOwner(module)) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create table " + module + ".scratch (id int)");
                } finally {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
                List<String> ddl = new ArrayList<>();
                for (String other : others(module)) {
                    ddl.add("create table " + other + ".intruder (id int)");
                    ddl.add("create view " + other + ".intruder as select 1 as one");
                }
                ddl.add("create table public.intruder (id int)");
                ddl.add("create function public.intruder() returns int language sql as 'select 1'");
                ddl.add("create schema intruder");
                ddl.add("create temporary table intruder (id int)");
                for (String statement : ddl) {
                    assertRefused(connection, statement);
                }
            }
        }
    }

    @Test
    void the_bootstrap_can_run_again_and_changes_nothing_that_works() {
        ScriptRun again = roles.runScript();
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(superuser("select string_agg(nspname || '=' || pg_get_userbyid(nspowner), ',' order by nspname) "
                + "from pg_namespace where nspname in ('users', 'threads', 'posts')"))
                .isEqualTo(roles.all().stream().sorted((a, b) -> a.module().compareTo(b.module()))
                        .map(role -> role.module() + "=" + role.owner()).collect(Collectors.joining(",")));
        assertThat(json(http.get("/api/users/1")).get("username").asString()).isEqualTo("marceline");
    }

    @Test
    void the_bootstrap_refuses_one_role_for_two_modules_and_changes_nothing() {
        ModuleRoles attempt = ModuleRoles.freshDatabase();
        Map<String, String> variables = new LinkedHashMap<>(attempt.variables());
        variables.put("threads_owner", variables.get("users_role"));
        ScriptRun refused = attempt.runScript(variables);
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("must differ");
        assertNothingMadeIn(attempt);
    }

    @Test
    void the_bootstrap_refuses_missing_variables_and_changes_nothing() {
        ModuleRoles attempt = ModuleRoles.freshDatabase();
        Map<String, String> variables = new LinkedHashMap<>(attempt.variables());
        variables.remove("posts_password");
        ScriptRun refused = attempt.runScript(variables);
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("posts_password");
        assertNothingMadeIn(attempt);
    }

    private static void assertNothingMadeIn(ModuleRoles attempt) {
        String names = attempt.all().stream().flatMap(role -> java.util.stream.Stream.of(role.name(), role.owner()))
                .map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        assertThat(attempt.server().psql("postgres", "select count(*) from pg_roles where rolname in (" + names + ")"))
                .as("roles created").isEqualTo("0");
        assertThat(attempt.server().psql(attempt.database(),
                "select count(*) from pg_namespace where nspname in ('users', 'threads', 'posts')"))
                .as("schemas created").isEqualTo("0");
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> others(String module) {
        return ModuleRoles.MODULES.stream().filter(other -> !other.equals(module)).toList();
    }

    private static String superuser(String sql) {
        return roles.server().psql(roles.database(), sql);
    }

    private static JsonNode json(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void assertRefused(Connection connection, String sql) {
        assertThatThrownBy(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class,
                refused -> assertThat(refused.getSQLState()).as("%s: %s", sql, refused.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    /** True if PostgreSQL refused the statement for want of privilege; any other failure is an error. */
    private static boolean refused(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return false;
        } catch (SQLException failed) {
            if (INSUFFICIENT_PRIVILEGE.equals(failed.getSQLState())) {
                return true;
            }
            throw failed;
        }
    }
}
