package dev.forum.extraction.runtime.jpa;

import java.util.function.Predicate;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.DefaultPersistenceUnitManager;

/**
 * Which of the units a persistence unit manager reads its entity manager factory builds: Spring's manager reads (and
 * post-processes) every unit of every {@code persistence.xml} on the class path, those of dependency jars included, but
 * the factory builds one, so only that one is checked for a scan ({@link UnlistedClassesScan}).
 * <ul>
 * <li>a factory with a persistence unit name builds the unit of that name;</li>
 * <li>a factory without one builds Spring's default unit ({@code DefaultPersistenceUnitManager
 * .obtainDefaultPersistenceUnitInfo}): the unit named the manager's default unit name ({@code default}) when there are
 * several, the only one otherwise. When the manager builds a unit of its own ({@code packagesToScan}, managed types,
 * mapping resources or a {@code PersistenceConfiguration}: Spring Boot's case), that unit is named so, and only it is
 * built. Otherwise every unit comes from a {@code persistence.xml}, and each is checked: the units are post-processed one
 * by one before their number is known (set the factory's persistence unit name to have only its unit checked);</li>
 * <li>a {@link DefaultPersistenceUnitManager} bean: any factory may obtain any of its units, so each is checked.</li>
 * </ul>
 */
final class BuiltUnit {

    private BuiltUnit() {
    }

    /**
     * @param factory the factory, read when a unit is post-processed (its properties are set by then)
     * @param manager its own persistence unit manager
     * @return whether the factory builds the unit of a given name
     */
    static Predicate<String> of(LocalContainerEntityManagerFactoryBean factory, DefaultPersistenceUnitManager manager) {
        return name -> {
            if (factory.getPersistenceUnitName() != null) {
                return factory.getPersistenceUnitName().equals(name);
            }
            DirectFieldAccessor fields = new DirectFieldAccessor(manager);
            boolean ownUnit = fields.getPropertyValue("packagesToScan") != null
                    || fields.getPropertyValue("managedTypes") != null
                    || fields.getPropertyValue("mappingResources") != null
                    || fields.getPropertyValue("persistenceConfiguration") != null;
            return !ownUnit || name.equals(fields.getPropertyValue("defaultPersistenceUnitName"));
        };
    }

    /** @return every unit: those of a {@link DefaultPersistenceUnitManager} bean, see the class comment */
    static Predicate<String> every() {
        return name -> true;
    }
}
