package dev.forum.extraction.analyzer;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The part of {@link ContractDifferences} about a {@code @Validated} controller. The run time's validation of
 * in-process calls leaves such a controller to Spring's {@code MethodValidationInterceptor}, as Spring MVC leaves it
 * (extraction-runtime's README, "In-process calls of a contract"), so an invalid call of its contract differs:
 * <ul>
 * <li>in process the interceptor throws {@code ConstraintViolationException} to the caller, for a parameter's
 * constraint and a {@code @Valid} body alike, which answers the caller's request 500 unless the caller handles it;</li>
 * <li>over HTTP Spring MVC refuses an invalid {@code @Valid} {@code @RequestBody} (or {@code @RequestPart}) with 400
 * before the method, which the caller gets as a {@code RemoteErrorResponseException} (400); a parameter's constraint
 * is the interceptor's {@code ConstraintViolationException} in the module, answered 500, which the caller gets as a
 * {@code RemoteModuleException} (502).</li>
 * </ul>
 * A controller is {@code @Validated} as Spring finds it: on its class, a superclass or an interface, directly or through
 * an annotation that carries it (at any depth). What counts as checked, read as Spring MVC reads the parameters (the
 * contract method's annotations and the controller method's): a body is a {@code @RequestBody} or {@code @RequestPart}
 * parameter with {@code @Valid}, {@code @Validated} or an annotation whose name starts with {@code Valid}; a parameter's
 * constraint is an annotation carrying {@code jakarta.validation.Constraint} on the parameter or on a type argument or
 * array component of its type, or {@code @Valid} on a parameter that is no body.
 * <p>
 * Two cases change the line:
 * <ul>
 * <li>without Spring Boot's validation auto-configuration and a Bean Validation provider on the application's class
 * path ({@link #validates}: {@code spring-boot-starter-validation}), {@code @Validated} validates nothing, in process
 * or over HTTP, and the run time checks nothing either: no line;</li>
 * <li>an advice for every controller (no {@code basePackages}, {@code assignableTypes}, ...) with an
 * {@code @ExceptionHandler} of {@code jakarta.validation.ConstraintViolationException} or its supertype
 * {@code jakarta.validation.ValidationException} answers the interceptor's exception both ways when the module's
 * process holds it too ({@link HeldAdvices}: outside every module, in an open or shared module, or in the contract's
 * own): in the caller's process, and in the module's, whose answer the run time relays. One in another module, the
 * caller's say, answers in the caller's process only: over HTTP the module answers 500 and the caller gets a 502, the
 * line of no advice. A parameter's constraint then gives the same status
 * both ways, so only a {@code @Valid} body differs (Spring MVC's {@code MethodArgumentNotValidException} over HTTP,
 * which that handler does not handle, against the handler's answer in process), and removing {@code @Validated} would
 * take the calls away from that handler, as Spring MVC and the run time then throw their own exceptions. A handler of
 * {@code RuntimeException} or {@code Exception} is not taken for one: such catch-alls answer 500s.</li>
 * </ul>
 * Annotations are read by name, so that no Spring or Bean Validation is needed here.
 */
final class ValidatedControllers {

    private static final String VALIDATED = "org.springframework.validation.annotation.Validated";
    private static final String VALID = "jakarta.validation.Valid";
    private static final String CONSTRAINT = "jakarta.validation.Constraint";
    private static final List<String> BODIES = List.of("org.springframework.web.bind.annotation.RequestBody",
            "org.springframework.web.bind.annotation.RequestPart");
    /** The exceptions whose handler answers {@code MethodValidationInterceptor}'s {@code ConstraintViolationException}. */
    private static final List<String> VIOLATIONS = List.of("jakarta.validation.ConstraintViolationException",
            "jakarta.validation.ValidationException");
    /**
     * The service file of a Bean Validation provider ({@code hibernate-validator} has one), which Spring Boot's
     * {@code ValidationAutoConfiguration} requires as a resource ({@code @ConditionalOnResource}) before it adds a
     * validator and the {@code MethodValidationPostProcessor} that makes {@code @Validated} validate.
     */
    static final String PROVIDER = "META-INF/services/jakarta.validation.spi.ValidationProvider";
    /**
     * Spring Boot 4's {@code ValidationAutoConfiguration}, in {@code spring-boot-validation}, which only
     * {@code spring-boot-starter-validation} brings: without it nothing adds the {@code MethodValidationPostProcessor},
     * whatever provider is there.
     */
    static final String AUTO_CONFIGURATION = "org/springframework/boot/validation/autoconfigure/ValidationAutoConfiguration.class";
    /** The class {@code ValidationAutoConfiguration} requires too ({@code @ConditionalOnClass}), from the Bean Validation API. */
    static final String EXECUTABLE_VALIDATOR = "jakarta/validation/executable/ExecutableValidator.class";

    private ValidatedControllers() {
    }

    /**
     * Whether the application validates at all, as Spring Boot 4.1's {@code ValidationAutoConfiguration} decides: it is
     * on the class path ({@link #AUTO_CONFIGURATION}) and its conditions hold, a Bean Validation provider's service file
     * ({@link #PROVIDER}) and the Bean Validation API ({@link #EXECUTABLE_VALIDATOR}). {@code spring-boot-starter-validation}
     * brings all three; {@code hibernate-validator} alone brings no auto-configuration.
     *
     * @param loader the application's class loader (in the analyzer's JVM, the one that loaded its classes)
     * @return true when all three are resources of the loader; false for a null loader
     */
    static boolean validates(ClassLoader loader) {
        return loader != null && Stream.of(PROVIDER, AUTO_CONFIGURATION, EXECUTABLE_VALIDATOR)
                .allMatch(resource -> loader.getResource(resource) != null);
    }

    /**
     * One line per {@code @Validated} controller of the contract with a check on a method of this contract, naming every
     * checked method the controller serves (of all its contracts, so that a contract and one it extends give the same
     * line, which the report warns of once): what an invalid call gives in process and over HTTP, and to remove
     * {@code @Validated}; or, where an advice for every controller handles the {@code ConstraintViolationException},
     * what a {@code @Valid} body gives and that removing {@code @Validated} takes the calls from that handler.
     *
     * @param contract    the contract's interface
     * @param controllers the application's controllers implementing it
     * @param advices     the application's classes annotated {@code @ControllerAdvice} or {@code @RestControllerAdvice}
     *                    that the contract's module's process holds, as far as they apply to every controller (the
     *                    analyzer leaves out the others, {@link HeldAdvices}); limited ones are passed but not taken
     * @param validates   whether Spring Boot's validation auto-configuration applies to the application ({@link #validates})
     * @return the lines, in the controllers' order; empty when no such controller checks a method of the contract,
     *         without that auto-configuration, and for a controller with parameter checks only whose exception such an advice handles
     */
    static List<String> lines(Class<?> contract, List<Class<?>> controllers, Collection<Class<?>> advices,
            boolean validates) {
        if (!validates) {
            return List.of();
        }
        Set<String> mine = new HashSet<>(ContractDifferences.methods(contract).stream().map(HandlerDifferences::key)
                .toList());
        List<String> handlers = violationHandlers(advices);
        Set<String> lines = new LinkedHashSet<>();
        for (Class<?> controller : controllers) {
            Optional<String> validated = validated(controller);
            if (validated.isEmpty()) {
                continue;
            }
            List<Method> bodies = new ArrayList<>();
            List<Method> parameters = new ArrayList<>();
            for (Method method : HandlerDifferences.served(controller)) {
                Optional<Method> implementation = ContractDifferences.implementation(controller, method);
                Parameter[] declared = method.getParameters();
                for (int i = 0; i < declared.length; i++) {
                    List<Parameter> both = new ArrayList<>(List.of(declared[i]));
                    int index = i;
                    implementation.ifPresent(m -> both.add(m.getParameters()[index]));
                    if (both.stream().anyMatch(ValidatedControllers::validBody) && !bodies.contains(method)) {
                        bodies.add(method);
                    }
                    if (both.stream().anyMatch(ValidatedControllers::constrained) && !parameters.contains(method)) {
                        parameters.add(method);
                    }
                }
            }
            if (Stream.concat(bodies.stream(), parameters.stream())
                    .noneMatch(m -> mine.contains(HandlerDifferences.key(m)))) {
                continue;
            }
            String where = validated.get();
            String from = where.equals(controller.getSimpleName()) ? "" : " (from " + where + ")";
            String checked = names(Stream.concat(bodies.stream(), parameters.stream()).toList());
            String start = controller.getName() + " is @Validated" + from + ", so Spring's method validation, not the"
                    + " library's, checks in-process calls of " + checked;
            if (!handlers.isEmpty()) {
                if (bodies.stream().anyMatch(m -> mine.contains(HandlerDifferences.key(m)))) {
                    lines.add(handled(start, String.join(", ", handlers), names(bodies), where, checked));
                }
                continue;
            }
            List<String> overHttp = new ArrayList<>();
            if (!bodies.isEmpty()) {
                overHttp.add("Spring MVC refuses an invalid @Valid body of " + names(bodies) + " with 400, which the caller"
                        + " gets as a RemoteErrorResponseException (400)");
            }
            if (!parameters.isEmpty()) {
                overHttp.add("the module answers an invalid parameter of " + names(parameters) + " 500 (the interceptor's"
                        + " ConstraintViolationException), which the caller gets as a RemoteModuleException (502)");
            }
            lines.add(start + ": in process an invalid argument throws"
                    + " Spring's ConstraintViolationException to the caller (its request answered 500 unless it handles"
                    + " that), over HTTP " + String.join(", and ", overHttp) + "; remove @Validated from " + where
                    + ": then an invalid call is refused with 400 both ways (InvalidContractBodyException or"
                    + " HandlerMethodValidationException in process, the same status remote)");
        }
        return List.copyOf(lines);
    }

    /**
     * The line of a controller whose {@code ConstraintViolationException} an advice for every controller answers both
     * ways: what differs is a {@code @Valid} body over HTTP, and removing {@code @Validated} takes calls from it.
     */
    private static String handled(String start, String handlers, String bodies, String where, String checked) {
        return start + "; " + handlers + " (of an advice for every controller) answers the ConstraintViolationException"
                + " both ways, in the caller's process and in the module's (relayed to the caller), but an invalid @Valid"
                + " body of " + bodies + " differs: over HTTP Spring MVC refuses it before the method with"
                + " MethodArgumentNotValidException (400), which " + handlers + " does not handle and the caller gets as a"
                + " RemoteErrorResponseException (400), in process " + handlers + " answers it; to answer alike, handle"
                + " MethodArgumentNotValidException in an advice for every controller with the answer of " + handlers
                + "; do not remove @Validated from " + where + " to mend it: that takes the calls of " + checked
                + " away from " + handlers + " (Spring MVC and the library then refuse them with"
                + " MethodArgumentNotValidException or InvalidContractBodyException, and HandlerMethodValidationException)";
    }

    /**
     * The handlers, as {@code ProblemAdvice.violations}, of the advices for every controller that handle
     * {@code ConstraintViolationException} or its supertype {@code ValidationException}, in name order.
     */
    private static List<String> violationHandlers(Collection<Class<?>> advices) {
        return advices.stream().filter(advice -> !HandlerDifferences.limited(advice))
                .flatMap(advice -> HandlerDifferences.handlers(advice).stream()
                        .filter(h -> HandlerDifferences.handledTypes(h).stream().anyMatch(t -> VIOLATIONS.contains(t.getName())))
                        .map(h -> advice.getSimpleName() + "." + h.getName()))
                .distinct().sorted().toList();
    }

    /**
     * Where the controller gets {@code @Validated} from, as the line names it: the controller's simple name when its own
     * class carries it, else {@code ValidatedBase, its superclass}, {@code InventoryApi, its interface} or, through an
     * annotation carrying it, {@code @Checked on InventoryController}; empty when neither its class, a superclass nor an
     * interface carries it.
     */
    static Optional<String> validated(Class<?> controller) {
        Deque<Class<?>> types = new ArrayDeque<>(List.of(controller));
        Set<Class<?>> seen = new HashSet<>();
        while (!types.isEmpty()) {
            Class<?> type = types.removeFirst();
            if (type == Object.class || !seen.add(type)) {
                continue;
            }
            for (Annotation annotation : type.getAnnotations()) {
                if (carries(annotation.annotationType(), VALIDATED, new HashSet<>())) {
                    String on = type == controller ? type.getSimpleName()
                            : type.getSimpleName() + (type.isInterface() ? ", its interface" : ", its superclass");
                    return Optional.of(annotation.annotationType().getName().equals(VALIDATED) ? on
                            : "@" + annotation.annotationType().getSimpleName() + " on " + type.getSimpleName());
                }
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(Arrays.asList(type.getInterfaces()));
        }
        return Optional.empty();
    }

    /** Whether the annotation type is {@code name} or carries it as a meta-annotation, at any depth. */
    private static boolean carries(Class<? extends Annotation> type, String name, Set<Class<?>> seen) {
        if (type.getName().equals(name)) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        return Arrays.stream(type.getAnnotations()).anyMatch(meta -> carries(meta.annotationType(), name, seen));
    }

    /** A {@code @RequestBody} or {@code @RequestPart} that Spring MVC validates (its {@code ValidationAnnotationUtils}). */
    private static boolean validBody(Parameter parameter) {
        Annotation[] annotations = parameter.getAnnotations();
        return Arrays.stream(annotations).anyMatch(a -> BODIES.contains(a.annotationType().getName()))
                && Arrays.stream(annotations).anyMatch(a -> a.annotationType().getSimpleName().startsWith("Valid")
                        || carries(a.annotationType(), VALIDATED, new HashSet<>()));
    }

    /** A parameter with a constraint (on it or an element of its type), or {@code @Valid} on one that is no body. */
    private static boolean constrained(Parameter parameter) {
        Annotation[] annotations = parameter.getAnnotations();
        boolean body = Arrays.stream(annotations).anyMatch(a -> BODIES.contains(a.annotationType().getName()));
        return Arrays.stream(annotations).anyMatch(a -> constraint(a) || !body && a.annotationType().getName().equals(VALID))
                || constrainedElements(parameter.getAnnotatedType());
    }

    private static boolean constrainedElements(AnnotatedType type) {
        List<AnnotatedType> elements = type instanceof AnnotatedParameterizedType parameterized
                ? List.of(parameterized.getAnnotatedActualTypeArguments())
                : type instanceof AnnotatedArrayType array ? List.of(array.getAnnotatedGenericComponentType()) : List.of();
        return elements.stream().anyMatch(element -> Arrays.stream(element.getAnnotations())
                .anyMatch(a -> constraint(a) || a.annotationType().getName().equals(VALID)) || constrainedElements(element));
    }

    private static boolean constraint(Annotation annotation) {
        return carries(annotation.annotationType(), CONSTRAINT, new HashSet<>());
    }

    /** The methods as a line names them ({@link ContractDifferences#name}), each once, in name order. */
    private static String names(List<Method> methods) {
        return String.join(", ", methods.stream().map(ContractDifferences::name).distinct().sorted().toList());
    }
}
