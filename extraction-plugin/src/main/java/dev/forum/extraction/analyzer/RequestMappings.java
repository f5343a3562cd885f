package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The class-level {@code @RequestMapping} paths of a Spring MVC or WebFlux controller, read from its bytecode as
 * ArchUnit imported it: the paths every route of the controller lies below, as Spring combines them with its methods'
 * mappings. Found as Spring's {@code RequestMappingHandlerMapping} finds the type-level mapping (a merged annotation
 * over the type hierarchy): on the class, else on a superclass, else on an interface; written directly or through a
 * composed annotation meta-annotated with {@code @RequestMapping}, whose own attribute may set the path through
 * {@code @AliasFor(annotation = RequestMapping.class, attribute = "path")} (or {@code "value"}), or through
 * {@code @AliasFor(annotation = RequestMapping.class)} on an attribute itself named {@code path} or {@code value}.
 */
final class RequestMappings {

    static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";
    private static final String ALIAS_FOR = "org.springframework.core.annotation.AliasFor";
    /** Composed annotations nest this deep at most here; deeper ones are not looked into. */
    private static final int DEPTH = 4;

    private RequestMappings() {
    }

    /**
     * @param controller a controller class
     * @return its class-level paths in declaration order, as written (placeholders unresolved); empty when no type of
     *         its hierarchy carries a {@code @RequestMapping} with a path (its routes are then its methods' own paths)
     */
    static List<String> of(JavaClass controller) {
        List<JavaClass> hierarchy = new ArrayList<>();
        hierarchy.add(controller);
        hierarchy.addAll(controller.getAllRawSuperclasses());
        hierarchy.addAll(controller.getAllRawInterfaces());
        for (JavaClass type : hierarchy) {
            for (JavaAnnotation<?> annotation : type.getAnnotations()) {
                Optional<List<String>> paths = paths(annotation, DEPTH);
                if (paths.isPresent()) {
                    return paths.get();
                }
            }
        }
        return List.of();
    }

    /**
     * The paths {@code annotation} maps, when it is {@code @RequestMapping} or composed of it; empty when it is neither.
     * A composed annotation's attribute aliased to the mapping's path overrides the path its meta-annotation declares.
     */
    private static Optional<List<String>> paths(JavaAnnotation<?> annotation, int depth) {
        JavaClass type = annotation.getRawType();
        if (type.getName().equals(REQUEST_MAPPING)) {
            Set<String> paths = new LinkedHashSet<>(strings(annotation, "path"));
            paths.addAll(strings(annotation, "value"));
            return Optional.of(List.copyOf(paths));
        }
        if (depth == 0 || type.getName().startsWith("java.")) {
            return Optional.empty();
        }
        for (JavaAnnotation<JavaClass> meta : type.getAnnotations()) {
            Optional<List<String>> declared = paths(meta, depth - 1);
            if (declared.isPresent()) {
                List<String> aliased = aliasedPaths(annotation);
                return Optional.of(aliased.isEmpty() ? declared.get() : aliased);
            }
        }
        return Optional.empty();
    }

    /** The values of {@code annotation}'s attributes declared {@code @AliasFor} the mapping's path (none set: empty). */
    private static List<String> aliasedPaths(JavaAnnotation<?> annotation) {
        Set<String> paths = new LinkedHashSet<>();
        for (JavaMethod attribute : annotation.getRawType().getMethods()) {
            Optional<? extends JavaAnnotation<?>> alias = attribute.tryGetAnnotationOfType(ALIAS_FOR);
            if (alias.isEmpty()) {
                continue;
            }
            Object target = alias.get().get("annotation").orElse(null);
            String targetName = target instanceof JavaClass javaClass ? javaClass.getName() : String.valueOf(target);
            // Neither attribute nor value: the attribute of the same name (Spring's AliasFor, as @GetMapping's path()).
            String aliased = alias.get().get("attribute").map(String::valueOf).filter(a -> !a.isEmpty())
                    .or(() -> alias.get().get("value").map(String::valueOf).filter(a -> !a.isEmpty()))
                    .orElse(attribute.getName());
            if (targetName.equals(REQUEST_MAPPING) && (aliased.equals("path") || aliased.equals("value"))) {
                paths.addAll(strings(annotation, attribute.getName()));
            }
        }
        return List.copyOf(paths);
    }

    /** A {@code String} or {@code String[]} attribute's values, blanks left out. */
    private static List<String> strings(JavaAnnotation<?> annotation, String attribute) {
        Object value = annotation.get(attribute).orElse(null);
        List<String> values = new ArrayList<>();
        if (value instanceof Object[] array) {
            for (Object element : array) {
                values.add(String.valueOf(element));
            }
        } else if (value != null) {
            values.add(String.valueOf(value));
        }
        return values.stream().filter(v -> !v.isBlank()).toList();
    }
}
