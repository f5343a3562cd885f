package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import dev.forum.extraction.model.ApplicationWide;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an {@code @Enable*} annotation of a module does to a process that runs without that module, for
 * {@link ApplicationWideBeans}: each imports configuration into the whole context (Spring Framework reference, "Using the
 * {@code @Import} Annotation"), but what goes missing without it differs.
 * <ul>
 * <li>Security and the web stack ({@link #CHANGE_EVERY_ANSWER}) change every answer: {@code @EnableWebSecurity},
 *     {@code @EnableWebFluxSecurity} (the filter chain in front of every request), {@code @EnableMethodSecurity} and its
 *     older and reactive forms (every secured method of every module), {@code @EnableWebMvc} / {@code @EnableWebFlux}
 *     (Spring Boot's web configuration backs off: its converters, JSON and error answers for every controller), and
 *     Spring Session's switches ({@link #changesSessions}: {@code @EnableSpringHttpSession}, {@code @EnableRedisHttpSession},
 *     {@code @EnableJdbcHttpSession}, ..., {@code @EnableSpringWebSession}, ...: where every request's session lives, so
 *     a process without it does not know the users another one logged in).</li>
 * <li>A feature switch ({@link #FEATURES}) changes only the beans that use its annotation: without
 *     {@code @EnableScheduling} no {@code @Scheduled} method runs, without {@code @EnableAsync} an {@code @Async} method
 *     runs on the caller's thread, without {@code @EnableCaching} a {@code @Cacheable} method is called every time, and
 *     so for {@code @EnableRetry} and Spring Framework's {@code @EnableResilientMethods}: Spring Boot turns none of
 *     them on by itself. Spring Data's auditing switches ({@code @EnableJpaAuditing}, {@code @EnableJdbcAuditing},
 *     {@code @EnableMongoAuditing}, {@code @EnableR2dbcAuditing}, ...) likewise: without them a {@code @CreatedDate},
 *     {@code @CreatedBy}, {@code @LastModifiedDate} or {@code @LastModifiedBy} field stays null (a NOT NULL insert
 *     fails, or the audit data goes missing), and so do the properties of an entity that implements Spring Data's
 *     {@code Auditable} (Spring Data JPA's {@code AbstractAuditable} does, without those annotations) or whose
 *     {@code @EntityListeners} name Spring Data JPA's {@code AuditingEntityListener} (JPA auditing's own marker). It
 *     matters to a process only when a class it runs uses one of those ({@link #uses}: the annotations on the class or
 *     a superclass, on their methods or fields; the type; the listener, on the class or a superclass).</li>
 * <li>What Spring Boot turns on by itself when the annotation is missing ({@link #SPRING_BOOT_TURNS_ON}:
 *     {@code @EnableTransactionManagement}, by {@code TransactionAutoConfiguration} whenever there is a transaction
 *     manager; {@code @EnableAspectJAutoProxy}, by {@code AopAutoConfiguration}) changes nothing.</li>
 * <li>Any other {@code @Enable*} is a warning. Asked whether leaving it out changes an answer, the ones met in
 *     applications mostly register what their own module declares ({@code @EnableFeignClients},
 *     {@code @EnableWebSocket}, {@code @EnableKafka}, {@code @EnableRabbit}, {@code @EnableJms}, the last three also
 *     turned on by Spring Boot by itself) or scan packages (below): a process without the module loses only that
 *     module's own listeners, clients or endpoints, which run where the module runs, and its answers stay the same.
 *     The plugin cannot be sure of that for an annotation it does not know, so it names it in a warning rather than
 *     refusing every service. One that scans packages only inside its module ({@link #scansOnlyInside}) is no finding at all.</li>
 * </ul>
 */
final class EnableAnnotations {

    /** The {@code @Enable*} annotations without which every answer changes, by name. */
    static final Set<String> CHANGE_EVERY_ANSWER = Set.of(
            "org.springframework.security.config.annotation.web.configuration.EnableWebSecurity",
            "org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity",
            "org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity",
            "org.springframework.security.config.annotation.method.configuration.EnableGlobalMethodSecurity",
            "org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity",
            "org.springframework.web.servlet.config.annotation.EnableWebMvc",
            "org.springframework.web.reactive.config.EnableWebFlux");

    /** The package of Spring Session's {@code @Enable*HttpSession} and {@code @Enable*WebSession} switches and below. */
    private static final String SPRING_SESSION = "org.springframework.session.";

    /**
     * Each feature switch, by name, to the uses it makes work ({@link ApplicationWide#featureUses}): the annotations (by
     * name) of the methods, fields or classes, and Spring Data's auditing type and listener.
     */
    static final Map<String, List<String>> FEATURES = features();

    /** The uses of a feature switch that are no annotation: Spring Data's auditing type and JPA listener. */
    private static final Set<String> TYPE_USES = Set.of(ApplicationWide.AUDITABLE, ApplicationWide.AUDITING_ENTITY_LISTENER);

    /** JPA's {@code @EntityListeners}, by name: Jakarta Persistence's and the older Java Persistence's. */
    private static final List<String> ENTITY_LISTENERS = List.of("jakarta.persistence.EntityListeners",
            "javax.persistence.EntityListeners");

    /** The {@code @Enable*} annotations Spring Boot applies by itself when no class declares them, by name. */
    static final Set<String> SPRING_BOOT_TURNS_ON = Set.of(
            "org.springframework.transaction.annotation.EnableTransactionManagement",
            "org.springframework.context.annotation.EnableAspectJAutoProxy");

    private EnableAnnotations() {
    }

    private static Map<String, List<String>> features() {
        String scheduling = "org.springframework.scheduling.annotation.";
        String cache = "org.springframework.cache.annotation.";
        String retry = "org.springframework.retry.annotation.";
        String resilience = "org.springframework.resilience.annotation.";
        Map<String, List<String>> features = new LinkedHashMap<>();
        features.put(scheduling + "EnableScheduling", List.of(scheduling + "Scheduled", scheduling + "Schedules"));
        features.put(scheduling + "EnableAsync", List.of(scheduling + "Async"));
        features.put(cache + "EnableCaching", List.of(cache + "Cacheable", cache + "CachePut", cache + "CacheEvict",
                cache + "Caching"));
        features.put(retry + "EnableRetry", List.of(retry + "Retryable", retry + "Recover", retry + "CircuitBreaker"));
        features.put(resilience + "EnableResilientMethods", List.of(resilience + "Retryable", resilience + "ConcurrencyLimit"));
        String audit = "org.springframework.data.annotation.";
        List<String> audited = List.of(audit + "CreatedBy", audit + "CreatedDate", audit + "LastModifiedBy",
                audit + "LastModifiedDate", ApplicationWide.AUDITABLE, ApplicationWide.AUDITING_ENTITY_LISTENER);
        features.put("org.springframework.data.jpa.repository.config.EnableJpaAuditing", audited);
        features.put("org.springframework.data.jdbc.repository.config.EnableJdbcAuditing", audited);
        features.put("org.springframework.data.mongodb.config.EnableMongoAuditing", audited);
        features.put("org.springframework.data.mongodb.config.EnableReactiveMongoAuditing", audited);
        features.put("org.springframework.data.r2dbc.config.EnableR2dbcAuditing", audited);
        features.put("org.springframework.data.neo4j.config.EnableNeo4jAuditing", audited);
        return features;
    }

    /**
     * What an {@code @Enable*} annotation configures, in {@link ApplicationWideBeans}' shape.
     *
     * @param annotation the annotation's class name
     * @param words      how the lines name it ({@code @EnableScheduling})
     * @return {@code what}, {@code effect} ({@code blocks}, {@code enables} with {@code needs}: the annotations, by name,
     *         that need it; {@code warns}); null when it changes nothing (Spring Boot turns it on anyway)
     */
    static Map<String, Object> of(String annotation, String words) {
        if (CHANGE_EVERY_ANSWER.contains(annotation) || changesSessions(annotation)) {
            return ApplicationWideBeans.setting(words, ApplicationWideBeans.BLOCKS, List.of());
        }
        if (FEATURES.containsKey(annotation)) {
            return ApplicationWideBeans.setting(words, ApplicationWideBeans.ENABLES, FEATURES.get(annotation));
        }
        // Any other: most register their own module's listeners, clients or endpoints (the class comment), so a warning.
        return SPRING_BOOT_TURNS_ON.contains(annotation) ? null
                : ApplicationWideBeans.setting(words, ApplicationWideBeans.WARNS, List.of());
    }

    /** Whether the annotation is one of Spring Session's switches: where every request's session lives. */
    static boolean changesSessions(String annotation) {
        return annotation.startsWith(SPRING_SESSION) && (annotation.endsWith("HttpSession") || annotation.endsWith("WebSession"));
    }

    /**
     * @param types the application's classes
     * @return each class that uses what a feature switch makes work, to those uses' names
     *         ({@link ApplicationWide#featureUses}), sorted: an annotation on the class or one of its superclasses, or on
     *         one of their methods or fields (also through an annotation built on it; a superclass in a library jar
     *         counts, its fields not being the class's own); {@link ApplicationWide#AUDITABLE} for a class assignable to
     *         Spring Data's {@code Auditable}; {@link ApplicationWide#AUDITING_ENTITY_LISTENER} for a class whose
     *         {@code @EntityListeners} (JPA's, {@code jakarta.} or {@code javax.}), or a superclass's, name Spring Data
     *         JPA's {@code AuditingEntityListener}. Classes in name order, none when no class uses one
     */
    static Map<String, List<String>> uses(Collection<JavaClass> types) {
        Set<String> annotations = new TreeSet<>();
        FEATURES.values().forEach(annotations::addAll);
        annotations.removeAll(TYPE_USES);
        Map<String, List<String>> uses = new TreeMap<>();
        for (JavaClass type : types) {
            List<JavaClass> hierarchy = new ArrayList<>(List.of(type));
            hierarchy.addAll(type.getAllRawSuperclasses());
            Set<String> used = new TreeSet<>();
            for (String annotation : annotations) {
                if (hierarchy.stream().anyMatch(declared -> declares(declared, annotation))) {
                    used.add(annotation);
                }
            }
            if (type.isAssignableTo(ApplicationWide.AUDITABLE)) {
                used.add(ApplicationWide.AUDITABLE);
            }
            if (hierarchy.stream().anyMatch(EnableAnnotations::listensForAuditing)) {
                used.add(ApplicationWide.AUDITING_ENTITY_LISTENER);
            }
            if (!used.isEmpty()) {
                uses.put(type.getName(), List.copyOf(used));
            }
        }
        return uses;
    }

    /** Whether {@code annotation} is on the class, one of its own methods or fields, or on an annotation of theirs. */
    private static boolean declares(JavaClass type, String annotation) {
        return type.isAnnotatedWith(annotation) || type.isMetaAnnotatedWith(annotation)
                || type.getMethods().stream().anyMatch(method -> annotated(method, annotation))
                || type.getFields().stream().anyMatch(field -> field.isAnnotatedWith(annotation)
                        || field.isMetaAnnotatedWith(annotation));
    }

    /** Whether the class's own {@code @EntityListeners} name Spring Data JPA's auditing listener. */
    private static boolean listensForAuditing(JavaClass type) {
        return ENTITY_LISTENERS.stream().anyMatch(listeners -> type.tryGetAnnotationOfType(listeners)
                .map(annotation -> ApplicationWideBeans.classes(annotation, "value")
                        .contains(ApplicationWide.AUDITING_ENTITY_LISTENER))
                .orElse(false));
    }

    /**
     * Whether an {@code @Enable*} annotation scans packages ({@code basePackages}) and every package it scans lies in
     * the annotated class's module; with none named it scans the annotated class's own package.
     */
    static boolean scansOnlyInside(JavaAnnotation<JavaClass> annotation, JavaClass annotated, String module) {
        Optional<Class<?>> type = load(annotation.getRawType().getName());
        if (type.isEmpty() || !hasAttribute(type.get(), "basePackages")) {
            return false;
        }
        List<String> packages = new ArrayList<>(ApplicationWideBeans.strings(annotation, "basePackages"));
        packages.addAll(ApplicationWideBeans.classes(annotation, "basePackageClasses").stream()
                .map(ApplicationWideBeans::packageOf).toList());
        if (hasAttribute(type.get(), "value")) {
            packages.addAll(ApplicationWideBeans.strings(annotation, "value"));
        }
        if (packages.isEmpty()) {
            packages.add(annotated.getPackageName());
        }
        return packages.stream().allMatch(p -> ApplicationWideBeans.within(p, module));
    }

    private static boolean hasAttribute(Class<?> annotation, String name) {
        for (Method method : annotation.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, ApplicationWideBeans.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static boolean annotated(JavaMethod method, String annotation) {
        return method.isAnnotatedWith(annotation) || method.isMetaAnnotatedWith(annotation);
    }
}
