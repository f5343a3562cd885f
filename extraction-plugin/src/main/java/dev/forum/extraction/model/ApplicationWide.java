package dev.forum.extraction.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the analyzer read of the classes that configure the whole application (its {@code ApplicationWideBeans}) and of
 * the classes that use a feature an {@code @Enable*} turns on.
 *
 * @param classes     each class of a module that configures the whole application, by name, to what it configures;
 *                    empty for none
 * @param featureUses each class (of a module, or outside every module) that uses what some {@code @Enable*} turns on,
 *                    by name, to those uses' names: the class names of the annotations ({@code @Scheduled},
 *                    {@code @Async}, {@code @Cacheable}, {@code @CreatedDate}, ...) and, for Spring Data's auditing,
 *                    {@link #AUDITABLE} and {@link #AUDITING_ENTITY_LISTENER}, which are no annotations; empty for none
 */
public record ApplicationWide(Map<String, List<Setting>> classes, Map<String, List<String>> featureUses) {

    /** Nothing configures the whole application. */
    public static final ApplicationWide NONE = new ApplicationWide(Map.of(), Map.of());

    /**
     * The use of a class assignable to Spring Data's {@code Auditable} (an entity extending Spring Data JPA's
     * {@code AbstractAuditable}, say), whose creation and modification properties Spring Data's auditing fills.
     */
    public static final String AUDITABLE = "org.springframework.data.domain.Auditable";

    /**
     * The use of a JPA entity whose {@code @EntityListeners} name Spring Data JPA's auditing listener, which fills its
     * audit properties only where an auditing switch ({@code @EnableJpaAuditing}) runs.
     */
    public static final String AUDITING_ENTITY_LISTENER = "org.springframework.data.jpa.domain.support.AuditingEntityListener";

    public ApplicationWide {
        Map<String, List<Setting>> sorted = new TreeMap<>();
        classes.forEach((type, settings) -> sorted.put(type, List.copyOf(settings)));
        classes = Collections.unmodifiableMap(sorted);
        Map<String, List<String>> uses = new TreeMap<>();
        featureUses.forEach((type, annotations) -> uses.put(type, List.copyOf(annotations)));
        featureUses = Collections.unmodifiableMap(uses);
    }

    /**
     * How the build's lines name a feature use of {@link #featureUses}.
     *
     * @param use an annotation's class name, {@link #AUDITABLE} or {@link #AUDITING_ENTITY_LISTENER}
     * @return {@code @Scheduled} for an annotation, {@code Auditable}, {@code @EntityListeners(AuditingEntityListener)}
     */
    public static String words(String use) {
        String simple = use.substring(use.lastIndexOf('.') + 1);
        return use.equals(AUDITABLE) ? simple : use.equals(AUDITING_ENTITY_LISTENER) ? "@EntityListeners(" + simple + ")"
                : "@" + simple;
    }

    /** What leaving a class's module out of a process does. */
    public enum Effect {
        /** The process answers differently: another security, other error answers, another JSON. */
        BLOCKS,
        /** It turns on a feature: it matters only to a process that runs a class using the feature ({@link ApplicationWide#featureUses}). */
        ENABLES,
        /** It may well be meant for its own module only (a filter of its own paths, a customizer of its own client). */
        WARNS
    }

    /**
     * One thing a class configures.
     *
     * @param what   in the words of the build's lines ({@code a SecurityFilterChain bean from api()}, {@code @EnableScheduling})
     * @param effect what leaving it out does
     * @param needs  for {@link Effect#ENABLES}, the uses that need it, as {@link ApplicationWide#featureUses} names them; else empty
     */
    public record Setting(String what, Effect effect, List<String> needs) {

        public Setting {
            needs = List.copyOf(needs);
        }

        /** A setting that turns on no feature. */
        public Setting(String what, Effect effect) {
            this(what, effect, List.of());
        }
    }
}
