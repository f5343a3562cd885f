package dev.forum.extraction.runtime.jpa;

import java.util.List;
import java.util.function.Predicate;
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

    /**
     * The private fields of Spring ORM's {@link DefaultPersistenceUnitManager} that make it build a unit of its own
     * (it has no getters for them), read through {@link SpringOrmFields}.
     */
    static final List<String> OWN_UNIT_FIELDS = List.of("packagesToScan", "managedTypes", "mappingResources",
            "persistenceConfiguration");

    /** The private field of the manager's default unit name, the name of the unit of its own. */
    static final String DEFAULT_UNIT_NAME_FIELD = "defaultPersistenceUnitName";

    private BuiltUnit() {
    }

    /**
     * @param factory the factory, read when a unit is post-processed (its properties are set by then)
     * @param manager its own persistence unit manager
     * @param owner   the factory, for a refusal: {@code entity manager factory 'archive'}
     * @return whether the factory builds the unit of a given name; the predicate throws
     *         {@link IllegalStateException} (one line, naming the field, the factory and the fix) when the factory has
     *         no persistence unit name and this Spring ORM's manager no longer has a field read here
     */
    static Predicate<String> of(LocalContainerEntityManagerFactoryBean factory, DefaultPersistenceUnitManager manager,
            String owner) {
        return name -> {
            if (factory.getPersistenceUnitName() != null) {
                return factory.getPersistenceUnitName().equals(name);
            }
            boolean ownUnit = false;
            for (String field : OWN_UNIT_FIELDS) {
                ownUnit |= field(manager, field, owner) != null; // all read: a renamed one is refused whichever are set
            }
            return !ownUnit || name.equals(field(manager, DEFAULT_UNIT_NAME_FIELD, owner));
        };
    }

    /**
     * @param manager the factory's own persistence unit manager
     * @param field   one of {@link #OWN_UNIT_FIELDS} or {@link #DEFAULT_UNIT_NAME_FIELD}
     * @param owner   the factory: {@code entity manager factory 'archive'}
     * @return the field's value
     * @throws IllegalStateException (one line) when this Spring ORM's manager has no such field: naming the field, the
     *                               factory, and its persistence unit name as the fix (a factory with one is not read)
     */
    static Object field(DefaultPersistenceUnitManager manager, String field, String owner) {
        return SpringOrmFields.read(manager, field, Object.class, "the persistence unit manager of " + owner,
                "set the persistenceUnitName of " + owner + " to the unit it builds");
    }

    /** @return every unit: those of a {@link DefaultPersistenceUnitManager} bean, see the class comment */
    static Predicate<String> every() {
        return name -> true;
    }
}
