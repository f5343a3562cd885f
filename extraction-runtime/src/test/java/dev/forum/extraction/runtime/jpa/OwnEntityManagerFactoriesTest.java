package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.LocalManagedTypesTest.PATIENT_TABLE;
import static dev.forum.extraction.runtime.jpa.LocalManagedTypesTest.VISIT_TABLE;
import static dev.forum.extraction.runtime.jpa.LocalManagedTypesTest.application;
import static dev.forum.extraction.runtime.jpa.LocalManagedTypesTest.entities;
import static dev.forum.extraction.runtime.jpa.LocalManagedTypesTest.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.jpa.fixture.billing.Invoice;
import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.DefaultPersistenceUnitManager;
import org.springframework.orm.jpa.persistenceunit.PersistenceUnitPostProcessor;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * The modules of {@link LocalManagedTypesTest} in an application that makes its entity manager factories itself, each
 * validating ({@code hibernate.hbm2ddl.auto=validate}) a schema that holds only the local modules' tables: their
 * persistence units hold the local modules' entities only, and the application's own unit post-processors still run.
 */
@ExtendWith(OutputCaptureExtension.class)
class OwnEntityManagerFactoriesTest {

    private static final String OWN = "clinic.own-post-processor";

    /** The application's own unit post-processor: marks the unit. */
    private static final PersistenceUnitPostProcessor MARK = unit -> unit.addProperty(OWN, "ran");

    @TempDir
    Path dir;

    private ClassLoader withMetadata;

    @BeforeEach
    void metadata() throws IOException {
        withMetadata = LocalManagedTypesTest.withMetadata(dir);
    }

    /** A factory on Hibernate that validates the schema, whose column names are Spring Boot's (snake case). */
    private static LocalContainerEntityManagerFactoryBean validating() {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "validate", "hibernate.physical_naming_strategy",
                "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"));
        return factory;
    }

    /**
     * Two factories on two databases: one scans patients' and visits' packages, with a unit post-processor of its own;
     * the other takes its unit from a {@code persistence.xml} that lists both modules' entities, read by a persistence
     * unit manager bean with a unit post-processor of its own.
     */
    @Configuration(proxyBeanMethods = false)
    static class TwoFactories {

        @Bean
        @Primary
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = validating();
            factory.setDataSource(dataSource);
            factory.setPackagesToScan(Patient.class.getPackageName(), Visit.class.getPackageName());
            factory.setPersistenceUnitPostProcessors(MARK);
            return factory;
        }

        @Bean
        DefaultPersistenceUnitManager archiveUnits() {
            DefaultPersistenceUnitManager units = new DefaultPersistenceUnitManager();
            units.setPersistenceXmlLocation("classpath:META-INF/archive-persistence.xml");
            units.setDefaultDataSource(new SingleConnectionDataSource("jdbc:h2:mem:archive;INIT=" + VISIT_TABLE, true));
            units.setPersistenceUnitPostProcessors(MARK);
            return units;
        }

        @Bean
        LocalContainerEntityManagerFactoryBean archiveEntityManagerFactory(DefaultPersistenceUnitManager archiveUnits) {
            LocalContainerEntityManagerFactoryBean factory = validating();
            factory.setPersistenceUnitManager(archiveUnits);
            return factory;
        }
    }

    /** Two factories that scan the same packages, each on its own database: both units are named 'default'. */
    @Configuration(proxyBeanMethods = false)
    static class TwoScanningFactories {

        @Bean
        @Primary
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = validating();
            factory.setDataSource(dataSource);
            factory.setPackagesToScan(Patient.class.getPackageName(), Visit.class.getPackageName());
            return factory;
        }

        @Bean
        LocalContainerEntityManagerFactoryBean reportingEntityManagerFactory() {
            LocalContainerEntityManagerFactoryBean factory = validating();
            factory.setDataSource(new SingleConnectionDataSource("jdbc:h2:mem:reporting;INIT=" + VISIT_TABLE, true));
            factory.setPackagesToScan(Patient.class.getPackageName(), Visit.class.getPackageName());
            return factory;
        }
    }

    /** A factory that scans billing's package (whose entity maps patients') and patients'. */
    @Configuration(proxyBeanMethods = false)
    static class BillingFactory {

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = validating();
            factory.setDataSource(dataSource);
            factory.setPackagesToScan(Patient.class.getPackageName(), Invoice.class.getPackageName());
            return factory;
        }
    }

    /** A factory whose persistence unit manager, no bean, was made ready before the factory got it. */
    @Configuration(proxyBeanMethods = false)
    static class ManagerOfItsOwn {

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            DefaultPersistenceUnitManager units = new DefaultPersistenceUnitManager();
            units.setPackagesToScan(Patient.class.getPackageName(), Visit.class.getPackageName());
            units.setDefaultDataSource(dataSource);
            units.afterPropertiesSet();
            LocalContainerEntityManagerFactoryBean factory = validating();
            factory.setPersistenceUnitManager(units);
            return factory;
        }
    }

    @Test
    void everyFactorysUnitLeavesARemoteModulesEntitiesOutAndKeepsItsOwnPostProcessors(CapturedOutput output) {
        application(TwoFactories.class, "own-factories", VISIT_TABLE).withClassLoader(withMetadata)
                .withPropertyValues("extraction.topology.local-modules=visits")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    for (String factory : new String[] {"entityManagerFactory", "archiveEntityManagerFactory"}) {
                        assertThat(entities(context, factory)).as(factory).containsExactly(Visit.class);
                        assertThat(unit(context, factory).getManagedClassNames()).as(factory)
                                .containsExactly(Visit.class.getName());
                        assertThat(unit(context, factory).getProperties()).as(factory).containsEntry(OWN, "ran");
                    }
                });
        assertThat(output).contains("Left out 1 managed class(es) of remote modules from the persistence unit 'default' of"
                + " entity manager factory 'entityManagerFactory'", "Left out 1 managed class(es) of remote modules from the"
                + " persistence unit 'archive' of persistence unit manager 'archiveUnits'");
        assertThat(output).doesNotContain("has a persistence unit manager of the application's own");
    }

    @Test
    void eachFactorysLineNamesTheFactory(CapturedOutput output) {
        application(TwoScanningFactories.class, "two-scanning", VISIT_TABLE).withClassLoader(withMetadata)
                .withPropertyValues("extraction.topology.local-modules=visits")
                .run(context -> assertThat(context).hasNotFailed());
        String line = "Left out 1 managed class(es) of remote modules from the persistence unit 'default' of entity manager"
                + " factory ";
        assertThat(output).contains(line + "'entityManagerFactory'", line + "'reportingEntityManagerFactory'");
    }

    @Test
    void aLocalEntityThatMapsARemoteOneInAFactoryOfTheApplicationsOwnIsRefusedInOneLine() {
        application(BillingFactory.class, "own-billing", "create table invoice (id bigint primary key, patient_id bigint)")
                .withClassLoader(withMetadata).withPropertyValues("extraction.topology.local-modules=billing")
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(InvalidTopologyException.class)
                        .hasMessageStartingWith("Managed class " + Invoice.class.getName() + " maps "
                                + Patient.class.getName() + ", a managed class of module 'patients', which is remote here"
                                + " (field 'patient'): "));
    }

    @Test
    void aFactoryWhoseUnitNoFilterReachedIsWarnedOf(CapturedOutput output) {
        application(ManagerOfItsOwn.class, "own-manager", VISIT_TABLE, PATIENT_TABLE).withClassLoader(withMetadata)
                .withPropertyValues("extraction.topology.local-modules=visits")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("Entity manager factory 'entityManagerFactory' has a persistence unit manager of the"
                + " application's own that is no DefaultPersistenceUnitManager bean: its persistence unit still holds ["
                + Patient.class.getName() + "], of remote modules; declare that manager as a bean, or leave those classes"
                + " out of it");
    }
}
