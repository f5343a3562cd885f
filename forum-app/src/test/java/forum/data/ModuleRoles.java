package forum.data;

import forum.support.PostgresServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database set up by {@code deploy/postgres/module-roles.sql}: two login roles per module (the owner of
 * its schema, which migrates, and the runtime role, which reads and writes rows), named uniquely for this run
 * (roles are cluster-wide). The roles are dropped again by {@link DropWhenDone}; the database itself is dropped by
 * {@link PostgresServer} at JVM exit.
 */
final class ModuleRoles {

    static final List<String> MODULES = List.of("users", "threads", "posts");

    /** The test JVM runs in forum-app/; the script lives at the repository's root. */
    static final Path SCRIPT = Path.of("..", "deploy", "postgres", "module-roles.sql").toAbsolutePath().normalize();

    private static final List<ModuleRoles> CREATED = new ArrayList<>();

    /** One module's roles: the runtime role ({@code name}) and the owner. */
    record Role(String module, String name, String password, String owner, String ownerPassword) {
    }

    /** The connection limit the script gives each runtime role here (above the pool's 10). */
    static final int CONNECTION_LIMIT = 20;

    /** What psql answered. */
    record ScriptRun(int exitCode, String output) {
    }

    private final PostgresServer server;
    private final String database;
    private final Map<String, Role> roles;

    private ModuleRoles(PostgresServer server, String database, Map<String, Role> roles) {
        this.server = server;
        this.database = database;
        this.roles = roles;
    }

    /** A new database with new module roles, set up by the bootstrap script; fails if the script fails. */
    static ModuleRoles bootstrapFreshDatabase() {
        ModuleRoles created = freshDatabase();
        ScriptRun run = created.runScript();
        if (run.exitCode() != 0) {
            throw new IllegalStateException(SCRIPT + " failed (exit " + run.exitCode() + "): " + run.output());
        }
        return created;
    }

    /** A new database and new role names, not set up yet; whatever of them exists is dropped at the end. */
    static synchronized ModuleRoles freshDatabase() {
        PostgresServer server = PostgresServer.instance();
        ModuleRoles created = new ModuleRoles(server, server.newDatabase(), newRoles());
        CREATED.add(created);
        return created;
    }

    /** Unique role names and random passwords for the three modules. */
    private static Map<String, Role> newRoles() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String module : MODULES) {
            roles.put(module, new Role(module, "forum_" + module + "_" + run, "pw-" + UUID.randomUUID(),
                    "forum_" + module + "_" + run + "_owner", "pw-" + UUID.randomUUID()));
        }
        return roles;
    }

    /**
     * The bootstrap script as the postgres superuser in a database, with the given psql variables and environment
     * (the script reads a variable not given with -v from the environment, as the ECS bootstrap task passes them).
     */
    private static ScriptRun runScript(PostgresServer server, String database, Map<String, String> variables,
            Map<String, String> environment) {
        byte[] script;
        try {
            script = Files.readAllBytes(SCRIPT);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of("runuser", "-p", "-u", "postgres", "--", "psql", "-X",
                "-p", Integer.toString(port(server, database)), "-d", database, "-v", "ON_ERROR_STOP=1"));
        variables.forEach((name, value) -> command.addAll(List.of("-v", name + "=" + value)));
        // The script goes in on standard input: the postgres user may not be allowed to read the build's
        // directory, or enter it (so the process runs from "/").
        command.addAll(List.of("-f", "-"));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(new File("/")).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(script);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("psql did not finish: " + output);
            }
            return new ScriptRun(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new IllegalStateException("psql could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The psql variables that give these roles to the script. */
    Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        roles.values().forEach(role -> {
            variables.put(role.module() + "_owner", role.owner());
            variables.put(role.module() + "_owner_password", role.ownerPassword());
            variables.put(role.module() + "_role", role.name());
            variables.put(role.module() + "_password", role.password());
            variables.put(role.module() + "_connection_limit", String.valueOf(CONNECTION_LIMIT));
        });
        return variables;
    }

    /** Runs the script (again) on this database with these roles. */
    ScriptRun runScript() {
        return runScript(variables());
    }

    /** Runs the script on this database with other variables. */
    ScriptRun runScript(Map<String, String> variables) {
        return runScript(server, database, variables, Map.of());
    }

    /** Runs the script with every variable in the environment (upper case) instead of on the command line. */
    ScriptRun runScriptFromEnvironment(Map<String, String> variables) {
        Map<String, String> environment = new LinkedHashMap<>();
        variables.forEach((name, value) -> environment.put(name.toUpperCase(java.util.Locale.ROOT), value));
        return runScript(server, database, Map.of(), environment);
    }

    Role role(String module) {
        return roles.get(module);
    }

    List<Role> all() {
        return List.copyOf(roles.values());
    }

    String database() {
        return database;
    }

    String jdbcUrl() {
        return server.jdbcUrl(database);
    }

    PostgresServer server() {
        return server;
    }

    /** A plain JDBC connection as a module's runtime role. */
    Connection connectAs(String module) throws SQLException {
        Role role = role(module);
        return DriverManager.getConnection(jdbcUrl(), role.name(), role.password());
    }

    /** A plain JDBC connection as a module's owner role. */
    Connection connectAsOwner(String module) throws SQLException {
        Role role = role(module);
        return DriverManager.getConnection(jdbcUrl(), role.owner(), role.ownerPassword());
    }

    /**
     * Ends the roles' sessions (an open connection pool would otherwise keep them), then, one role at a
     * time (PostgreSQL can trip over a default privilege between two roles dropped together), drops what
     * it owns in the database and its privileges, then the role.
     */
    private void drop() {
        String quoted = all().stream().flatMap(role -> java.util.stream.Stream.of(role.name(), role.owner()))
                .map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        List<String> existing = server.psql("postgres", "select rolname from pg_roles where rolname in (" + quoted + ")")
                .lines().filter(line -> !line.isBlank()).toList();
        if (existing.isEmpty()) {
            return;
        }
        server.psql("postgres", "select count(pg_terminate_backend(pid)) from pg_stat_activity where usename in (" + quoted + ")");
        boolean databaseExists = "1".equals(server.psql("postgres", "select count(*) from pg_database where datname = '" + database + "'"));
        for (String role : existing) {
            if (databaseExists) {
                server.psql(database, "drop owned by " + role + " cascade");
            }
            // Privileges on shared objects (CONNECT on the database) go with drop owned in any database.
            server.psql("postgres", "drop owned by " + role + " cascade");
        }
        server.psql("postgres", "drop role " + String.join(", ", existing));
    }

    /** Drops every role made so far; safe to call more than once. */
    static synchronized void dropAll() {
        RuntimeException failure = null;
        for (ModuleRoles created : CREATED) {
            try {
                created.drop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        CREATED.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Drops the roles after the test class. Declare it before {@code @SpringBootTest}: extensions' after-all
     * callbacks run in reverse order, so with {@code @DirtiesContext(classMode = AFTER_CLASS)} the Spring
     * context (and its pools) is closed first. Ending the roles' sessions makes it work with the context
     * still open, too.
     */
    static final class DropWhenDone implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            dropAll();
        }
    }

    private static int port(PostgresServer server, String database) {
        return URI.create(server.jdbcUrl(database).substring("jdbc:".length())).getPort();
    }
}
