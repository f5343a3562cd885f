package dev.forum.extraction.runtime.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.DefaultPersistenceUnitManager;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/**
 * Which unit a factory builds, by Spring ORM's rules, read from the fields of the Spring ORM on the class path; a field
 * that is not there is refused in one line.
 */
class BuiltUnitUnitTest {

    private static final String OWNER = "entity manager factory 'archive'";

    private static DefaultPersistenceUnitManager manager(LocalContainerEntityManagerFactoryBean factory) {
        return SpringOrmFields.read(factory, "internalPersistenceUnitManager", DefaultPersistenceUnitManager.class,
                OWNER, "");
    }

    private static Predicate<String> built(LocalContainerEntityManagerFactoryBean factory) {
        return BuiltUnit.of(factory, manager(factory), OWNER);
    }

    @Test
    void aFactoryWithAPersistenceUnitNameBuildsThatUnitOnly() {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setPersistenceUnitName("archive");
        assertThat(built(factory)).accepts("archive").rejects("default", "reports");
        factory.setPackagesToScan("shop.archive"); // a unit of its own, named so: Spring names it after the factory's
        assertThat(built(factory)).accepts("archive").rejects("default");
    }

    @Test
    void aFactoryThatBuildsAUnitOfItsOwnBuildsTheDefaultUnitOnly() {
        LocalContainerEntityManagerFactoryBean packages = new LocalContainerEntityManagerFactoryBean();
        packages.setPackagesToScan("shop.archive");
        assertThat(built(packages)).accepts("default").rejects("archive");
        // Spring Boot's: managed types, and its mapping resources.
        LocalContainerEntityManagerFactoryBean boot = new LocalContainerEntityManagerFactoryBean();
        boot.setManagedTypes(PersistenceManagedTypes.of("shop.archive.Invoice"));
        assertThat(built(boot)).accepts("default").rejects("archive");
        LocalContainerEntityManagerFactoryBean mappings = new LocalContainerEntityManagerFactoryBean();
        mappings.setMappingResources("META-INF/orm.xml");
        assertThat(built(mappings)).accepts("default").rejects("archive");
        // A PersistenceConfiguration names the factory's unit after itself: the named rule.
        LocalContainerEntityManagerFactoryBean configured = new LocalContainerEntityManagerFactoryBean();
        configured.setPersistenceConfiguration(new PersistenceConfiguration("shop"));
        assertThat(built(configured)).accepts("shop").rejects("default");
        // The manager's default unit name, read from it.
        LocalContainerEntityManagerFactoryBean renamed = new LocalContainerEntityManagerFactoryBean();
        renamed.setPackagesToScan("shop.archive");
        manager(renamed).setDefaultPersistenceUnitName("main");
        assertThat(built(renamed)).accepts("main").rejects("default");
    }

    @Test
    void aFactoryWithOnlyPersistenceXmlUnitsHasEachChecked() {
        assertThat(built(new LocalContainerEntityManagerFactoryBean())).accepts("archive", "default", "reports");
        assertThat(BuiltUnit.every()).accepts("archive", "default");
    }

    @Test
    void theFieldsReadAreThoseOfTheSpringOrmOnTheClassPath() {
        DefaultPersistenceUnitManager manager = new DefaultPersistenceUnitManager();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("packagesToScan", new String[] {"shop.archive"});
        set.put("managedTypes", PersistenceManagedTypes.of("shop.archive.Invoice"));
        set.put("mappingResources", new String[] {"META-INF/orm.xml"});
        set.put("persistenceConfiguration", new PersistenceConfiguration("shop"));
        set.put("defaultPersistenceUnitName", "main");
        manager.setPackagesToScan((String[]) set.get("packagesToScan"));
        manager.setManagedTypes((PersistenceManagedTypes) set.get("managedTypes"));
        manager.setMappingResources((String[]) set.get("mappingResources"));
        manager.setPersistenceConfiguration((PersistenceConfiguration) set.get("persistenceConfiguration"));
        manager.setDefaultPersistenceUnitName("main");
        assertThat(BuiltUnit.OWN_UNIT_FIELDS).containsExactly("packagesToScan", "managedTypes", "mappingResources",
                "persistenceConfiguration");
        assertThat(BuiltUnit.DEFAULT_UNIT_NAME_FIELD).isEqualTo("defaultPersistenceUnitName");
        // Each name is a field of this Spring ORM's manager that holds what its setter was given.
        set.forEach((field, value) -> assertThat(BuiltUnit.field(manager, field, OWNER)).as(field).isEqualTo(value));
    }

    @Test
    void aFieldThisSpringOrmDoesNotHaveIsRefusedInOneLineNamingTheFieldTheFactoryAndTheFix() {
        assertThatThrownBy(() -> BuiltUnit.field(new DefaultPersistenceUnitManager(), "packagesToScanned", OWNER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot read field 'packagesToScanned' of the persistence unit manager of entity manager"
                        + " factory 'archive': " + DefaultPersistenceUnitManager.class.getName() + " of this Spring"
                        + " ORM has no such field; extraction-runtime supports the Spring ORM of its Spring Boot"
                        + " version: use that one, or set the persistenceUnitName of entity manager factory 'archive'"
                        + " to the unit it builds");
        // A field of another type: the factory's manager read as something it is not.
        assertThatThrownBy(() -> SpringOrmFields.read(new LocalContainerEntityManagerFactoryBean(),
                "internalPersistenceUnitManager", String.class, OWNER, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot read field 'internalPersistenceUnitManager' of entity manager factory 'archive': "
                        + LocalContainerEntityManagerFactoryBean.class.getName() + " of this Spring ORM holds a "
                        + DefaultPersistenceUnitManager.class.getName() + " there, not a java.lang.String;"
                        + " extraction-runtime supports the Spring ORM of its Spring Boot version: use that one");
    }
}
