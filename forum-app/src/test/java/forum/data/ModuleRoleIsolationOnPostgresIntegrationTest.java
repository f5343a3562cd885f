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
 * The whole forum on PostgreSQL set up by {@code deploy/postgres/module-roles.sql}: each module connects as
 * its own role, migrates and seeds its own schema, and cannot touch another module's schema or public.
 * {@code spring.datasource.username} stays the embedded default ({@code sa}, no such role here), so a
 * module that fell back to it instead of its own role could not start.
 */
@EnabledIfPostgres
@ExtendWith(ModuleRoles.DropWhenDone.class) // before @SpringBootTest: runs after the context is closed
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ModuleRoleIsolationOnPostgresIntegrationTest extends RunningForumTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static ModuleRoles roles;

    @DynamicPropertySource
    static void moduleRoles(DynamicPropertyRegistry properties) {
        roles = ModuleRoles.bootstrapFreshDatabase();
        properties.add("spring.datasource.url", roles::jdbcUrl);
        for (Role role : roles.all()) {
            properties.add("forum.datasource." + role.module() + ".username", role::name);
            properties.add("forum.datasource." + role.module() + ".password", role::password);
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
    void each_schema_and_everything_in_it_belongs_to_its_modules_role() {
        for (String module : ModuleRoles.MODULES) {
            String role = roles.role(module).name();
            assertThat(superuser("select pg_get_userbyid(nspowner) from pg_namespace where nspname = '" + module + "'"))
                    .as("owner of schema %s", module).isEqualTo(role);
            List<String> tables = new java.util.ArrayList<>(List.of(module, "flyway_schema_history"));
            if (module.equals("users")) {
                tables.addAll(List.of("credentials", "login_failures"));
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
    void a_module_role_reads_its_own_schema_only() throws SQLException {
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
            try (Connection connection = roles.connectAs(module)) {
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
        assertThat(allowed).as("statements a module role could run on another module's schema").isEmpty();
    }

    @Test
    void a_module_role_creates_only_in_its_own_schema() throws SQLException {
        for (String module : ModuleRoles.MODULES) {
            try (Connection connection = roles.connectAs(module)) {
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
                        .map(role -> role.module() + "=" + role.name()).collect(Collectors.joining(",")));
        assertThat(json(http.get("/api/users/1")).get("username").asString()).isEqualTo("marceline");
    }

    @Test
    void the_bootstrap_refuses_one_role_for_two_modules_and_changes_nothing() {
        ModuleRoles attempt = ModuleRoles.freshDatabase();
        Map<String, String> variables = new LinkedHashMap<>(attempt.variables());
        variables.put("threads_role", variables.get("users_role"));
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
        String names = attempt.all().stream().map(role -> "'" + role.name() + "'").collect(Collectors.joining(", "));
        assertThat(attempt.server().psql("postgres", "select count(*) from pg_roles where rolname in (" + names + ")"))
                .as("roles created").isEqualTo("0");
        assertThat(attempt.server().psql(attempt.database(),
                "select count(*) from pg_namespace where nspname in ('users', 'threads', 'posts')"))
                .as("schemas created").isEqualTo("0");
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
