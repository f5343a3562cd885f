package dev.forum.extraction.runtime.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;

/**
 * A Hibernate setting of a persistence unit, as Hibernate 7 merges the settings of the unit's factory
 * ({@code EntityManagerFactoryBuilderImpl.mergeSettings}), and where its value comes from. Hibernate starts from
 * {@code org.hibernate.cfg.Environment}: the {@code hibernate.properties} at the root of the class path, with the JVM's
 * system properties over it; then puts the unit's properties ({@code <property>} elements of its
 * {@code persistence.xml}) over those, then the map the factory passes (Spring's JPA property map), where a key with a
 * null value removes the setting. So the first of these that has the setting wins: {@link Source#FACTORY},
 * {@link Source#UNIT}, {@link Source#SYSTEM}, {@link Source#HIBERNATE_PROPERTIES}. Hibernate reads the last two once per
 * JVM, when it first starts; they are read here when the unit is checked.
 *
 * @param name     the setting: {@code hibernate.archive.autodetection}
 * @param value    its value, as written
 * @param source   where it is set
 * @param location the {@code hibernate.properties} file's URL for {@link Source#HIBERNATE_PROPERTIES}, else null
 */
record HibernateSetting(String name, String value, Source source, String location) {

    /** The resource Hibernate reads its global settings from. */
    static final String HIBERNATE_PROPERTIES = "hibernate.properties";

    /** Where a setting comes from, in Hibernate's precedence (the first wins). */
    enum Source {
        /** The map the factory passes to the provider: its JPA properties. */
        FACTORY,
        /** A {@code <property>} of the unit's {@code persistence.xml}. */
        UNIT,
        /** A JVM system property ({@code -Dhibernate.archive.autodetection=...}). */
        SYSTEM,
        /** The {@code hibernate.properties} at the root of the class path. */
        HIBERNATE_PROPERTIES
    }

    /**
     * @param name          the setting's name
     * @param unit          the persistence unit, with its own properties
     * @param jpaProperties the factory's JPA properties (empty when not known)
     * @param classLoader   the application's, on which {@code hibernate.properties} is looked up
     * @return the setting as Hibernate sees it for the unit, empty when no source has it (or the factory's removes it)
     * @throws UncheckedIOException (one line, naming the file) when the {@code hibernate.properties} found cannot be read
     */
    static Optional<HibernateSetting> of(String name, MutablePersistenceUnitInfo unit, Map<String, ?> jpaProperties,
            ClassLoader classLoader) {
        if (jpaProperties.containsKey(name)) {
            Object value = jpaProperties.get(name);
            return value == null ? Optional.empty() : Optional.of(new HibernateSetting(name, value.toString(),
                    Source.FACTORY, null));
        }
        String own = unit.getProperties().getProperty(name);
        if (own != null) {
            return Optional.of(new HibernateSetting(name, own, Source.UNIT, null));
        }
        String system = System.getProperty(name);
        if (system != null) {
            return Optional.of(new HibernateSetting(name, system, Source.SYSTEM, null));
        }
        URL file = classLoader.getResource(HIBERNATE_PROPERTIES);
        if (file == null) {
            return Optional.empty();
        }
        Properties global = new Properties();
        try (InputStream in = file.openStream()) {
            global.load(in);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file + ", the " + HIBERNATE_PROPERTIES + " Hibernate reads: "
                    + ex.getMessage() + "; fix or remove that file", ex);
        }
        String value = global.getProperty(name);
        return value == null ? Optional.empty()
                : Optional.of(new HibernateSetting(name, value, Source.HIBERNATE_PROPERTIES, file.toExternalForm()));
    }

    /** @return why the unit has the value, for a refusal: {@code gets hibernate.archive.autodetection 'class' from ...} */
    String why() {
        return switch (source) {
            case FACTORY -> "gets " + name + " '" + value + "' from the JPA properties of its factory"
                    + " (spring.jpa.properties.* with Spring Boot)";
            case UNIT -> "sets " + name + " to '" + value + "' in a <property> of its persistence.xml";
            case SYSTEM -> "gets " + name + " '" + value + "' from the JVM system property of that name";
            case HIBERNATE_PROPERTIES -> "gets " + name + " '" + value + "' from the " + HIBERNATE_PROPERTIES + " at "
                    + location;
        };
    }

    /** @return where to change the value, for a refusal's fix: {@code the JPA properties of its factory} */
    String place() {
        return switch (source) {
            case FACTORY -> "the JPA properties of its factory";
            case UNIT -> "that <property> of its persistence.xml";
            case SYSTEM -> "that system property (-D" + name + "=...)";
            case HIBERNATE_PROPERTIES -> "that " + HIBERNATE_PROPERTIES;
        };
    }
}
