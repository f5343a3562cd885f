package dev.forum.extraction.runtime.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.jpa.fixture.billing.Invoice;
import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.spi.PersistenceUnitInfo;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.util.ClassUtils;

/**
 * A Spring Data JPA application of three modules, patients, visits (refers to a patient by id) and billing (maps
 * patients' entity), with {@code ddl-auto=validate} on a schema that holds only the local modules' tables, as a mixed
 * run of the application's own jar has it (a remote module's migrations do not run here): the persistence unit holds
 * the local modules' entities only.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalManagedTypesTest {

    private static final String METADATA = """
            format=1
            modules=patients,visits,billing
            module.patients.packages=dev.forum.extraction.runtime.jpa.fixture.patients
            module.visits.packages=dev.forum.extraction.runtime.jpa.fixture.visits
            module.billing.packages=dev.forum.extraction.runtime.jpa.fixture.billing
            """;

    static final String VISIT_TABLE = "create table visit (id bigint primary key, patient_id bigint)";
    static final String PATIENT_TABLE = "create table patient (id bigint primary key, name varchar(255))";

    @TempDir
    Path dir;

    private ClassLoader withMetadata;

    /** The clinic: patients and visits. */
    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = {Patient.class, Visit.class})
    static class Clinic {
    }

    /** Billing beside patients. */
    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = {Patient.class, Invoice.class})
    static class Billing {
    }

    @BeforeEach
    void metadata() throws IOException {
        withMetadata = withMetadata(dir);
    }

    /** The test's class loader with the three modules' metadata, written under the given directory. */
    static ClassLoader withMetadata(Path dir) throws IOException {
        Path metadata = dir.resolve("META-INF/extraction/modules.properties");
        Files.createDirectories(metadata.getParent());
        Files.writeString(metadata, METADATA);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, LocalManagedTypesTest.class.getClassLoader());
    }

    /**
     * A JPA application with the library (every auto-configuration it registers, as an application that adds it gets
     * them), on an H2 database whose schema the given statements make.
     */
    static ApplicationContextRunner application(Class<?> configuration, String database, String... tables) {
        ClassLoader classLoader = LocalManagedTypesTest.class.getClassLoader();
        Class<?>[] library = ImportCandidates.load(AutoConfiguration.class, classLoader).getCandidates().stream()
                .filter(name -> name.startsWith("dev.forum.extraction.runtime."))
                .map(name -> ClassUtils.resolveClassName(name, classLoader)).toArray(Class<?>[]::new);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(library))
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class))
                .withUserConfiguration(configuration)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + database + ";INIT=" + String.join("\\;", tables),
                        "spring.jpa.hibernate.ddl-auto=validate");
    }

    /** The entities of the named entity manager factory's metamodel. */
    static List<Class<?>> entities(ApplicationContext context, String factory) {
        return context.getBean(factory, EntityManagerFactory.class).getMetamodel().getEntities().stream()
                .<Class<?>>map(EntityType::getJavaType).toList();
    }

    /** The persistence unit the named entity manager factory was made from. */
    static PersistenceUnitInfo unit(ApplicationContext context, String factory) {
        return context.getBean("&" + factory, LocalContainerEntityManagerFactoryBean.class).getPersistenceUnitInfo();
    }

    @Test
    void aRemoteModulesEntitiesAreLeftOutOfThePersistenceUnit(CapturedOutput output) {
        application(Clinic.class, "visits-only", VISIT_TABLE).withClassLoader(withMetadata)
                .withPropertyValues("extraction.topology.local-modules=visits")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(entities(context, "entityManagerFactory")).containsExactly(Visit.class);
                    assertThat(unit(context, "entityManagerFactory").getManagedClassNames())
                            .containsExactly(Visit.class.getName());
                });
        assertThat(output).contains("Left out 1 managed class(es) of remote modules from the persistence unit 'default' of"
                + " entity manager factory 'entityManagerFactory'");
    }

    @Test
    void withEveryModuleLocalEveryEntityIsMapped() {
        application(Clinic.class, "every-module", VISIT_TABLE, PATIENT_TABLE).withClassLoader(withMetadata)
                .run(context -> assertThat(entities(context, "entityManagerFactory")).containsExactlyInAnyOrder(Visit.class, Patient.class));
    }

    @Test
    void aLocalEntityThatMapsARemoteOneIsRefusedInOneLine() {
        application(Billing.class, "billing-only", "create table invoice (id bigint primary key, patient_id bigint)")
                .withClassLoader(withMetadata).withPropertyValues("extraction.topology.local-modules=billing")
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(InvalidTopologyException.class)
                        .hasMessage("Managed class " + Invoice.class.getName() + " maps " + Patient.class.getName() + ", a"
                                + " managed class of module 'patients', which is remote here (field 'patient'): refer to it by id and read it"
                                + " through the HTTP contract of patients, or run patients here too"
                                + " (extraction.topology.local-modules)"));
    }

    @Test
    void withoutModuleMetadataThePersistenceUnitIsLeftAsItIs() {
        application(Clinic.class, "no-metadata", VISIT_TABLE, PATIENT_TABLE)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(unit(context, "entityManagerFactory").getManagedClassNames())
                            .containsExactlyInAnyOrder(Visit.class.getName(), Patient.class.getName());
                    assertThat(entities(context, "entityManagerFactory")).containsExactlyInAnyOrder(Visit.class, Patient.class);
                });
    }
}
