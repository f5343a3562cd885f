package dev.forum.extraction.analyzer;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The part of {@link ContractDifferences} about exceptions: a contract's controller's own {@code @ExceptionHandler}s and
 * the advices limited to part of the application that apply to it answer only over HTTP, and an exception of the
 * application's own reaches an in-process caller as itself but a remote one as what the module answers it with
 * ({@link ExceptionAnswers}: a {@code RemoteErrorResponseException} for a 4xx about the request, a
 * {@code RemoteModuleException} for the 500 of an exception nothing of the module answers). Each cause is a line once
 * per controller, naming the contract methods that can meet it.
 */
final class HandlerDifferences {

    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final String EXCEPTION_HANDLER = WEB + "ExceptionHandler";
    private static final String ADVICE = WEB + "ControllerAdvice";
    private static final String HANDLER_FIX = "move the handler to a @RestControllerAdvice for the whole application (no"
            + " basePackages, assignableTypes or annotations), which answers the exception in the caller's process too";

    private HandlerDifferences() {
    }

    /**
     * One line per cause that a call of the contract can meet, each naming the contract methods it concerns (named
     * after the interface declaring them, so that a contract and the one it extends give the same line, which the
     * report warns of once): per controller's handler, per limited advice applying to a controller, then per exception
     * of the application's own that those handle, a contract method declares or the module marks as an answer. A
     * method meets an exception of the application's own when it declares it (or a super- or subtype of it) or its
     * controller's code can throw it ({@link ReachableExceptions}); it meets any other exception (a library's) always,
     * since library code may throw it. A cause that no method of this contract meets gives no line; one that methods
     * of the controller's other contracts meet too names them as well. An exception's line tells the methods that can
     * throw it from those that meet it only through a listener, advice or entity callback Spring runs for any call, and
     * what a remote caller gets in its place as the module's handlers (an advice for the whole application's too) or
     * its status answer it ({@link ExceptionAnswers}).
     *
     * @param contract    the contract's interface
     * @param controllers the application's controllers implementing it
     * @param advices     the application's classes annotated {@code @ControllerAdvice} or {@code @RestControllerAdvice}
     * @param exceptions  the exception classes of the contract's module
     * @param own         whether a class is the application's own
     * @param reach       what a controller's method can throw
     * @return the lines, handlers' first, each line once
     */
    static List<String> lines(Class<?> contract, List<Class<?>> controllers, Collection<Class<?>> advices,
            Collection<Class<?>> exceptions, Predicate<String> own, ReachableExceptions reach) {
        Set<String> mine = new HashSet<>(ContractDifferences.methods(contract).stream().map(HandlerDifferences::key).toList());
        Set<String> lines = new LinkedHashSet<>();
        Set<String> exceptionLines = new LinkedHashSet<>();
        for (Class<?> controller : controllers) {
            List<Method> served = served(controller);
            Predicate<List<Method>> concerns = methods -> methods.stream().map(HandlerDifferences::key).anyMatch(mine::contains);
            List<Class<?>> handled = new ArrayList<>();
            for (Method handler : handlers(controller)) {
                List<Class<?>> types = handledTypes(handler);
                List<Method> meeting = meeting(served, types, controller, own, reach);
                if (concerns.test(meeting)) {
                    types.stream().filter(t -> own.test(t.getName())).filter(t -> !handled.contains(t)).forEach(handled::add);
                    lines.add(controller.getName() + "." + handler.getName() + " (@ExceptionHandler of " + simpleNames(types)
                            + ") answers only over HTTP: an in-process caller of " + names(meeting, served) + " gets the"
                            + " exception itself (answered by its own handlers, else a 500), a remote one the module's"
                            + " answer (a RemoteErrorResponseException with its status, a RemoteModuleException for a 5xx); "
                            + HANDLER_FIX);
                }
            }
            for (Class<?> advice : advices) {
                if (!limited(advice) || !applies(advice, controller)) {
                    continue;
                }
                List<Class<?>> types = handlers(advice).stream().flatMap(h -> handledTypes(h).stream()).distinct().toList();
                List<Method> meeting = meeting(served, types, controller, own, reach);
                if (types.isEmpty() || !concerns.test(meeting)) {
                    continue;
                }
                types.stream().filter(t -> own.test(t.getName())).filter(t -> !handled.contains(t)).forEach(handled::add);
                lines.add(advice.getName() + " (an advice limited to part of the application) answers " + controller.getName()
                        + "'s exceptions only over HTTP: an in-process caller of " + names(meeting, served) + " gets the"
                        + " exception itself (answered by its own handlers, else a 500), a remote one the module's answer; "
                        + HANDLER_FIX);
            }
            List<Class<?>> thrown = new ArrayList<>(handled);
            for (Method method : served) {
                Arrays.stream(method.getExceptionTypes()).filter(t -> own.test(t.getName())).filter(t -> !thrown.contains(t))
                        .forEach(thrown::add);
            }
            exceptions.stream().filter(HandlerDifferences::answer).sorted(Comparator.comparing(Class::getName))
                    .filter(t -> !thrown.contains(t)).forEach(thrown::add);
            for (Class<?> exception : thrown) {
                List<Method> meeting = meeting(served, List.of(exception), controller, own, reach);
                if (!concerns.test(meeting)) {
                    continue;
                }
                String name = exception.getName().substring(exception.getName().lastIndexOf('.') + 1).replace('$', '.');
                String meets = meetingWords(exception, meeting, served, controller, own, reach);
                exceptionLines.add(exception.getName() + " (which " + meets + ") reaches an in-process caller as itself,"
                        + " with its message; " + ExceptionAnswers.remote(name, ExceptionAnswers.of(exception, controller, advices)));
            }
        }
        lines.addAll(exceptionLines);
        return List.copyOf(lines);
    }

    /**
     * The contract methods the controller serves: those of every HTTP contract it implements (a contract and the ones
     * it extends), each once, as the interface declaring it has it, in name order.
     */
    static List<Method> served(Class<?> controller) {
        Map<String, Method> served = new TreeMap<>();
        for (Class<?> type = controller; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                ContractDifferences.methods(contract).forEach(m -> served.putIfAbsent(key(m), m));
            }
        }
        return List.copyOf(served.values());
    }

    /** The served methods that can meet one of the exception types. */
    private static List<Method> meeting(List<Method> served, List<Class<?>> types, Class<?> controller,
            Predicate<String> own, ReachableExceptions reach) {
        return served.stream()
                .filter(method -> types.stream().anyMatch(type -> meets(method, type, own, reach.of(controller, method)))).toList();
    }

    /** Whether the method meets the exception type: a library's always, an own one it declares or can reach. */
    private static boolean meets(Method method, Class<?> type, Predicate<String> own, Set<String> reachable) {
        return !own.test(type.getName())
                || Arrays.stream(method.getExceptionTypes()).anyMatch(d -> d.isAssignableFrom(type) || type.isAssignableFrom(d))
                || reachable.contains(type.getName());
    }

    /**
     * How the meeting methods meet an exception, as its line says: {@code X.a can throw} for those whose declaration
     * or own code does, {@code every method of X may meet through a listener, advice or entity callback} for those
     * that meet it only through the code Spring runs for any call ({@link ReachableExceptions}), both joined by
     * {@code and} when both occur.
     */
    private static String meetingWords(Class<?> exception, List<Method> meeting, List<Method> served, Class<?> controller,
            Predicate<String> own, ReachableExceptions reach) {
        List<Method> direct = meeting.stream()
                .filter(method -> meets(method, exception, own, reach.ofImplementation(controller, method))).toList();
        List<Method> bySpring = meeting.stream().filter(method -> !direct.contains(method)).toList();
        List<String> parts = new ArrayList<>();
        if (!direct.isEmpty()) {
            parts.add(names(direct, served) + " can throw");
        }
        if (!bySpring.isEmpty()) {
            parts.add(names(bySpring, served) + " may meet through a listener, advice or entity callback");
        }
        return String.join(" and ", parts);
    }

    /**
     * The methods as a line names them, {@code CatalogApi.create, CatalogReadApi.find}, an overloaded name once, or
     * {@code every method of CatalogApi} when they are all the controller serves.
     */
    private static String names(List<Method> methods, List<Method> served) {
        if (methods.size() == served.size() && served.size() > 1) {
            List<Class<?>> declaring = served.stream().<Class<?>>map(Method::getDeclaringClass).distinct().toList();
            return "every method of " + String.join(", ", declaring.stream() // a contract, not also those it extends
                    .filter(d -> declaring.stream().noneMatch(e -> e != d && d.isAssignableFrom(e)))
                    .map(Class::getSimpleName).sorted().toList());
        }
        return String.join(", ", methods.stream().map(ContractDifferences::name).distinct().sorted().toList());
    }

    /** A method's key: the interface declaring it, its name and parameter types. */
    static String key(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + Arrays.toString(method.getParameterTypes());
    }

    /** The methods of the class and its superclasses (Object's aside) annotated {@code @ExceptionHandler}, by name. */
    static List<Method> handlers(Class<?> type) {
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
    static List<Class<?>> handledTypes(Method handler) {
        for (Annotation annotation : handler.getAnnotations()) {
            if (annotation.annotationType().getName().equals(EXCEPTION_HANDLER)) {
                for (String attribute : List.of("value", "exception")) {
                    if (ContractDifferences.attribute(annotation, attribute) instanceof Class<?>[] types && types.length > 0) {
                        return List.of(types);
                    }
                }
            }
        }
        return Arrays.stream(handler.getParameterTypes()).filter(Throwable.class::isAssignableFrom).<Class<?>>map(t -> t).toList();
    }

    private static String simpleNames(List<Class<?>> types) {
        return types.isEmpty() ? "?" : String.join(", ", types.stream().map(Class::getName)
                .map(t -> t.substring(t.lastIndexOf('.') + 1).replace('$', '.')).toList());
    }

    /** An advice limited to part of the application: by packages, types or annotations. */
    static boolean limited(Class<?> advice) {
        return adviceAnnotation(advice).map(a -> List.of("value", "basePackages", "basePackageClasses", "assignableTypes",
                "annotations").stream().anyMatch(n -> ContractDifferences.attribute(a, n) instanceof Object[] values && values.length > 0)).orElse(false);
    }

    /** Whether the limited advice applies to the controller, as Spring's {@code HandlerTypePredicate} decides. */
    static boolean applies(Class<?> advice, Class<?> controller) {
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
                && (ExceptionAnswers.errorResponse(exception) || ExceptionAnswers.statusClass(exception));
    }
}
