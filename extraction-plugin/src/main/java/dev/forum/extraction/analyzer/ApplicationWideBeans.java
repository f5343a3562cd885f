package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which of the modules' classes configure the whole application: what Spring applies to every request, controller or
 * bean of the context, whichever module declares it, so that a process that does not run their module runs without
 * them. Read from the classes' bytecode (ArchUnit's import, which Spring Modulith made) and, for the type hierarchy
 * of a bean's type, from the application's class path this analyzer runs on. Each finding has an effect: {@link #BLOCKS}
 * (a process without it answers differently: another security, other error answers, another JSON), {@link #ENABLES}
 * (it turns on an annotation's feature, {@link EnableAnnotations}: it matters only where that annotation is used) or
 * {@link #WARNS} (it may be meant for its own module only: a filter of its own paths, a customizer of its own client).
 *
 * <p>The rules, each from where Spring documents that it applies application-wide:
 * <ul>
 * <li>A bean (a {@code @Bean} method's return type, or a {@code @Component} class, {@code @Configuration} included) of
 *     one of {@link #BEAN_TYPES}. Blocks: Spring Security reference, "Java Configuration" (every
 *     {@code SecurityFilterChain} and {@code SecurityWebFilterChain} bean joins the one filter chain proxy in front of
 *     every request; {@code WebSecurityCustomizer}), Spring Boot reference, "Spring Security" (a
 *     {@code UserDetailsService}, {@code AuthenticationManager} or {@code AuthenticationProvider} bean turns off the
 *     generated default user); Spring Framework reference, "Exceptions" (every {@code HandlerExceptionResolver} bean
 *     answers the errors of every controller, as an unscoped advice does); Spring Boot reference, "Customize the Jackson
 *     ObjectMapper" (an {@code ObjectMapper} bean, or a customizer of Spring Boot's JSON mapper builder, shapes the JSON
 *     of every answer); extraction-runtime README, "Hooks" ({@code RemoteCallHeaders}, {@code RemoteErrorDecoder}:
 *     every remote call's credentials and the exception its caller gets). Warns: Spring Boot reference, "Servlets,
 *     Filters, and Listeners" (every {@code Filter} bean and every {@code RegistrationBean} is registered with the
 *     embedded server, for {@code /*} unless mapped otherwise, and many filter only their own paths); Spring Framework
 *     reference, "WebFlux Special Bean Types" (every {@code WebFilter} bean); "MVC Config" and "WebFlux Config" (every
 *     {@code WebMvcConfigurer} / {@code WebFluxConfigurer} bean configures the one dispatcher: interceptors, converters,
 *     CORS, often for its own paths); "Interception" (every {@code MappedInterceptor} bean); Spring Boot reference,
 *     "HttpMessageConverters" (every {@code HttpMessageConverter} bean joins the converters, usually for its own types);
 *     Spring Framework reference, "Container Extension Points" ({@code BeanPostProcessor},
 *     {@code BeanFactoryPostProcessor}: every bean of the context).</li>
 * <li>A bean of another Spring type named {@code *Customizer} ({@code org.springframework.} package; Spring Security's
 *     {@code Customizer} of its configuration DSL is none): Spring Boot reference, "RestClient", "RestTemplate
 *     Customization", "Customizing Embedded Servlet Containers": each such bean is applied to the one builder or factory
 *     Spring Boot configures for the whole application, often for the module's own clients or metrics. Warns.</li>
 * <li>A class annotated {@code @ControllerAdvice} (or {@code @RestControllerAdvice}, or another annotation built on
 *     it) with no selector narrowing it to its own module's controllers: Spring Framework reference, "Controller
 *     Advice": "By default, {@code @ControllerAdvice} methods apply globally (across all controllers)"; its selectors
 *     ({@code basePackages}/{@code value}, {@code basePackageClasses}, {@code assignableTypes}, {@code annotations})
 *     are alternatives, so it is the module's own only when its packages and types all lie in the module and it
 *     selects no annotation. Blocks: every error answer of other modules changes.</li>
 * <li>A class annotated {@code @Enable*}: {@link EnableAnnotations} says which block, which enable a feature and
 *     which warn. Not {@code @EnableConfigurationProperties}, which binds the classes it names; and one that scans
 *     packages ({@code @EnableJpaRepositories}, {@code @EnableJdbcRepositories}: an annotation with
 *     {@code basePackages}) only when it scans outside its module (with none named, Spring Data scans the annotated
 *     class's package).</li>
 * </ul>
 */
final class ApplicationWideBeans {

    /** The effect of a finding a process without it answers differently by. */
    static final String BLOCKS = "blocks";

    /** The effect of a finding that turns on a feature, which matters only where the feature's annotations are used. */
    static final String ENABLES = "enables";

    /** The effect of a finding that may well be meant for its own module only. */
    static final String WARNS = "warns";

    /** The bean types Spring applies to the whole application, each to the word the lines use for it and its effect (the class comment says why). */
    static final Map<String, Rule> BEAN_TYPES = beanTypes();

    private static final String BEAN = "org.springframework.context.annotation.Bean";
    private static final String COMPONENT = "org.springframework.stereotype.Component";
    private static final String CONTROLLER_ADVICE = "org.springframework.web.bind.annotation.ControllerAdvice";
    private static final String SECURITY_DSL_CUSTOMIZER = "org.springframework.security.config.Customizer";
    private static final String ENABLE_CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.EnableConfigurationProperties";

    /** How the lines name a bean type, and what leaving it out of a process does ({@link #BLOCKS}, {@link #WARNS}). */
    record Rule(String word, String effect) {
    }

    private final Function<JavaClass, String> basePackageOf;
    private final Map<String, Set<String>> supertypes = new LinkedHashMap<>();

    private ApplicationWideBeans(Function<JavaClass, String> basePackageOf) {
        this.basePackageOf = basePackageOf;
    }

    private static Map<String, Rule> beanTypes() {
        Map<String, Rule> types = new LinkedHashMap<>();
        blocks(types, "org.springframework.security.web.SecurityFilterChain", "SecurityFilterChain");
        blocks(types, "org.springframework.security.web.server.SecurityWebFilterChain", "SecurityWebFilterChain");
        blocks(types, "org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer",
                "WebSecurityCustomizer");
        blocks(types, "org.springframework.security.core.userdetails.UserDetailsService", "UserDetailsService");
        blocks(types, "org.springframework.security.core.userdetails.ReactiveUserDetailsService", "ReactiveUserDetailsService");
        blocks(types, "org.springframework.security.authentication.AuthenticationManager", "AuthenticationManager");
        blocks(types, "org.springframework.security.authentication.AuthenticationProvider", "AuthenticationProvider");
        blocks(types, "org.springframework.web.servlet.HandlerExceptionResolver", "HandlerExceptionResolver");
        blocks(types, "tools.jackson.databind.ObjectMapper", "ObjectMapper");
        blocks(types, "com.fasterxml.jackson.databind.ObjectMapper", "ObjectMapper");
        blocks(types, "org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer", "JsonMapperBuilderCustomizer");
        // Jackson 2's customizer: Spring Boot 4's name (spring-boot-jackson2), then Spring Boot 3's.
        blocks(types, "org.springframework.boot.jackson2.autoconfigure.Jackson2ObjectMapperBuilderCustomizer",
                "Jackson2ObjectMapperBuilderCustomizer");
        blocks(types, "org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer",
                "Jackson2ObjectMapperBuilderCustomizer");
        blocks(types, "dev.forum.extraction.runtime.remote.RemoteCallHeaders", "RemoteCallHeaders");
        blocks(types, "dev.forum.extraction.runtime.remote.RemoteErrorDecoder", "RemoteErrorDecoder");
        types.put("org.springframework.boot.web.servlet.RegistrationBean", new Rule("servlet registration (RegistrationBean)", WARNS));
        types.put("jakarta.servlet.Filter", new Rule("Filter", WARNS));
        types.put("org.springframework.web.server.WebFilter", new Rule("WebFilter", WARNS));
        types.put("org.springframework.web.servlet.config.annotation.WebMvcConfigurer", new Rule("WebMvcConfigurer", WARNS));
        types.put("org.springframework.web.reactive.config.WebFluxConfigurer", new Rule("WebFluxConfigurer", WARNS));
        types.put("org.springframework.web.servlet.handler.MappedInterceptor", new Rule("MappedInterceptor", WARNS));
        types.put("org.springframework.http.converter.HttpMessageConverter", new Rule("HttpMessageConverter", WARNS));
        types.put("org.springframework.beans.factory.config.BeanPostProcessor", new Rule("BeanPostProcessor", WARNS));
        types.put("org.springframework.beans.factory.config.BeanFactoryPostProcessor", new Rule("BeanFactoryPostProcessor", WARNS));
        return types;
    }

    private static void blocks(Map<String, Rule> types, String type, String word) {
        types.put(type, new Rule(word, BLOCKS));
    }

    /** One finding as the analyzer's output holds it: {@code what}, {@code effect}, {@code needs} (for {@link #ENABLES}). */
    static Map<String, Object> setting(String what, String effect, List<String> needs) {
        Map<String, Object> setting = new LinkedHashMap<>();
        setting.put("what", what);
        setting.put("effect", effect);
        setting.put("needs", needs);
        return setting;
    }

    /**
     * @param types         the modules' classes
     * @param basePackageOf each class to its module's base package
     * @return each class that configures the whole application to what it configures: each finding a map of
     *         {@code what} in the words of the build's lines ({@code a SecurityFilterChain bean from api()},
     *         {@code @EnableMethodSecurity}, {@code @RestControllerAdvice for every controller}), {@code effect}
     *         ({@link #BLOCKS}, {@link #ENABLES}, {@link #WARNS}) and {@code needs} (for {@link #ENABLES}, the annotations
     *         by name whose use needs it; else empty); classes in name order; empty for none
     */
    static Map<String, List<Map<String, Object>>> find(Collection<JavaClass> types, Function<JavaClass, String> basePackageOf) {
        ApplicationWideBeans reader = new ApplicationWideBeans(basePackageOf);
        Map<String, List<Map<String, Object>>> found = new TreeMap<>();
        for (JavaClass type : types) {
            List<Map<String, Object>> what = reader.of(type);
            if (!what.isEmpty()) {
                found.put(type.getName(), what);
            }
        }
        return found;
    }

    private List<Map<String, Object>> of(JavaClass type) {
        Map<String, Map<String, Object>> what = new LinkedHashMap<>();
        String module = basePackageOf.apply(type);
        for (JavaAnnotation<JavaClass> annotation : type.getAnnotations()) {
            String name = annotation.getRawType().getName();
            String simple = annotation.getRawType().getSimpleName();
            if (name.equals(CONTROLLER_ADVICE) || annotation.getRawType().isAnnotatedWith(CONTROLLER_ADVICE)
                    || annotation.getRawType().isMetaAnnotatedWith(CONTROLLER_ADVICE)) {
                adviceScope(annotation, module).ifPresent(scope -> add(what, setting("@" + simple + " for " + scope, BLOCKS, List.of())));
            } else if (simple.startsWith("Enable") && !name.equals(ENABLE_CONFIGURATION_PROPERTIES)
                    && !EnableAnnotations.scansOnlyInside(annotation, type, module)) {
                add(what, EnableAnnotations.of(name, "@" + simple));
            }
        }
        boolean concrete = !type.isInterface() && !type.getModifiers().contains(JavaModifier.ABSTRACT);
        if (concrete && (type.isAnnotatedWith(COMPONENT) || type.isMetaAnnotatedWith(COMPONENT))) {
            beanKind(type.getName()).ifPresent(rule -> add(what, setting("a " + rule.word() + " bean", rule.effect(), List.of())));
        }
        for (JavaMethod method : type.getMethods()) {
            if (method.isAnnotatedWith(BEAN) || method.isMetaAnnotatedWith(BEAN)) {
                beanKind(method.getRawReturnType().getName()).ifPresent(rule -> add(what, setting("a " + rule.word()
                        + " bean from " + method.getName() + "()", rule.effect(), List.of())));
            }
        }
        return List.copyOf(what.values());
    }

    /** Adds a finding once by its words; none for null. */
    private static void add(Map<String, Map<String, Object>> what, Map<String, Object> setting) {
        if (setting != null) {
            what.putIfAbsent((String) setting.get("what"), setting);
        }
    }

    /** What Spring applies a bean of {@code type} to the whole application as ({@link #BEAN_TYPES}, a {@code *Customizer}, which warns), if anything. */
    private Optional<Rule> beanKind(String type) {
        Set<String> all = supertypes(type);
        for (Map.Entry<String, Rule> rule : BEAN_TYPES.entrySet()) {
            if (all.contains(rule.getKey())) {
                return Optional.of(rule.getValue());
            }
        }
        return all.stream().filter(t -> t.startsWith("org.springframework.") && t.endsWith("Customizer")
                        && !t.equals(SECURITY_DSL_CUSTOMIZER))
                .findFirst().map(t -> new Rule(t.substring(t.lastIndexOf('.') + 1), WARNS));
    }

    /** The type and all its superclasses and interfaces, by name, from the class path; the type alone when it cannot be loaded. */
    private Set<String> supertypes(String type) {
        return supertypes.computeIfAbsent(type, name -> {
            Set<String> all = new LinkedHashSet<>();
            all.add(name);
            Class<?> loaded;
            try {
                loaded = Class.forName(name, false, ApplicationWideBeans.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return all;
            }
            Deque<Class<?>> toRead = new ArrayDeque<>(List.of(loaded));
            while (!toRead.isEmpty()) {
                Class<?> next = toRead.pop();
                if (all.add(next.getName()) || next == loaded) {
                    if (next.getSuperclass() != null) {
                        toRead.add(next.getSuperclass());
                    }
                    toRead.addAll(List.of(next.getInterfaces()));
                }
            }
            return all;
        });
    }

    /**
     * Which controllers an advice applies to, when that reaches beyond its module: {@code every controller} without a
     * selector; {@code controllers outside module <package>} when a selector reaches out. Empty when every selector
     * keeps to its module (its base package and below).
     */
    private static Optional<String> adviceScope(JavaAnnotation<JavaClass> advice, String module) {
        List<String> packages = new ArrayList<>(strings(advice, "value"));
        packages.addAll(strings(advice, "basePackages"));
        packages.addAll(classes(advice, "basePackageClasses").stream().map(ApplicationWideBeans::packageOf).toList());
        List<String> types = classes(advice, "assignableTypes");
        List<String> annotations = classes(advice, "annotations");
        if (packages.isEmpty() && types.isEmpty() && annotations.isEmpty()) {
            return Optional.of("every controller");
        }
        boolean inside = annotations.isEmpty() && packages.stream().allMatch(p -> within(p, module))
                && types.stream().allMatch(t -> within(packageOf(t), module));
        return inside ? Optional.empty() : Optional.of("controllers outside its module");
    }

    /** Whether package {@code pkg} lies in the module of base package {@code module} (never for "": no module). */
    static boolean within(String pkg, String module) {
        return !module.isEmpty() && (pkg.equals(module) || pkg.startsWith(module + "."));
    }

    /** The non-blank strings of an annotation's attribute (a string or an array of them); none when it is not set. */
    static List<String> strings(JavaAnnotation<?> annotation, String attribute) {
        return values(annotation, attribute).stream().filter(v -> v instanceof String).map(v -> (String) v)
                .filter(s -> !s.isBlank()).toList();
    }

    /** The class names of an annotation's attribute (a class or an array of them); none when it is not set. */
    static List<String> classes(JavaAnnotation<?> annotation, String attribute) {
        return values(annotation, attribute).stream().map(v -> v instanceof JavaClass c ? c.getName()
                : v instanceof Class<?> c ? c.getName() : null).filter(Objects::nonNull).toList();
    }

    private static List<Object> values(JavaAnnotation<?> annotation, String attribute) {
        Optional<Object> value = annotation.get(attribute);
        if (value.isEmpty()) {
            return List.of();
        }
        return value.get() instanceof Object[] array ? List.of(array) : List.of(value.get());
    }

    /** The package of a class name; "" for the unnamed package. */
    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
