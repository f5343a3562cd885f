package dev.forum.extraction.analyzer;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the methods of an HTTP contract whose path Spring's HTTP client sends with an empty segment: it joins the
 * class-level {@code @HttpExchange} url and the method's as written, adding a '/' between them when neither has one
 * and removing none ({@code HttpServiceMethod}), so {@code @HttpExchange("/api/orders/")} and
 * {@code @GetExchange("/{id}")} send {@code /api/orders//{id}}. The load balancer refuses such a non-canonical path
 * before any module's rule ({@code dev.forum.topology.CanonicalPath}), so every call of the method through the remote
 * client fails, although Spring MVC serves the method at {@code /api/orders/{id}} (its join drops one '/') and the
 * module's prefix is {@code /api/orders} ({@code ModuleRoute.fullPath}). A path with a placeholder ({@code ${...}}) is
 * left to the run time. The annotations are found by name, so that no Spring is needed here.
 */
final class ContractPaths {

    private static final String EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";

    private ContractPaths() {
    }

    /**
     * Every method of {@code contract} whose client path holds {@code //} at the join, in method order.
     *
     * @param contract an interface with HTTP exchange annotations
     * @return one problem per such method: its part is {@code path}, its type the two paths as written
     */
    static List<ContractTypes.Problem> problems(Class<?> contract) {
        Optional<String> classLevel = url(contract.getAnnotations());
        if (classLevel.isEmpty() || !classLevel.get().endsWith("/")) {
            return List.of();
        }
        String prefix = classLevel.get();
        List<ContractTypes.Problem> problems = new ArrayList<>();
        Method[] methods = contract.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            url(method.getAnnotations()).filter(path -> path.startsWith("/")).ifPresent(path -> problems.add(
                    new ContractTypes.Problem(method.getName(), "path", "@HttpExchange(\"" + prefix + "\") and \"" + path
                            + "\"", "Spring's HTTP client joins the two as " + prefix + path + ", whose empty segment ('//') the load balancer refuses as a"
                            + " non-canonical path", "drop the trailing '/' of the class-level @HttpExchange(\"" + prefix
                            + "\") of " + contract.getSimpleName() + " (Spring MVC serves the same routes without it)")));
        }
        return problems;
    }

    /** The url (or its alias value) of the first of these that is an HTTP exchange annotation, when it has text. */
    private static Optional<String> url(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (!exchange(annotation.annotationType())) {
                continue;
            }
            for (String attribute : List.of("url", "value")) {
                String value = attribute(annotation, attribute);
                if (value != null && !value.isBlank()) {
                    return value.contains("${") ? Optional.empty() : Optional.of(value);
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean exchange(Class<? extends Annotation> type) {
        return type.getName().equals(EXCHANGE)
                || Arrays.stream(type.getAnnotations()).anyMatch(meta -> meta.annotationType().getName().equals(EXCHANGE));
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
