package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Bean references that Spring Modulith records only as type references ({@code DEFAULT}), not as
 * {@code USES_COMPONENT}: a bean of another module injected through a holder Spring resolves beans into,
 * {@code ObjectProvider<SlaPolicy>}, {@code Optional<SlaPolicy>}, {@code List<SlaPolicy>}, {@code Map<String,
 * SlaPolicy>}. A service without that module would start and then fail at the first lookup (no such bean), so each is
 * reported as a bean reference, as a constructor parameter of the bean's own type is. Read where Spring injects: the
 * constructors of a Spring component, its fields and methods annotated {@code @Autowired}, {@code @Inject} or
 * {@code @Resource}, and the parameters of its {@code @Bean} methods.
 */
final class IndirectBeanReferences {

    /** The holders Spring fills with beans of their (last) type argument. */
    private static final Set<String> HOLDERS = Set.of("org.springframework.beans.factory.ObjectProvider",
            "org.springframework.beans.factory.ObjectFactory", "jakarta.inject.Provider", "java.util.Optional",
            "java.util.List", "java.util.Set", "java.util.Collection", "java.util.Map");
    private static final String COMPONENT = "org.springframework.stereotype.Component";
    private static final Set<String> INJECTING = Set.of("org.springframework.beans.factory.annotation.Autowired",
            "jakarta.inject.Inject", "jakarta.annotation.Resource", "org.springframework.context.annotation.Bean");

    private IndirectBeanReferences() {
    }

    /**
     * @param types    a module's types
     * @param module   the module's name
     * @param moduleOf the module holding a type, empty for a type of no module (a library's)
     * @return each reference to another module's type through a holder, as the analyzer's dependency JSON:
     *         {@code type} {@code USES_COMPONENT}, {@code source} the injecting class, {@code target} the bean's type,
     *         {@code module} the module holding it; in the order found
     */
    static List<Map<String, Object>> of(Iterable<JavaClass> types, String module,
            Function<JavaClass, Optional<String>> moduleOf) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (JavaClass type : types) {
            for (JavaClass bean : injected(type, Injection.HOLDERS)) {
                moduleOf.apply(bean).filter(owner -> !owner.equals(module))
                        .map(owner -> reference("USES_COMPONENT", type, bean, owner))
                        .filter(r -> !found.contains(r)).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * The classes of the beans Spring injects into {@code type}, read where it injects (as the class comment says).
     *
     * @param type   any class; one that is no Spring component has none
     * @param direct which injections count ({@link Injection})
     * @return each injected bean class, in the order found (a class may come more than once)
     */
    static List<JavaClass> injected(JavaClass type, Injection direct) {
        if (!type.isMetaAnnotatedWith(COMPONENT)) {
            return List.of();
        }
        List<JavaType> injected = new ArrayList<>();
        type.getConstructors().forEach(constructor -> parameterTypes(constructor, injected));
        for (JavaField field : type.getFields()) {
            if (injects(field.getAnnotations().stream().map(a -> a.getRawType().getName()).toList())) {
                injected.add(field.getType());
            }
        }
        type.getMethods().stream()
                .filter(method -> injects(method.getAnnotations().stream().map(a -> a.getRawType().getName()).toList()))
                .forEach(method -> parameterTypes(method, injected));
        List<JavaClass> beans = new ArrayList<>();
        for (JavaType injection : injected) {
            Optional<JavaClass> held = held(injection);
            if (held.isPresent()) {
                if (direct != Injection.PLAIN) {
                    beans.add(held.get());
                }
            } else if (direct != Injection.HOLDERS) {
                beans.add(injection.toErasure());
            }
        }
        return beans;
    }

    /**
     * Which injections {@link #injected} returns: a plain injected type ({@code Stock stock}), a holder's beans
     * ({@code ObjectProvider<Stock>}, {@code Optional<Stock>}, {@code List<Stock>}...), or both.
     */
    enum Injection {
        /** Only holders' beans: a module's own plain ones Spring Modulith records already. */
        HOLDERS,
        /** Only plain injected types: the ones whose absence fails the start (a holder may be empty). */
        PLAIN,
        /** Both. */
        BOTH
    }

    private static boolean injects(List<String> annotations) {
        return annotations.stream().anyMatch(INJECTING::contains);
    }

    private static void parameterTypes(JavaCodeUnit unit, List<JavaType> into) {
        unit.getParameters().stream().map(JavaParameter::getType).forEach(into::add);
    }

    /** The class a holder type holds beans of: its last type argument's class; empty for any other type. */
    private static Optional<JavaClass> held(JavaType type) {
        if (!(type instanceof JavaParameterizedType parameterized)
                || !HOLDERS.contains(parameterized.toErasure().getName())) {
            return Optional.empty();
        }
        List<JavaType> arguments = parameterized.getActualTypeArguments();
        if (arguments.isEmpty()) {
            return Optional.empty();
        }
        JavaType held = arguments.get(arguments.size() - 1);
        // ObjectProvider<List<T>> and the like: the beans are still T's.
        return held instanceof JavaParameterizedType inner && HOLDERS.contains(inner.toErasure().getName())
                ? held(inner) : Optional.of(held.toErasure());
    }

    /**
     * One bean reference as the analyzer's dependency JSON, the one shape every bean reference it finds takes.
     *
     * @param type   the dependency type: {@code USES_COMPONENT}, or {@link OutsideBeanUses#FROM_MAIN}
     * @param source the using class
     * @param target the bean's class
     * @param module the module holding the bean
     * @return {@code type}, {@code source}, {@code target} and {@code module}, in that order
     */
    static Map<String, Object> reference(String type, JavaClass source, JavaClass target, String module) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("source", source.getName());
        json.put("target", target.getName());
        json.put("module", module);
        return json;
    }
}
