package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Spring Modulith's event publication registry as the build sees it: which kind the application has on its run-time
 * class path, and which of the settings that work on every process's publications its own {@code application.properties}
 * or YAML turns on.
 *
 * <p>Spring Modulith (read in 2.1.1's sources) stores a publication for every event a transactional listener
 * ({@code @ApplicationModuleListener}, {@code @TransactionalEventListener}) is to receive, and marks it complete when
 * that listener has run. Republishing outstanding publications at start, the staleness monitor, and the
 * {@code IncompleteEventPublications} and {@code FailedEventPublications} beans read every publication of the store,
 * whichever process wrote it, and mark them (resubmitted, failed). Completing one matches the serialized event and the
 * listener's id (or, while this process runs it, the publication's id): a process completes another's publication only
 * for a listener both run.
 *
 * <p>Only {@code application.properties} and, for the keys it does not set, the first document of
 * {@code application.yml} in the classes folder are read ({@link dev.forum.extraction.image.ApplicationProperties}):
 * a setting in a profile file ({@code application-prod.properties}), an environment variable, a system property or a
 * command-line argument is not seen.
 *
 * @param kind     the registry on the run-time class path
 * @param settings the settings found on, each as {@code key=value}, in name order: the republish setting that Spring
 *                 Modulith reads (the current name when set, else the old one) when {@code true}, and every staleness
 *                 duration that turns the monitor on ({@link #STALENESS_DURATIONS}, not zero)
 */
public record PublicationRegistry(Kind kind, List<String> settings) {

    /** Spring Modulith 1.x's name of the republish setting, still read by 2.x. */
    public static final String REPUBLISH_OLD = "spring.modulith.republish-outstanding-events-on-restart";
    public static final String REPUBLISH = "spring.modulith.events.republish-outstanding-events-on-restart";
    public static final String STALENESS_PREFIX = "spring.modulith.events.staleness.";
    /**
     * The staleness monitor runs when one of these is set to a duration other than zero ({@code check-interval} alone
     * does not start it); {@code resubmission} is 2.1's deprecated name of {@code resubmitted}.
     */
    public static final List<String> STALENESS_DURATIONS = List.of(STALENESS_PREFIX + "published",
            STALENESS_PREFIX + "processing", STALENESS_PREFIX + "resubmitted", STALENESS_PREFIX + "resubmission");
    /** {@code 0}, {@code 0s}, {@code PT0S}, {@code 0.0m}: a duration of zero, as Spring Boot reads one. */
    private static final Pattern ZERO = Pattern.compile("(?i)(PT)?0+(\\.0+)?[a-z]*");
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
        // Spring Modulith reads the old name only when the current one is not set.
        String republish = properties.getProperty(REPUBLISH) != null ? REPUBLISH : REPUBLISH_OLD;
        String republishing = properties.getProperty(republish, "").trim();
        if (republishing.equalsIgnoreCase("true")) {
            on.add(republish + "=" + republishing);
        }
        for (String key : STALENESS_DURATIONS) {
            String value = properties.getProperty(key, "").trim();
            if (!value.isEmpty() && !ZERO.matcher(value).matches()) {
                on.add(key + "=" + value);
            }
        }
        return new PublicationRegistry(kind, new ArrayList<>(on));
    }

    /** Whether republishing at start is on, under either name. */
    public boolean republishes() {
        return settings.stream().anyMatch(s -> s.startsWith(REPUBLISH + "=") || s.startsWith(REPUBLISH_OLD + "="));
    }

    /** Whether a staleness duration is set (the monitor runs). */
    public boolean monitorsStaleness() {
        return settings.stream().anyMatch(s -> s.startsWith(STALENESS_PREFIX));
    }
}
