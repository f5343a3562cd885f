package dev.forum.extraction.analyzer;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the methods of an HTTP contract whose path Spring's HTTP client sends with an empty segment: it joins the
 * class-level {@code @HttpExchange} url and the method's as written, adding a '/' between them when neither has one
 * and removing none ({@code HttpServiceMethod}), so {@code @HttpExchange("/api/orders/")} and
 * {@code @GetExchange("/{id}")} send {@code /api/orders//{id}}. The load balancer refuses such a non-canonical path
 * before any module's rule ({@code dev.forum.topology.CanonicalPath}), so every call of the method through the remote
 * client fails, although Spring MVC serves the method at {@code /api/orders/{id}} (its join drops one '/') and the
 * module's prefix is {@code /api/orders} ({@code ModuleRoute.fullPath}). The class-level url is found as Spring finds
 * it ({@code AnnotatedElementUtils.findMergedAnnotation(contract, HttpExchange.class)}): on the contract itself, then
 * on its super-interfaces, each before the ones it extends, in declaration order. A path with a placeholder
 * ({@code ${...}}) is left to the run time. The annotations are found by name, so that no Spring is needed here.
 */
final class ContractPaths {

    private static final String EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";

    private ContractPaths() {
    }

    /**
     * A method whose client path holds {@code //}: the class-level url and the method's path, as written.
     *
     * @param method    the method's name
     * @param classPath the contract's class-level url, ending in '/'
     * @param path      the method's path, starting with '/'
     */
    record Join(String method, String classPath, String path) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("method", method);
            json.put("classPath", classPath);
            json.put("path", path);
            return json;
        }
    }

    /**
     * Every method of {@code contract} whose client path holds {@code //} at the join, in method order.
     *
     * @param contract an interface with HTTP exchange annotations
     * @return one join per such method; none when its class-level url (its own or a super-interface's) does not end
     *         in '/'
     */
    static List<Join> problems(Class<?> contract) {
        Optional<String> classLevel = classUrl(contract, EXCHANGE).filter(url -> !url.contains("${"));
        if (classLevel.isEmpty() || !classLevel.get().endsWith("/")) {
            return List.of();
        }
        List<Join> joins = new ArrayList<>();
        Method[] methods = contract.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            url(method.getAnnotations(), EXCHANGE).filter(path -> !path.contains("${") && path.startsWith("/"))
                    .ifPresent(path -> joins.add(new Join(method.getName(), classLevel.get(), path)));
        }
        return joins;
    }

    /**
     * The class-level url of {@code type} as Spring finds it ({@code AnnotatedElementUtils.findMergedAnnotation}): that
     * of the first of {@code type} and its super-interfaces (depth first, in declaration order) that carries the
     * annotation, directly or through a composed annotation. The one lookup of a contract's class-level url: the
     * HTTP client's path here, and the contract's route prefix ({@link ModulithAnalyzer}, with
     * {@code extract.routeAnnotation}).
     *
     * @param type       an interface
     * @param annotation the annotation's binary name, such as
     *                   {@code org.springframework.web.service.annotation.HttpExchange}
     * @return its {@code url}, else its alias {@code value}, as written; empty when the first annotated type has
     *         neither with text, or none is annotated
     */
    static Optional<String> classUrl(Class<?> type, String annotation) {
        if (annotated(type.getAnnotations(), annotation)) {
            return url(type.getAnnotations(), annotation);
        }
        for (Class<?> parent : type.getInterfaces()) {
            Optional<String> found = classUrl(parent, annotation);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean annotated(Annotation[] annotations, String name) {
        return Arrays.stream(annotations).anyMatch(annotation -> is(annotation.annotationType(), name));
    }

    /** The url (or its alias value) of the first of these that is the annotation {@code name}, when it has text. */
    private static Optional<String> url(Annotation[] annotations, String name) {
        for (Annotation annotation : annotations) {
            if (!is(annotation.annotationType(), name)) {
                continue;
            }
            for (String attribute : List.of("url", "value")) {
                String value = attribute(annotation, attribute);
                if (value != null && !value.isBlank()) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether {@code type} is the annotation {@code name} or is annotated with it (a composed annotation). */
    private static boolean is(Class<? extends Annotation> type, String name) {
        return type.getName().equals(name) || Arrays.stream(type.getAnnotations())
                .anyMatch(meta -> meta.annotationType().getName().equals(name));
    }

    private static String attribute(Annotation annotation, String name) {
        try {
            Object value = annotation.annotationType().getMethod(name).invoke(annotation);
            return value instanceof String text ? text : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a composed annotation without that attribute
        }
    }
}
