package dev.forum.extraction.analyzer;

import dev.forum.extraction.runtime.topology.TypeNames;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What of an HTTP contract's call differs in process and over HTTP, as the application's compiled code shows it. In
 * process a call of a contract is a plain method call; over HTTP Spring MVC binds the request and the module's own
 * handlers answer. Each difference is silent at run time, so the report warns of it, one line per cause (a method, a
 * handler or an exception, naming the contract methods it concerns), saying what differs and how to get one behaviour
 * both ways:
 * <ul>
 * <li>a contract's controller with an {@code @ExceptionHandler} of its own, or an advice limited to part of the
 * application ({@code basePackages}, {@code basePackageClasses}, {@code assignableTypes}, {@code annotations}) that
 * applies to it: it answers only requests that reach the controller over HTTP;</li>
 * <li>an exception of the application's own that a contract's method declares, that such a handler handles, or that
 * its module's code marks as an HTTP answer ({@code @ResponseStatus}, a {@code ResponseStatusException} or
 * {@code ErrorResponseException}): in process the caller gets it, remote what the module answers it with
 * ({@link ExceptionAnswers}): a {@code RemoteErrorResponseException} with the status for a 4xx about the request, its
 * message lost when the module answers Spring Boot's error JSON, a {@code RemoteModuleException} (502) for a 5xx, the
 * 500 of one that nothing of the module answers (declared, say, but neither handled nor marked) among them;</li>
 * <li>both only where a method of the contract can meet the exception: declares it or its controller's code can throw
 * it ({@link ReachableExceptions}), once per controller, naming those methods;</li>
 * <li>a {@code @Validated} controller (on its class, a superclass or an interface, or through an annotation carrying
 * it) whose contract methods declare a constraint or a {@code @Valid} body, once per controller, naming them: the run
 * time leaves it to Spring's method validation, so an invalid call is a {@code ConstraintViolationException} in process
 * but a 400 (body) or a 502 (parameter) over HTTP; where an advice for every controller handles that exception, only a
 * {@code @Valid} body differs; without a Bean Validation provider on the class path, nothing
 * ({@link ValidatedControllers});</li>
 * <li>a {@code @RequestParam}, {@code @RequestHeader} or {@code @CookieValue} of a type that can be null with a
 * {@code defaultValue}, and a {@code @PathVariable} whose path holds a regex ({@code {sku:[a-z0-9-]+}}): Spring MVC
 * applies them over HTTP only;</li>
 * <li>a bare {@code Resource} returned: remote its {@code getFilename()} is the answer's {@code Content-Disposition}
 * file name, which only a {@code ResponseEntity} can set, so null.</li>
 * </ul>
 * It also finds what can work neither way ({@link #unnamed}): a parameter sent by name whose name the class file lacks.
 * Annotations are read by name, so that no Spring is needed here.
 */
public final class ContractDifferences {

    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final String EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";
    private static final String RESOURCE = "org.springframework.core.io.Resource";
    private static final String KOTLIN = "kotlin.Metadata";
    /** Spring's {@code ValueConstants.DEFAULT_NONE}: an annotation's {@code defaultValue} when none is given. */
    private static final String DEFAULT_NONE = "\n\t\t\n\t\t\n\uE000\uE001\uE002\n\t\t\t\t\n";
    private static final List<String> DEFAULTED = List.of(WEB + "RequestParam", WEB + "RequestHeader", WEB + "CookieValue");
    /** The annotations that send a parameter by its name, and the types each takes without one (all of them at once). */
    private static final Map<String, List<String>> NAMED = Map.of(WEB + "PathVariable", List.of("java.util.Map"),
            WEB + "RequestParam", List.of("java.util.Map"), WEB + "RequestHeader", List.of("java.util.Map",
                    "org.springframework.http.HttpHeaders"), WEB + "CookieValue", List.of(), WEB + "RequestPart", List.of());
    /** A URI template variable with a regex, {@code {name:regex}}, not a {@code ${placeholder:default}}. */
    private static final Pattern REGEX_VARIABLE = Pattern.compile("(?<!\\$)\\{\\s*([\\w.-]+)\\s*:");

    private final Predicate<String> own;
    private final ReachableExceptions reach;

    /**
     * @param own   whether a class is the application's own (its root packages)
     * @param reach which of those exceptions a controller's method can throw
     */
    ContractDifferences(Predicate<String> own, ReachableExceptions reach) {
        this.own = own;
        this.reach = reach;
    }

    /**
     * What differs between an in-process and a remote call of the contract, one line each, in the order: the
     * controllers' own handlers, the limited advices, the exceptions (those the contract's methods can meet only,
     * each naming them: {@link HandlerDifferences}), the {@code @Validated} controllers ({@link ValidatedControllers}),
     * then each method's parameters and return type (methods in name order). A line names a method after the interface declaring it, so that a contract and one it extends, served
     * by the same controller, give the same line for it.
     *
     * @param contract    the contract's interface
     * @param controllers the application's controllers implementing it
     * @param advices     the application's classes annotated {@code @ControllerAdvice} or {@code @RestControllerAdvice}
     * @param exceptions  the exception classes of the contract's module
     * @return the lines; empty when the calls behave alike
     */
    public List<String> of(Class<?> contract, List<Class<?>> controllers, Collection<Class<?>> advices,
            Collection<Class<?>> exceptions) {
        List<String> lines = new ArrayList<>(HandlerDifferences.lines(contract, controllers, advices, exceptions, own, reach));
        lines.addAll(ValidatedControllers.lines(contract, controllers, advices,
                ValidatedControllers.validates(contract.getClassLoader())));
        for (Method method : methods(contract)) {
            lines.addAll(parameters(contract, method, controllers));
            if (TypeNames.supertypes(method.getReturnType()).contains(RESOURCE)) {
                lines.add(name(method) + " returns a Resource: in process the caller gets the module's own"
                        + " (its getFilename() the file's name), remote one read from the body, whose getFilename() is the"
                        + " answer's Content-Disposition file name, which a bare Resource's answer has none of (null);"
                        + " return a ResponseEntity<Resource> with a Content-Disposition header naming the file instead");
            }
        }
        return lines;
    }

    /** What of the method's parameters Spring MVC applies only over HTTP: defaults and path regexes. */
    private List<String> parameters(Class<?> contract, Method method, List<Class<?>> controllers) {
        List<String> lines = new ArrayList<>();
        String where = name(method);
        List<Method> implementations = controllers.stream().map(c -> implementation(c, method)).flatMap(Optional::stream).toList();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            int index = i;
            List<Annotation> annotations = new ArrayList<>(Arrays.asList(parameters[i].getAnnotations()));
            implementations.forEach(m -> annotations.addAll(Arrays.asList(m.getParameters()[index].getAnnotations())));
            String part = partName(parameters[i], i);
            if (!parameters[i].getType().isPrimitive()) {
                for (Annotation annotation : annotations) {
                    if (DEFAULTED.contains(annotation.annotationType().getName())
                            && attribute(annotation, "defaultValue") instanceof String value && !value.equals(DEFAULT_NONE)) {
                        lines.add(where + ": the @" + annotation.annotationType().getSimpleName() + "(defaultValue = \""
                                + value + "\") of its " + part + " applies only over HTTP: in process a null reaches the"
                                + " method; apply the default in the method's code instead of defaultValue");
                        break;
                    }
                }
            }
        }
        List<String> paths = new ArrayList<>();
        urls(method.getAnnotations(), EXCHANGE).forEach(paths::add);
        ContractPaths.classUrl(contract, EXCHANGE).ifPresent(paths::add);
        implementations.forEach(m -> urls(m.getAnnotations(), WEB + "RequestMapping").forEach(paths::add));
        controllers.forEach(c -> urls(c.getAnnotations(), WEB + "RequestMapping").forEach(paths::add));
        List<String> variables = new ArrayList<>();
        for (String path : paths) {
            REGEX_VARIABLE.matcher(path).results().map(m -> m.group(1)).filter(v -> !variables.contains(v)).forEach(variables::add);
        }
        for (String variable : variables) {
            lines.add(where + ": the regex of its path variable {" + variable + ":...} applies only over HTTP: in process"
                    + " any value reaches the method, remote one that does not match finds no route: a 404 (relayed as a"
                    + " RemoteErrorResponseException), or a 405 where another mapping takes the path (a RemoteModuleException"
                    + " 502); check the value in the method's code instead");
        }
        return lines;
    }

    /**
     * The contract's parameters sent by a name ({@code @PathVariable}, {@code @RequestParam}, {@code @RequestHeader},
     * {@code @CookieValue}, {@code @RequestPart}) whose annotation names none while the class file holds no parameter
     * names (compiled without {@code -parameters}): Spring's HTTP client cannot send them, so every call fails over
     * HTTP (the controller reads names from its own method, so it cannot read them only when its own class was compiled
     * without {@code -parameters} too). A Kotlin interface is left alone: Spring reads its names from Kotlin's
     * metadata.
     *
     * @param contract the contract's interface
     * @return one problem each, {@code part} being {@code parameter N} (from 1), in method order
     */
    public static List<ContractTypes.Problem> unnamed(Class<?> contract) {
        List<ContractTypes.Problem> problems = new ArrayList<>();
        if (Arrays.stream(contract.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(KOTLIN))) {
            return problems; // Spring reads a Kotlin function's parameter names from its metadata, without -java-parameters
        }
        for (Method method : methods(contract)) {
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].isNamePresent()) {
                    continue;
                }
                for (Annotation annotation : parameters[i].getAnnotations()) {
                    List<String> unnamedTypes = NAMED.get(annotation.annotationType().getName());
                    if (unnamedTypes == null || !named(annotation).isEmpty()
                            || TypeNames.supertypes(parameters[i].getType()).stream().anyMatch(unnamedTypes::contains)) {
                        continue;
                    }
                    String simple = annotation.annotationType().getSimpleName();
                    problems.add(new ContractTypes.Problem(method.getName(), "parameter " + (i + 1),
                            parameters[i].getParameterizedType().getTypeName(), "its @" + simple + " names no name and "
                            + contract.getSimpleName() + " was compiled without -parameters, so Spring's HTTP client"
                            + " cannot send it (\"Name for argument of type [...] not specified\"), and the controller"
                            + " cannot read it unless its own class was compiled with -parameters", "compile with -parameters (the maven-compiler-plugin's"
                            + " <parameters>true</parameters>, which spring-boot-starter-parent sets) or name it: @"
                            + simple + "(\"name\")"));
                }
            }
        }
        return problems;
    }

    /** The contract's HTTP exchange methods (neither static nor default), in name order. */
    static List<Method> methods(Class<?> contract) {
        return Arrays.stream(contract.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isDefault() && exchange(m))
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString)).toList();
    }

    /** A method as a line names it: the interface declaring it and its name, {@code CatalogReadApi.find}. */
    static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private static boolean exchange(Method method) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> is(a.annotationType(), EXCHANGE));
    }

    /** A parameter as a line names it: {@code parameter 'name'}, or {@code parameter N} (from 1) without names. */
    private static String partName(Parameter parameter, int index) {
        return "parameter " + (parameter.isNamePresent() ? "'" + parameter.getName() + "'" : String.valueOf(index + 1));
    }

    /** The annotation's {@code name}, else its {@code value}; "" when it gives neither. */
    private static String named(Annotation annotation) {
        for (String attribute : List.of("name", "value")) {
            if (attribute(annotation, attribute) instanceof String text && !text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** The controller's method that implements the contract's, if it declares one. */
    static Optional<Method> implementation(Class<?> controller, Method method) {
        try {
            return Optional.of(controller.getMethod(method.getName(), method.getParameterTypes()));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** The url (or path, or value) texts of each of these annotations that is {@code name} or composed with it. */
    private static List<String> urls(Annotation[] annotations, String name) {
        List<String> urls = new ArrayList<>();
        for (Annotation annotation : annotations) {
            if (!is(annotation.annotationType(), name)) {
                continue;
            }
            for (String attribute : List.of("url", "path", "value")) {
                Object value = attribute(annotation, attribute);
                if (value instanceof String text && !text.isBlank()) {
                    urls.add(text);
                } else if (value instanceof String[] texts) {
                    Arrays.stream(texts).filter(t -> !t.isBlank()).forEach(urls::add);
                }
            }
        }
        return urls;
    }

    static boolean is(Class<? extends Annotation> type, String name) {
        return type.getName().equals(name) || Arrays.stream(type.getAnnotations())
                .anyMatch(meta -> meta.annotationType().getName().equals(name));
    }

    static Object attribute(Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // an annotation without that attribute
        }
    }
}
