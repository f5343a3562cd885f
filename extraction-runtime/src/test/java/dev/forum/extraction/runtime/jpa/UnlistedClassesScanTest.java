package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.LocalManagedTypesTest.VISIT_TABLE;
import static dev.forum.extraction.runtime.jpa.LocalManagedTypesTest.application;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.DefaultPersistenceUnitManager;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * A {@code persistence.xml} unit that lists visits' entity only and does not exclude unlisted classes, at the root of a
 * class path entry that also holds patients' entity (as the application's jar holds every module's): Spring reads
 * {@code <exclude-unlisted-classes>} into {@code PersistenceUnitInfo.excludeUnlistedClasses()}, Hibernate with a scanner
 * ({@code hibernate-scan-jandex}, on this test class path) maps and creates the unlisted table too, and the library
 * refuses such a unit at start-up when patients is remote.
 */
class UnlistedClassesScanTest {

    private static final String UNITS = """
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
              <persistence-unit name="scanning">
                <class>dev.forum.extraction.runtime.jpa.fixture.visits.Visit</class>
              </persistence-unit>
              <persistence-unit name="excluding">
                <class>dev.forum.extraction.runtime.jpa.fixture.visits.Visit</class>
                <exclude-unlisted-classes/>
              </persistence-unit>
            </persistence>
            """;

    private static final String LOCATION = "classpath:META-INF/scanning-persistence.xml";

    @TempDir
    Path dir;

    private ClassLoader withMetadata;

    /** The class path entry: module metadata, the persistence.xml and the two modules' entities. */
    @BeforeEach
    void root() throws IOException, URISyntaxException {
        withMetadata = LocalManagedTypesTest.withMetadata(dir);
        Files.writeString(dir.resolve("META-INF/scanning-persistence.xml"), UNITS);
        Path classes = Path.of(Visit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Class<?> entity : List.of(Visit.class, Patient.class)) {
            String file = entity.getName().replace('.', '/') + ".class";
            Files.createDirectories(dir.resolve(file).getParent());
            Files.copy(classes.resolve(file), dir.resolve(file));
        }
    }

    /** Hibernate's settings: create the tables, and scan with {@link RootDirectoryScanner} or not at all. */
    private static Map<String, Object> settings(boolean scanner) {
        Map<String, Object> settings = new HashMap<>(Map.of("hibernate.hbm2ddl.auto", "create"));
        if (scanner) {
            settings.put(UnlistedClassesScan.SCANNER, RootDirectoryScanner.class.getName());
        }
        return settings;
    }

    /** The application's factory of the scanning unit, which creates its tables, with Hibernate scanning. */
    @Configuration(proxyBeanMethods = false)
    static class ScanningUnit {

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = NoScanner.factory(dataSource);
            factory.setJpaPropertyMap(settings(true));
            return factory;
        }
    }

    /** The same without a scanner. */
    @Configuration(proxyBeanMethods = false)
    static class NoScanner {

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            return factory(dataSource);
        }

        static LocalContainerEntityManagerFactoryBean factory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            factory.setDataSource(dataSource);
            factory.setPersistenceXmlLocation(LOCATION);
            factory.setPersistenceUnitName("scanning");
            factory.setJpaPropertyMap(settings(false));
            return factory;
        }
    }

    /**
     * Spring Boot's case: the factory builds its unit from scanned packages (named {@code default}), while its persistence
     * unit manager also reads the scanning unit of a persistence.xml (as one in a dependency jar) that it never builds.
     */
    @Configuration(proxyBeanMethods = false)
    static class PackagesBesideAScanningUnit {

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            factory.setDataSource(dataSource);
            factory.setPersistenceXmlLocation(LOCATION);
            factory.setPackagesToScan(Visit.class.getPackageName());
            factory.setJpaPropertyMap(settings(true));
            return factory;
        }
    }

    /** A factory of the persistence.xml's other unit, which excludes unlisted classes, beside the scanning one. */
    @Configuration(proxyBeanMethods = false)
    static class ExcludingUnit {

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = NoScanner.factory(dataSource);
            factory.setPersistenceUnitName("excluding");
            factory.setJpaPropertyMap(settings(true));
            return factory;
        }
    }

    /** The entities Hibernate maps for the scanning unit, and whether it created patients' table. */
    private List<String> hibernate(boolean scanner) {
        DefaultPersistenceUnitManager units = new DefaultPersistenceUnitManager();
        units.setResourceLoader(new DefaultResourceLoader(withMetadata));
        units.setPersistenceXmlLocation(LOCATION);
        SingleConnectionDataSource database = new SingleConnectionDataSource("jdbc:h2:mem:unlisted-" + scanner, true);
        units.setDefaultDataSource(database);
        units.afterPropertiesSet();
        assertThat(units.obtainPersistenceUnitInfo("excluding").excludeUnlistedClasses()).isTrue();
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setPersistenceUnitManager(units);
        factory.setPersistenceUnitName("scanning");
        factory.setJpaPropertyMap(settings(scanner));
        factory.afterPropertiesSet();
        try {
            assertThat(factory.getPersistenceUnitInfo().excludeUnlistedClasses()).isFalse();
            List<String> mapped = new ArrayList<>(factory.getObject().getMetamodel().getEntities().stream()
                    .map(e -> e.getJavaType().getSimpleName()).sorted().toList());
            mapped.add("patient table: " + new JdbcTemplate(database).queryForObject("select count(*) from"
                    + " information_schema.tables where table_name = 'PATIENT'", Integer.class));
            return mapped;
        } finally {
            factory.destroy();
            database.destroy();
        }
    }

    @Test
    void springReadsTheElementAndOnlyAHibernateThatScansMapsAndCreatesUnlistedEntities() {
        assertThat(hibernate(false)).containsExactly("Visit", "patient table: 0");
        assertThat(hibernate(true)).containsExactly("Patient", "Visit", "patient table: 1");
    }

    @Test
    void theLibraryRefusesTheUnitAtStartUpWhenARemoteModulesEntitiesAreInTheJar() {
        application(ScanningUnit.class, "scanning-refused", VISIT_TABLE).withClassLoader(withMetadata)
                .withPropertyValues("extraction.topology.local-modules=visits")
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(InvalidTopologyException.class)
                        .hasMessage("Persistence unit 'scanning' of entity manager factory 'entityManagerFactory' does not"
                                + " exclude unlisted classes, so the JPA provider adds the managed classes it finds under "
                                + "file:" + dir + " to it, those of remote module patients too, and would validate,"
                                + " create or update their tables from this process: add <exclude-unlisted-classes>true"
                                + "</exclude-unlisted-classes> to that <persistence-unit> of its persistence.xml, and list"
                                + " the managed classes it needs in <class> elements"));
    }

    @Test
    void onlyTheUnitTheFactoryBuildsIsCheckedNotTheOtherUnitsItsManagerReads() {
        for (Class<?> configuration : List.of(PackagesBesideAScanningUnit.class, ExcludingUnit.class)) {
            application(configuration, "scanning-not-built-" + configuration.getSimpleName(), VISIT_TABLE)
                    .withClassLoader(withMetadata).withPropertyValues("extraction.topology.local-modules=visits")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(LocalManagedTypesTest.entities(context, "entityManagerFactory"))
                                .containsExactly(Visit.class);
                    });
        }
    }

    @Test
    void withoutAScannerTheUnitStartsWithItsListedEntity() {
        application(NoScanner.class, "scanning-none", VISIT_TABLE).withClassLoader(withMetadata)
                .withPropertyValues("extraction.topology.local-modules=visits")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(LocalManagedTypesTest.entities(context, "entityManagerFactory")).containsExactly(Visit.class);
                });
    }

    @Test
    void withEveryModuleLocalTheScanningUnitStarts() {
        application(ScanningUnit.class, "scanning-all-local").withClassLoader(withMetadata)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(LocalManagedTypesTest.entities(context, "entityManagerFactory"))
                            .containsExactlyInAnyOrder(Visit.class, Patient.class);
                });
    }
}
