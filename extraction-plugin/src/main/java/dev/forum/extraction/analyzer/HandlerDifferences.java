package dev.forum.extraction.analyzer;

import dev.forum.extraction.runtime.topology.TypeNames;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The part of {@link ContractDifferences} about exceptions: a contract's controller's own {@code @ExceptionHandler}s and
 * the advices limited to part of the application that apply to it answer only over HTTP, and an exception of the
 * application's own reaches an in-process caller as itself but a remote one as a {@code RemoteErrorResponseException}.
 */
final class HandlerDifferences {

    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final String EXCEPTION_HANDLER = WEB + "ExceptionHandler";
    private static final String ADVICE = WEB + "ControllerAdvice";
    private static final String RESPONSE_STATUS = WEB + "ResponseStatus";
    private static final List<String> ERROR_RESPONSES = List.of("org.springframework.web.server.ResponseStatusException",
            "org.springframework.web.ErrorResponseException");
    private static final String HANDLER_FIX = "move the handler to a @RestControllerAdvice for the whole application (no"
            + " basePackages, assignableTypes or annotations), which answers the exception in the caller's process too";
    private static final String EXCEPTION_FIX = "have the module answer it as a problem document"
            + " (spring.mvc.problemdetails.enabled=true answers ResponseStatusException and ErrorResponseException; an"
            + " @ExceptionHandler returning a ProblemDetail, others) and register a RemoteErrorDecoder bean that turns that"
            + " answer back into ";

    private HandlerDifferences() {
    }

    /**
     * @param contract    the contract's interface
     * @param controllers the application's controllers implementing it
     * @param advices     the application's classes annotated {@code @ControllerAdvice} or {@code @RestControllerAdvice}
     * @param exceptions  the exception classes of the contract's module
     * @param own         whether a class is the application's own
     * @return one line per controller's handler, per limited advice applying to a controller, then per exception of the
     *         application's own that those handle, the contract's methods declare or the module marks as an answer
     */
    static List<String> lines(Class<?> contract, List<Class<?>> controllers, Collection<Class<?>> advices,
            Collection<Class<?>> exceptions, Predicate<String> own) {
        String simple = contract.getSimpleName();
        List<String> lines = new ArrayList<>();
        List<String> handled = new ArrayList<>();
        for (Class<?> controller : controllers) {
            for (Method handler : handlers(controller)) {
                List<String> types = handledTypes(handler);
                types.stream().filter(own).filter(t -> !handled.contains(t)).forEach(handled::add);
                lines.add(controller.getName() + "." + handler.getName() + " (@ExceptionHandler of " + simpleNames(types)
                        + ") answers only over HTTP: an in-process caller of " + simple + " gets the exception itself"
                        + " (answered by its own handlers, else a 500), a remote one the module's answer (a"
                        + " RemoteErrorResponseException with its status); " + HANDLER_FIX);
            }
            for (Class<?> advice : advices) {
                if (!limited(advice) || !applies(advice, controller)) {
                    continue;
                }
                List<Method> adviceHandlers = handlers(advice);
                if (adviceHandlers.isEmpty()) {
                    continue;
                }
                adviceHandlers.forEach(h -> handledTypes(h).stream().filter(own).filter(t -> !handled.contains(t))
                        .forEach(handled::add));
                lines.add(advice.getName() + " (an advice limited to part of the application) answers " + controller.getName()
                        + "'s exceptions only over HTTP: an in-process caller of " + simple + " gets the exception itself"
                        + " (answered by its own handlers, else a 500), a remote one the module's answer; " + HANDLER_FIX);
            }
        }
        List<String> thrown = new ArrayList<>(handled);
        for (Method method : ContractDifferences.methods(contract)) {
            Arrays.stream(method.getExceptionTypes()).map(Class::getName).filter(own).filter(t -> !thrown.contains(t))
                    .forEach(thrown::add);
        }
        exceptions.stream().filter(HandlerDifferences::answer).map(Class::getName).filter(t -> !thrown.contains(t)).sorted()
                .forEach(thrown::add);
        for (String exception : thrown) {
            String name = exception.substring(exception.lastIndexOf('.') + 1).replace('$', '.');
            lines.add(simple + ": " + exception + " reaches an in-process caller as itself, with its message; a remote"
                    + " caller gets a RemoteErrorResponseException with the module's status instead, without the message"
                    + " when the module answers Spring Boot's error JSON (problem details off); " + EXCEPTION_FIX + name);
        }
        return lines;
    }

    /** The methods of the class and its superclasses (Object's aside) annotated {@code @ExceptionHandler}, by name. */
    private static List<Method> handlers(Class<?> type) {
        List<Method> found = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            Arrays.stream(current.getDeclaredMethods()).filter(m -> !m.isBridge() && !m.isSynthetic())
                    .filter(m -> Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(EXCEPTION_HANDLER)))
                    .filter(m -> found.stream().noneMatch(f -> f.getName().equals(m.getName())
                            && Arrays.equals(f.getParameterTypes(), m.getParameterTypes())))
                    .forEach(found::add);
        }
        found.sort(Comparator.comparing(Method::getName));
        return found;
    }

    /** The exceptions a handler handles: its annotation's, else its parameters of a {@code Throwable} type. */
    private static List<String> handledTypes(Method handler) {
        for (Annotation annotation : handler.getAnnotations()) {
            if (annotation.annotationType().getName().equals(EXCEPTION_HANDLER)) {
                for (String attribute : List.of("value", "exception")) {
                    if (ContractDifferences.attribute(annotation, attribute) instanceof Class<?>[] types && types.length > 0) {
                        return Arrays.stream(types).map(Class::getName).toList();
                    }
                }
            }
        }
        return Arrays.stream(handler.getParameterTypes()).filter(Throwable.class::isAssignableFrom).map(Class::getName).toList();
    }

    private static String simpleNames(List<String> types) {
        return types.isEmpty() ? "?" : String.join(", ", types.stream().map(t -> t.substring(t.lastIndexOf('.') + 1).replace('$', '.')).toList());
    }

    /** An advice limited to part of the application: by packages, types or annotations. */
    private static boolean limited(Class<?> advice) {
        return adviceAnnotation(advice).map(a -> List.of("value", "basePackages", "basePackageClasses", "assignableTypes",
                "annotations").stream().anyMatch(n -> ContractDifferences.attribute(a, n) instanceof Object[] values && values.length > 0)).orElse(false);
    }

    /** Whether the limited advice applies to the controller, as Spring's {@code HandlerTypePredicate} decides. */
    private static boolean applies(Class<?> advice, Class<?> controller) {
        Annotation annotation = adviceAnnotation(advice).orElseThrow();
        List<String> packages = new ArrayList<>();
        for (String name : List.of("value", "basePackages")) {
            if (ContractDifferences.attribute(annotation, name) instanceof String[] values) {
                packages.addAll(Arrays.asList(values));
            }
        }
        if (ContractDifferences.attribute(annotation, "basePackageClasses") instanceof Class<?>[] classes) {
            Arrays.stream(classes).map(Class::getPackageName).forEach(packages::add);
        }
        String pkg = controller.getPackageName();
        if (packages.stream().anyMatch(p -> !p.isEmpty() && (pkg.equals(p) || pkg.startsWith(p + ".")))) {
            return true;
        }
        if (ContractDifferences.attribute(annotation, "assignableTypes") instanceof Class<?>[] types
                && Arrays.stream(types).anyMatch(t -> t.isAssignableFrom(controller))) {
            return true;
        }
        return ContractDifferences.attribute(annotation, "annotations") instanceof Class<?>[] marks && Arrays.stream(marks)
                .anyMatch(m -> Arrays.stream(controller.getAnnotations()).anyMatch(a -> a.annotationType() == m));
    }

    /** The class's {@code @ControllerAdvice}, or the composed annotation ({@code @RestControllerAdvice}) carrying it. */
    private static Optional<Annotation> adviceAnnotation(Class<?> type) {
        return Arrays.stream(type.getAnnotations()).filter(a -> ContractDifferences.is(a.annotationType(), ADVICE)).findFirst();
    }

    /** An exception its class marks as an HTTP answer: {@code @ResponseStatus}, {@code ResponseStatusException}, {@code ErrorResponseException}. */
    private static boolean answer(Class<?> exception) {
        return Throwable.class.isAssignableFrom(exception)
                && (TypeNames.supertypes(exception).stream().anyMatch(ERROR_RESPONSES::contains)
                        || Arrays.stream(exception.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(RESPONSE_STATUS)));
    }
}
