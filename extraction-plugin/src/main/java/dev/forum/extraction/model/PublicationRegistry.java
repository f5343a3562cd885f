package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spring Modulith's event publication registry as the build sees it: which kind the application has on its run-time
 * class path, and which of the settings that read every process's publications its own {@code application.properties}
 * or YAML turns on.
 *
 * <p>Spring Modulith (2.1) stores a publication for every event a transactional listener
 * ({@code @ApplicationModuleListener}, {@code @TransactionalEventListener}) is to receive, and marks it complete when
 * that listener has run. Republishing outstanding publications at start, the staleness monitor, and the
 * {@code IncompleteEventPublications} and {@code FailedEventPublications} beans read every publication of the store,
 * whichever process wrote it; marking one complete touches only the process's own.
 *
 * @param kind     the registry on the run-time class path
 * @param settings the settings found on, each as {@code key=value}, in name order: either name of the republish
 *                 setting set to {@code true}, and every {@code spring.modulith.events.staleness.*} setting
 */
public record PublicationRegistry(Kind kind, List<String> settings) {

    /** Spring Modulith 1.x's name of the republish setting, still read by 2.x. */
    public static final String REPUBLISH_OLD = "spring.modulith.republish-outstanding-events-on-restart";
    public static final String REPUBLISH = "spring.modulith.events.republish-outstanding-events-on-restart";
    /** The staleness monitor runs only with one of these set. */
    public static final String STALENESS_PREFIX = "spring.modulith.events.staleness.";
    /** The JDBC registry's setting for a schema of its own. */
    public static final String JDBC_SCHEMA = "spring.modulith.events.jdbc.schema";

    /** No registry: nothing to warn about. */
    public static final PublicationRegistry NONE = new PublicationRegistry(Kind.NONE, List.of());

    /** A registry, by the Spring Modulith artifact that brings it (each starter depends on one). */
    public enum Kind {
        NONE(""), JPA("spring-modulith-events-jpa"), JDBC("spring-modulith-events-jdbc"),
        MONGODB("spring-modulith-events-mongodb"), NEO4J("spring-modulith-events-neo4j");

        private final String artifactId;

        Kind(String artifactId) {
            this.artifactId = artifactId;
        }

        /** {@code jpa}, {@code jdbc}, ...: as report.json names it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether its publications live in a table of a relational database ({@code event_publication}). */
        public boolean relational() {
            return this == JPA || this == JDBC;
        }
    }

    public PublicationRegistry {
        settings = List.copyOf(settings);
    }

    /**
     * @param runtime    the {@code groupId:artifactId} of every artifact on the application's run-time class path
     * @param properties the application's own settings (its {@code application.properties}, then YAML)
     * @return the registry found (the first by {@link Kind}'s order when there are several), {@link #NONE} without one
     */
    public static PublicationRegistry detect(Set<String> runtime, Properties properties) {
        Kind kind = Kind.NONE;
        for (Kind candidate : Kind.values()) {
            if (candidate != Kind.NONE && runtime.contains("org.springframework.modulith:" + candidate.artifactId)) {
                kind = candidate;
                break;
            }
        }
        Set<String> on = new TreeSet<>();
        for (Map.Entry<Object, Object> entry : properties.entrySet()) {
            String key = entry.getKey().toString();
            String value = entry.getValue().toString().trim();
            if ((key.equals(REPUBLISH) || key.equals(REPUBLISH_OLD)) && value.equalsIgnoreCase("true")
                    || key.startsWith(STALENESS_PREFIX) && !value.isEmpty()) {
                on.add(key + "=" + value);
            }
        }
        return new PublicationRegistry(kind, new ArrayList<>(on));
    }

    /** Whether republishing at start is on, under either name. */
    public boolean republishes() {
        return settings.stream().anyMatch(s -> s.startsWith(REPUBLISH + "=") || s.startsWith(REPUBLISH_OLD + "="));
    }

    /** Whether a staleness setting is on (the monitor runs). */
    public boolean monitorsStaleness() {
        return settings.stream().anyMatch(s -> s.startsWith(STALENESS_PREFIX));
    }
}
