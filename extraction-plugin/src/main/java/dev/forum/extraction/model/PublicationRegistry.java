package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;

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
 * <p>The settings are read from the application's settings files for the profiles its processes run with, as Spring
 * Boot reads them ({@link ApplicationProperties}); an environment variable, a system property or a command-line
 * argument is not seen. A setting whose value is a placeholder no file sets ({@link ApplicationProperties#unknown}:
 * Spring Boot refuses to start unless the environment sets it) counts as on, since the environment may turn it on,
 * and says so: {@code key=${X} in file, a placeholder no settings file sets: on if the environment turns it on}; the
 * warning then says the setting may be on ({@link #surelyRepublishes()}, {@link #surelyMonitorsStaleness()}).
 *
 * @param kind         the registry on the run-time class path
 * @param republishing the republish setting that is on, as {@code key=value in file}: the one Spring Modulith reads
 *                     (the current name when it holds a value, else the old one) when it reads as {@code true} or
 *                     is unknown here (then followed by {@link #UNKNOWN}); empty when republishing is off
 * @param staleness    every staleness duration that turns the monitor on or is unknown here (then followed by
 *                     {@link #UNKNOWN}), each as {@code key=value in file}, in name order; empty when the monitor is
 *                     off
 * @param read         what the settings were read from, as {@link ApplicationProperties#described()} says it (the
 *                     files, the profiles, what was not read), for the warning that a setting is not on
 */
public record PublicationRegistry(Kind kind, List<String> republishing, List<String> staleness, String read) {

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
    private static final String RESUBMITTED = STALENESS_DURATIONS.get(2);
    private static final String RESUBMISSION = STALENESS_DURATIONS.get(3);
    /** What an unknown setting's entry says after {@code key=value in file}, and only such an entry. */
    public static final String UNKNOWN = ", a placeholder no settings file sets: on if the environment turns it on";
    /** Spring's converters, as its {@code Environment} uses them to read a property as a {@code Boolean}. */
    private static final ConversionService BOOLEANS = DefaultConversionService.getSharedInstance();
    /** {@code 0}, {@code 0s}, {@code PT0S}, {@code 0.0m}: a duration of zero, as Spring Boot reads one. */
    private static final Pattern ZERO = Pattern.compile("(?i)(PT)?0+(\\.0+)?[a-z]*");
    /** The JDBC registry's setting for a schema of its own. */
    public static final String JDBC_SCHEMA = "spring.modulith.events.jdbc.schema";

    /** No registry: nothing to warn about. */
    public static final PublicationRegistry NONE = new PublicationRegistry(Kind.NONE, List.of(), List.of(), "");

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
        java.util.Objects.requireNonNull(read, "read");
        republishing = List.copyOf(republishing);
        staleness = List.copyOf(staleness);
    }

    /**
     * @param runtime    the {@code groupId:artifactId} of every artifact on the application's run-time class path
     * @param properties the application's own settings, read for the profiles its processes run with
     * @return the registry found (the first by {@link Kind}'s order when there are several), {@link #NONE} without one,
     *         with the settings that are on as Spring Modulith 2.1.1 reads them
     */
    public static PublicationRegistry detect(Set<String> runtime, ApplicationProperties properties) {
        Kind kind = Kind.NONE;
        for (Kind candidate : Kind.values()) {
            if (candidate != Kind.NONE && runtime.contains("org.springframework.modulith:" + candidate.artifactId)) {
                kind = candidate;
                break;
            }
        }
        return new PublicationRegistry(kind, republishing(properties), staleness(properties), properties.described());
    }

    /**
     * Spring Modulith's {@code PersistentApplicationEventMulticaster} reads the current name as a {@code Boolean}, and
     * the old name only when that gives none. Spring converts the value as {@code Environment.getProperty(key,
     * Boolean.class)} does, with Spring's own converter (trimmed, any case: {@code true}, {@code on}, {@code yes},
     * {@code 1}; an empty value is none); a value it cannot read stops the application, so it counts as off here. An
     * unknown value counts as on: Spring reads the environment's value of that name, never the old one instead.
     */
    private static List<String> republishing(ApplicationProperties properties) {
        for (String key : List.of(REPUBLISH, REPUBLISH_OLD)) {
            if (properties.unknown(key)) {
                return List.of(unknown(properties, key));
            }
            String value = properties.getProperty(key);
            Boolean on;
            try {
                on = value == null ? null : BOOLEANS.convert(value, Boolean.class);
            } catch (ConversionException e) {
                return List.of();
            }
            if (on != null) {
                return on ? List.of(key + "=" + value.trim() + " in " + properties.origin(key)) : List.of();
            }
        }
        return List.of();
    }

    /**
     * Spring Modulith's {@code StalenessProperties}: {@code resubmitted} when it holds a value, even zero, else
     * {@code resubmission}; the monitor runs when a duration is other than zero. An empty value is none, as Spring
     * Boot binds it. An unknown {@code resubmitted} holds a value whenever Spring Boot starts, so it overrides
     * {@code resubmission} too.
     */
    private static List<String> staleness(ApplicationProperties properties) {
        Set<String> on = new TreeSet<>();
        for (String key : STALENESS_DURATIONS) {
            boolean overridden = key.equals(RESUBMISSION)
                    && (properties.unknown(RESUBMITTED) || !properties.getProperty(RESUBMITTED, "").isBlank());
            if (properties.unknown(key) && !overridden) {
                on.add(unknown(properties, key));
                continue;
            }
            String value = properties.getProperty(key, "").trim();
            if (!value.isEmpty() && !overridden && !ZERO.matcher(value).matches()) {
                on.add(key + "=" + value + " in " + properties.origin(key));
            }
        }
        return new ArrayList<>(on);
    }

    /** {@code key=${X} in file} and what it means, for a setting whose value the build cannot know. */
    private static String unknown(ApplicationProperties properties, String key) {
        return key + "=" + properties.written(key).strip() + " in " + properties.origin(key) + UNKNOWN;
    }

    /** Whether republishing at start is on, under either name, or may be ({@link #surelyRepublishes()}). */
    public boolean republishes() {
        return !republishing.isEmpty();
    }

    /**
     * Whether republishing at start is on for certain: a settings file sets it to a value read as {@code true}, not to a
     * placeholder only the environment can set ({@link #UNKNOWN}), with which it may be on or off.
     */
    public boolean surelyRepublishes() {
        return republishing.stream().anyMatch(PublicationRegistry::known);
    }

    /** Whether a staleness duration is set (the monitor runs), or may be ({@link #surelyMonitorsStaleness()}). */
    public boolean monitorsStaleness() {
        return !staleness.isEmpty();
    }

    /**
     * Whether the staleness monitor runs for certain: a settings file sets a duration other than zero, not only
     * placeholders the environment would have to set ({@link #UNKNOWN}).
     */
    public boolean surelyMonitorsStaleness() {
        return staleness.stream().anyMatch(PublicationRegistry::known);
    }

    /** Whether a setting's entry names a value a file sets, not a placeholder of the environment ({@link #UNKNOWN}). */
    private static boolean known(String entry) {
        return !entry.endsWith(UNKNOWN);
    }
}
