package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forum.standin.db.LocalPostgres;
import dev.forum.standin.support.Checkout;
import dev.forum.standin.support.EnabledIfSystemTools;
import dev.forum.standin.support.SystemTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database bootstrap image as the ECS task runs it: built by {@code deploy/images/build-db-bootstrap.sh}, run
 * under podman with a read-only root, no capability and an init process, configured by environment variables only,
 * against this machine's PostgreSQL as an admin that is not a superuser but has CREATEROLE and owns the database
 * (as RDS's master user). It makes two roles per module with their limits and a schema per module owned by the
 * owner role. (The local server has no TLS, so the test overrides the image's {@code PGSSLMODE=verify-full}.)
 */
@EnabledIfSystemTools
@Timeout(600)
class DatabaseBootstrapImageSystemTest {

    private static final List<String> MODULES = List.of("users", "threads", "posts");

    @TempDir
    Path dir;

    @Test
    void theImageMakesTwoRolesPerModuleAsANonSuperuserAdminConfiguredByEnvironmentOnly() throws Exception {
        for (String tool : List.of("podman", "umoci", "skopeo", "runc")) {
            boolean present = run(Map.of(), "sh", "-c", "command -v " + tool).exit() == 0;
            if (!present && SystemTools.required()) {
                throw new IllegalStateException(SystemTools.REQUIRED_ENV + " is set but " + tool + " is missing");
            }
            assumeTrue(present, tool + " is missing: apt-get install podman umoci skopeo runc");
        }
        Path root = Checkout.root();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path image = dir.resolve("db-bootstrap.tar");
        // A name of this run's own, so that two runs on one machine never remove each other's image.
        Result build = run(Map.of(), root.resolve("deploy/images/build-db-bootstrap.sh").toString(),
                "oci-archive:" + image + ":db-bootstrap-" + run);
        assertEquals(0, build.exit(), build.output());

        // The project's podman settings (DEVELOPERS.md, "Podman settings"), as every podman call gets them.
        Path conf = root.resolve("deploy/podman/containers.conf");
        String admin = "bootstrap_admin_" + run;
        String database = "bootstrap_" + run;
        try (LocalPostgres postgres = LocalPostgres.start(root.resolve("deploy/postgres/module-roles.sql"), MODULES)) {
            List<String> made = new ArrayList<>(List.of(admin));
            String loaded = null;
            try {
                postgres.psql("postgres", "create role " + admin + " login createrole password 'admin-" + run + "'");
                postgres.psql("postgres", "create database " + database + " owner " + admin);
                List<String> command = new ArrayList<>(List.of("podman", "run", "--rm", "--network=host", "--read-only",
                        "--cap-drop=ALL", "--init"));
                Map<String, String> environment = new LinkedHashMap<>();
                environment.put("PGHOST", "127.0.0.1");
                environment.put("PGPORT", postgres.jdbcUrl().replaceFirst(".*:(\\d+)/.*", "$1"));
                environment.put("PGDATABASE", database);
                environment.put("PGUSER", admin);
                environment.put("PGPASSWORD", "admin-" + run);
                environment.put("PGSSLMODE", "disable");
                for (String module : MODULES) {
                    String upper = module.toUpperCase();
                    environment.put(upper + "_OWNER", "boot_" + module + "_" + run + "_owner");
                    environment.put(upper + "_OWNER_PASSWORD", "o-" + UUID.randomUUID());
                    environment.put(upper + "_ROLE", "boot_" + module + "_" + run);
                    environment.put(upper + "_PASSWORD", "r-" + UUID.randomUUID());
                    made.add("boot_" + module + "_" + run + "_owner");
                    made.add("boot_" + module + "_" + run);
                }
                environment.put("POSTS_CONNECTION_LIMIT", "12");
                environment.keySet().forEach(name -> command.addAll(List.of("--env", name)));
                Map<String, String> env = new LinkedHashMap<>(environment);
                env.put("CONTAINERS_CONF", conf.toString());
                Result load = run(env, "podman", "load", "--quiet", "--input", image.toString());
                assertEquals(0, load.exit(), load.output());
                loaded = load.output().strip().replaceFirst("(?s).*Loaded image(?:\\(s\\))?: *", "").strip();
                command.add(loaded);
                Result bootstrap = run(env, command.toArray(String[]::new));
                assertEquals(0, bootstrap.exit(), bootstrap.output());
                assertTrue(bootstrap.output().contains("COMMIT"), bootstrap.output());

                assertEquals("posts=boot_posts_" + run + "_owner,threads=boot_threads_" + run + "_owner,users=boot_users_" + run + "_owner",
                        postgres.psql(database, "select string_agg(nspname || '=' || pg_get_userbyid(nspowner), ',' order by nspname) "
                                + "from pg_namespace where nspname in ('users', 'threads', 'posts')"));
                assertEquals("12", postgres.psql("postgres", "select rolconnlimit from pg_roles where rolname = 'boot_posts_" + run + "'"));
                assertEquals("f", postgres.psql("postgres", "select bool_or(rolsuper or rolcreaterole or rolcreatedb) from pg_roles "
                        + "where rolname like 'boot\\_%\\_" + run + "%'"));
            } finally {
                if (loaded != null) {
                    run(Map.of("CONTAINERS_CONF", conf.toString()), "podman", "rmi", "--force", loaded);
                }
                postgres.psql("postgres", "drop database if exists " + database);
                for (String role : made.reversed()) {
                    postgres.psql("postgres", "drop owned by " + role + " cascade; drop role if exists " + role);
                }
            }
        }
    }

    record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not end: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output);
    }
}
