package dev.forum.extraction.runtime.jpa;

/**
 * A Hibernate setting of a persistence unit, as Hibernate 7 merges the settings of the unit's factory
 * ({@code EntityManagerFactoryBuilderImpl.mergeSettings}), and where its value comes from ({@link HibernateSettings}
 * reads them).
 *
 * @param name     the setting: {@code hibernate.archive.autodetection}
 * @param value    its value, as written
 * @param source   where it is set
 * @param location the file's URL for {@link Source#CFG_XML} and {@link Source#HIBERNATE_PROPERTIES}, else null
 */
record HibernateSetting(String name, String value, Source source, String location) {

    /** Where a setting comes from, in Hibernate's precedence (the first wins). */
    enum Source {
        /** The map the factory passes to the provider: its JPA properties. */
        FACTORY,
        /** A {@code <property>} of the Hibernate configuration file named by {@code hibernate.cfg_xml_file}. */
        CFG_XML,
        /** A {@code <property>} of the unit's {@code persistence.xml}. */
        UNIT,
        /** A JVM system property ({@code -Dhibernate.archive.autodetection=...}). */
        SYSTEM,
        /** The {@code hibernate.properties} at the root of the class path. */
        HIBERNATE_PROPERTIES
    }

    /** @return why the unit has the value, for a refusal: {@code gets hibernate.archive.autodetection 'class' from ...} */
    String why() {
        return switch (source) {
            case FACTORY -> "gets " + name + " '" + value + "' from the JPA properties of its factory"
                    + " (spring.jpa.properties.* with Spring Boot)";
            case CFG_XML -> "gets " + name + " '" + value + "' from a <property> of the Hibernate configuration file "
                    + location + " (" + HibernateSettings.CFG_XML_FILE + ")";
            case UNIT -> "sets " + name + " to '" + value + "' in a <property> of its persistence.xml";
            case SYSTEM -> "gets " + name + " '" + value + "' from the JVM system property of that name";
            case HIBERNATE_PROPERTIES -> "gets " + name + " '" + value + "' from the "
                    + HibernateSettings.HIBERNATE_PROPERTIES + " at " + location;
        };
    }

    /** @return where to change the value, for a refusal's fix: {@code the JPA properties of its factory} */
    String place() {
        return switch (source) {
            case FACTORY -> "the JPA properties of its factory";
            case CFG_XML -> "that <property> of " + location;
            case UNIT -> "that <property> of its persistence.xml";
            case SYSTEM -> "that system property (-D" + name + "=...)";
            case HIBERNATE_PROPERTIES -> "that " + HibernateSettings.HIBERNATE_PROPERTIES;
        };
    }
}
