package dev.forum.extraction.runtime.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;
import org.springframework.util.ClassUtils;

/**
 * The application starts, with one migration strategy in charge, in every combination of spring-modulith-runtime
 * (absent, present, present with its auto-configuration left out), {@code spring.modulith.runtime.flyway-enabled}
 * and monolith or service ({@code loans} local, {@code catalog} remote); the migrations under
 * {@code module-migrations/} are {@code __root} V1, {@code catalog} V2, {@code loans} V3. Spring Modulith reads its
 * modules ({@code catalog}, {@code loans}) from {@code META-INF/spring-modulith/application-modules.json}, the file its
 * build-time processing writes, as in an application built ahead of time.
 */
class ModuleMigrationsAutoConfigurationTest {

    /** Spring Modulith's auto-configuration, as its imports file names it (the class is not public). */
    private static final Class<?> MODULITH_RUNTIME = ClassUtils.resolveClassName(
            "org.springframework.modulith.runtime.autoconfigure.SpringModulithRuntimeAutoConfiguration", null);

    private static final Set<String> MONOLITH = Set.of("catalog", "loans");
    private static final Set<String> LOANS_SERVICE = Set.of("loans");

    /** Spring Modulith alone, in the monolith: what every other combination with per-module migrations must equal. */
    private static final Map<String, String> MODULITH_MONOLITH = Map.of(
            "flyway_schema_history", "1", "flyway_schema_history_catalog", "0,2", "flyway_schema_history_loans", "0,3",
            "tables", "book,loan,settings");

    @Test
    void springModulithAloneRunsEveryModuleEachWithItsOwnHistory() {
        runner(Runtime.PRESENT, true, null).withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                FlywayAutoConfiguration.class, MODULITH_RUNTIME)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(migrated(context)).isEqualTo(MODULITH_MONOLITH);
                });
    }

    @Test
    void withoutTheRuntimeOursRunsAsSpringModulithWouldInTheMonolithAndOnlyTheLocalModulesInAService() {
        for (Runtime runtime : new Runtime[] {Runtime.ABSENT, Runtime.PRESENT_BUT_LEFT_OUT}) {
            withOurs(runtime, true, MONOLITH).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(FlywayMigrationStrategy.class)).isNotInstanceOf(SpringModulithFlywayMigrationStrategy.class);
                assertThat(migrated(context)).as(runtime.name()).isEqualTo(MODULITH_MONOLITH);
            });
            withOurs(runtime, true, LOANS_SERVICE).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(migrated(context)).as(runtime.name()).isEqualTo(Map.of("flyway_schema_history", "1",
                        "flyway_schema_history_loans", "0,3", "tables", "loan,settings"));
            });
        }
    }

    @Test
    void withTheRuntimeSpringModulithsStrategyIsInChargeKeptToTheLocalModules() {
        withOurs(Runtime.PRESENT, true, MONOLITH).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(FlywayMigrationStrategy.class);
            assertThat(context.getBean(FlywayMigrationStrategy.class)).isInstanceOf(SpringModulithFlywayMigrationStrategy.class);
            assertThat(migrated(context)).isEqualTo(MODULITH_MONOLITH);
        });
        withOurs(Runtime.PRESENT, true, LOANS_SERVICE).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(FlywayMigrationStrategy.class);
            assertThat(migrated(context)).isEqualTo(Map.of("flyway_schema_history", "1", "flyway_schema_history_loans", "0,3",
                    "tables", "loan,settings"));
        });
        // No module metadata: every module Spring Modulith knows.
        withOurs(Runtime.PRESENT, true, null).run(context -> assertThat(migrated(context)).isEqualTo(MODULITH_MONOLITH));
    }

    @Test
    void withPerModuleMigrationsOffNeitherStrategyRunsAndSpringBootMigratesAsUsual() {
        for (Runtime runtime : Runtime.values()) {
            for (Set<String> local : Set.of(MONOLITH, LOANS_SERVICE)) {
                withOurs(runtime, false, local).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(FlywayMigrationStrategy.class)
                            .doesNotHaveBean(LocalModuleMigrationFilter.class);
                    assertThat(migrated(context)).as(runtime + " " + local).isEqualTo(Map.of("flyway_schema_history", "1,2,3",
                            "tables", "book,loan,settings"));
                });
            }
        }
    }

    @Test
    void anApplicationsOwnStrategyReplacesOurs() {
        AtomicInteger calls = new AtomicInteger();
        FlywayMigrationStrategy own = flyway -> {
            calls.incrementAndGet();
            flyway.migrate();
        };
        withOurs(Runtime.ABSENT, true, LOANS_SERVICE).withBean("ownStrategy", FlywayMigrationStrategy.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(FlywayMigrationStrategy.class);
                    assertThat(calls).hasValue(1);
                    assertThat(migrated(context)).containsEntry("flyway_schema_history", "1,2,3");
                });
    }

    /**
     * An application's own {@code @Primary} strategy, in a service ({@code loans} local): with spring-modulith-runtime
     * Spring Modulith still registers its strategy (and ours its filter), without it ours steps aside; either way the
     * context starts and only the application's strategy runs (here every migration in Flyway's one history table,
     * {@code catalog}'s too, as it chose), not Spring Modulith's per-module histories.
     */
    @Test
    void anApplicationsOwnPrimaryStrategyRunsWhetherSpringModulithsRuntimeIsThereOrNot() {
        for (Runtime runtime : Runtime.values()) {
            AtomicInteger calls = new AtomicInteger();
            FlywayMigrationStrategy own = flyway -> {
                calls.incrementAndGet();
                flyway.migrate();
            };
            withOurs(runtime, true, LOANS_SERVICE)
                    .withBean("ownStrategy", FlywayMigrationStrategy.class, () -> own, definition -> definition.setPrimary(true))
                    .run(context -> {
                        assertThat(context).as(runtime.name()).hasNotFailed();
                        assertThat(context.getBeansOfType(FlywayMigrationStrategy.class)).as(runtime.name())
                                .hasSize(runtime == Runtime.PRESENT ? 2 : 1).containsEntry("ownStrategy", own);
                        assertThat(calls).as(runtime.name()).hasValue(1);
                        assertThat(migrated(context)).as(runtime.name())
                                .isEqualTo(Map.of("flyway_schema_history", "1,2,3", "tables", "book,loan,settings"));
                    });
        }
    }

    /**
     * Without {@code @Primary}, beside spring-modulith-runtime, two strategies are defined and Spring Boot's Flyway
     * auto-configuration cannot choose: the context does not start, and the cause names both beans (the README's rule:
     * the application's must be {@code @Primary}).
     */
    @Test
    void anApplicationsOwnStrategyBesideSpringModulithsRuntimeMustBePrimary() {
        withOurs(Runtime.PRESENT, true, LOANS_SERVICE).withBean("ownStrategy", FlywayMigrationStrategy.class,
                () -> flyway -> flyway.migrate()).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(NoUniqueBeanDefinitionException.class)
                            .hasMessageContaining("ownStrategy").hasMessageContaining("springModulithFlywayMigrationStrategy");
                });
    }

    /** Whether spring-modulith-runtime is on the class path, and whether its auto-configuration runs. */
    private enum Runtime { ABSENT, PRESENT, PRESENT_BUT_LEFT_OUT }

    private static ApplicationContextRunner withOurs(Runtime runtime, boolean flywayEnabled, Set<String> local) {
        AutoConfigurations ours = runtime == Runtime.PRESENT
                ? AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        MODULITH_RUNTIME, ModuleMigrationsAutoConfiguration.class)
                : AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        ModuleMigrationsAutoConfiguration.class);
        return runner(runtime, flywayEnabled, local).withConfiguration(ours);
    }

    private static ApplicationContextRunner runner(Runtime runtime, boolean flywayEnabled, Set<String> local) {
        ApplicationContextRunner runner = new ApplicationContextRunner().withPropertyValues(
                "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
                "spring.flyway.locations=classpath:module-migrations",
                "spring.modulith.runtime.flyway-enabled=" + flywayEnabled);
        if (runtime == Runtime.ABSENT) {
            runner = runner.withClassLoader(new FilteredClassLoader("org.springframework.modulith.runtime"));
        }
        if (local != null) {
            runner = runner.withBean("moduleTopology", Topology.class, () -> topology(local));
        }
        return runner;
    }

    private static Topology topology(Set<String> local) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader("format=1\nmodules=catalog,loans\nmodule.catalog.packages=x.catalog\n"
                    + "module.loans.packages=x.loans\n"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Topology.resolve(new TopologySettings(local, null, Map.of(), Duration.ofMillis(250), Duration.ofMillis(800)),
                ModuleMetadata.parse(properties, "test"));
    }

    /**
     * Each history table's applied versions in order (a baseline is version 0), and under {@code tables} the other
     * tables, all sorted by name.
     */
    private static Map<String, String> migrated(AssertableApplicationContext context) throws SQLException {
        Map<String, String> migrated = new TreeMap<>();
        try (Connection connection = context.getBean(DataSource.class).getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            Set<String> data = new java.util.TreeSet<>();
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.startsWith("flyway_schema_history")) {
                    migrated.put(table, versions(connection, table));
                } else {
                    data.add(table);
                }
            }
            migrated.put("tables", String.join(",", data));
        }
        return migrated;
    }

    private static String versions(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select \"version\" from \"" + table + "\" where \"version\" is not null order by \"installed_rank\"")) {
            StringBuilder versions = new StringBuilder();
            while (rows.next()) {
                versions.append(versions.isEmpty() ? "" : ",").append(rows.getString(1));
            }
            return versions.toString();
        }
    }
}
