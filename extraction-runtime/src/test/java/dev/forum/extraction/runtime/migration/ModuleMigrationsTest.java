package dev.forum.extraction.runtime.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spring Modulith's migration convention, run for the local modules only, each with a history of its own. */
class ModuleMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void runsTheRootAndTheLocalModulesMigrationsEachWithItsOwnHistory() throws Exception {
        write("db/migration/__root/V1__root.sql", "create table settings (id int primary key);");
        write("db/migration/projects/V1__project.sql", "create table project (id int primary key);");
        write("db/migration/tasks/V1__task.sql", "create table task (id int primary key);");
        write("db/migration/tasks/V2__task_title.sql", "alter table task add column title varchar(20);");
        Properties properties = new Properties();
        properties.load(new StringReader("format=1\nmodules=projects,tasks\nmodule.projects.packages=x.projects\nmodule.tasks.packages=x.tasks\n"));
        Topology tasksOnly = Topology.resolve(new TopologySettings(Set.of("tasks"), null, Map.of(), Duration.ofMillis(250),
                Duration.ofMillis(800)), ModuleMetadata.parse(properties, "test"));
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        ClassLoader classLoader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());

        Flyway flyway = Flyway.configure(classLoader).dataSource(database).locations("classpath:db/migration").load();
        new ModuleMigrations(tasksOnly).migrate(flyway);

        assertThat(tables(database)).containsExactlyInAnyOrder("settings", "task", "flyway_schema_history", "flyway_schema_history_tasks");
        // Again: nothing new to apply.
        new ModuleMigrations(tasksOnly).migrate(flyway);
        assertThat(tables(database)).doesNotContain("project");
    }

    @Test
    void theSchemaVersionIsTheAppliedOneOnARestartOverAnUpToDateSchemaToo() throws Exception {
        write("db/migration/V1__one.sql", "create table one (id int primary key);");
        write("db/migration/V2__two.sql", "create table two (id int primary key);");
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:versions;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        ClassLoader classLoader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        Flyway flyway = Flyway.configure(classLoader).dataSource(database).locations("classpath:db/migration").load();

        var first = flyway.migrate();
        assertThat(SchemaVersion.after(flyway, first)).isEqualTo("2");
        var again = flyway.migrate();
        assertThat(again.migrationsExecuted).isZero();
        assertThat(again.targetSchemaVersion).as("what Flyway itself says on a restart").isNull();
        assertThat(SchemaVersion.after(flyway, again)).isEqualTo("2");

        JdbcDataSource emptyDatabase = new JdbcDataSource();
        emptyDatabase.setURL("jdbc:h2:mem:no-versions;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        Flyway empty = Flyway.configure(classLoader).dataSource(emptyDatabase).locations("classpath:db/nothing")
                .failOnMissingLocations(false).load();
        assertThat(SchemaVersion.after(empty, empty.migrate())).isEqualTo("none");
    }

    private void write(String path, String sql) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private static List<String> tables(JdbcDataSource database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.getConnection();
                var result = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }

    @Test
    void aModulesHistoryTableKeepsTheNameThisLibraryHasAlwaysGivenIt() {
        // A module named otherwise than in lower case without '-' (an @ApplicationModule id) keeps its old table, so no
        // deployment's migrations run again; Spring Modulith's own strategy would name it as written.
        assertThat(ModuleMigrations.historyTable("flyway_schema_history", "tasks")).isEqualTo("flyway_schema_history_tasks");
        assertThat(ModuleMigrations.historyTable("flyway_schema_history", "reading-club"))
                .isEqualTo("flyway_schema_history_reading_club");
        assertThat(ModuleMigrations.historyTable("history", "readingClub")).isEqualTo("history_readingclub");
    }
}
