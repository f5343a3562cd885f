package dev.forum.extraction.analyzer;

import dev.forum.extraction.runtime.topology.TypeNames;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a module's process answers one of its exceptions over HTTP, and so what a remote caller of its contract gets in
 * place of the exception: the second half of an exception's line in {@link HandlerDifferences}. Spring MVC asks, in
 * order: the controller's own {@code @ExceptionHandler}s (the one of the closest type), the advices that apply to the
 * controller in their {@code @Order} (the first with a handler of the exception or a supertype answers, with its
 * closest one; of equal order the analyzer takes an advice limited to part of the application first, as it cannot know
 * the beans' registration order), then the exception's own status ({@code @ResponseStatus} on its class, a
 * {@code ResponseStatusException} or {@code ErrorResponseException}); where none answers, Spring Boot answers 500.
 * The run time then relays a 4xx about the request as a {@code RemoteErrorResponseException}, and turns a 5xx into a
 * {@code RemoteModuleException} (502; a 502 or 503 answer a {@code RemoteModuleUnavailableException}, a 504 a
 * {@code RemoteModuleTimeoutException}) that counts against the module's circuit breaker and that no
 * {@code RemoteErrorDecoder} sees (extraction-runtime's {@code RemoteCallInterceptor}).
 */
final class ExceptionAnswers {

    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final String RESPONSE_STATUS = WEB + "ResponseStatus";
    private static final String ORDER = "org.springframework.core.annotation.Order";
    private static final List<String> ERROR_RESPONSES = List.of("org.springframework.web.server.ResponseStatusException",
            "org.springframework.web.ErrorResponseException");
    /** Return types that set the answer's status at run time, whatever a handler's {@code @ResponseStatus} says. */
    private static final List<String> OWN_STATUS = List.of("org.springframework.http.HttpEntity",
            "org.springframework.http.ProblemDetail", "org.springframework.web.ErrorResponse");
    /** Parameters through which a handler may set the status itself ({@code response.sendError(409)}). */
    private static final List<String> RESPONSES = List.of("jakarta.servlet.ServletResponse",
            "org.springframework.http.server.ServerHttpResponse");
    /**
     * The 4xx answers the run time relays as about the request: extraction-runtime's
     * {@code RemoteErrorResponseException.RELAYED_STATUSES}, which cannot be read here, as that class needs Spring Web.
     */
    static final Set<Integer> RELAYED = Set.of(400, 404, 409, 410, 412, 422, 429);
    private static final String RELAYED_WORDS = "a 4xx status about the request (400, 404, 409, 410, 412, 422 or 429)";
    private static final String DECODER = " and register a RemoteErrorDecoder bean that turns that answer back into ";
    private static final String EXCEPTION_FIX = "have the module answer it as a problem document"
            + " (spring.mvc.problemdetails.enabled=true answers ResponseStatusException and ErrorResponseException; an"
            + " @ExceptionHandler returning a ProblemDetail, others)" + DECODER;
    /**
     * The same for a class annotated {@code @ResponseStatus} that no handler answers: Spring MVC's
     * {@code ResponseStatusExceptionResolver} sends it to {@code /error} under either setting of the property.
     */
    private static final String STATUS_CLASS_FIX = "have the module answer it as a problem document (an"
            + " @ExceptionHandler returning a ProblemDetail in an advice for the whole application; or extend"
            + " ErrorResponseException and set spring.mvc.problemdetails.enabled=true)" + DECODER;

    /** What answers an exception in the module's process. */
    enum Kind {
        /** an {@code @ExceptionHandler}: the controller's own or an advice's */
        HANDLER,
        /** the exception class's {@code @ResponseStatus} */
        STATUS_CLASS,
        /** the exception's own status: a {@code ResponseStatusException} or {@code ErrorResponseException} */
        ERROR_RESPONSE,
        /** nothing: Spring Boot answers 500 */
        NONE
    }

    /**
     * @param kind   what answers
     * @param by     the handler as a line names it ({@code StockAdvice.outOfStock}); "" for any other kind
     * @param status the HTTP status answered, 0 where only the run time knows it
     */
    record Answer(Kind kind, String by, int status) {
    }

    private ExceptionAnswers() {
    }

    /**
     * How the module answers the exception when the controller's method throws it over HTTP.
     *
     * @param exception  an exception class of the application's own
     * @param controller the contract's controller
     * @param advices    the application's advices, limited ones included (those that do not apply are skipped)
     * @return the answer; {@link Kind#NONE} with status 500 where nothing of the module answers it
     */
    static Answer of(Class<?> exception, Class<?> controller, Collection<Class<?>> advices) {
        Optional<Method> own = closest(HandlerDifferences.handlers(controller), exception);
        if (own.isPresent()) {
            return handler(controller, own.get());
        }
        List<Class<?>> applying = advices.stream()
                .filter(a -> !HandlerDifferences.limited(a) || HandlerDifferences.applies(a, controller))
                .sorted(Comparator.comparingInt(ExceptionAnswers::order).thenComparing(a -> HandlerDifferences.limited(a) ? 0 : 1))
                .toList();
        for (Class<?> advice : applying) {
            Optional<Method> handler = closest(HandlerDifferences.handlers(advice), exception);
            if (handler.isPresent()) {
                return handler(advice, handler.get());
            }
        }
        if (statusClass(exception)) {
            return new Answer(Kind.STATUS_CLASS, "", responseStatus(exception.getAnnotations()).orElse(500));
        }
        if (errorResponse(exception)) {
            return new Answer(Kind.ERROR_RESPONSE, "", 0);
        }
        return new Answer(Kind.NONE, "", 500);
    }

    /**
     * What a remote caller gets in place of the exception, why, and how to get the exception back: the words of its
     * line after {@code reaches an in-process caller as itself, with its message; }.
     *
     * @param name   the exception as the line names it ({@code Failures.OutOfStock})
     * @param answer how the module answers it ({@link #of})
     * @return the words, ending with the fix
     */
    static String remote(String name, Answer answer) {
        int status = answer.status();
        String by = answer.kind() == Kind.HANDLER ? answer.by() : "its @ResponseStatus";
        String fix = (answer.kind() == Kind.HANDLER ? "have " + by + " answer it with"
                : "answer it in an advice for the whole application with an @ExceptionHandler returning")
                + " a ProblemDetail of " + RELAYED_WORDS + DECODER + name;
        if (answer.kind() == Kind.NONE) {
            return "a remote caller gets a RemoteModuleException (502) instead, as nothing of the module answers it (no"
                    + " @ExceptionHandler, no @ResponseStatus), so the module answers 500, which no RemoteErrorDecoder sees"
                    + " and which counts against the module's circuit breaker; " + fix;
        }
        if (status == 0) {
            return answer.kind() == Kind.ERROR_RESPONSE
                    ? "a remote caller gets a RemoteErrorResponseException with the module's status instead (a"
                            + " RemoteModuleException, 502, for a 5xx), without the message when the module answers Spring"
                            + " Boot's error JSON (problem details off); " + EXCEPTION_FIX + name
                    : "a remote caller gets a RemoteErrorResponseException with the status " + by + " answers instead (a"
                            + " RemoteModuleException, 502, for a 5xx, which counts against the module's circuit breaker),"
                            + " without the message unless that answer is a problem document carrying it; " + fix;
        }
        if (status < 400) {
            return "a remote caller gets no exception but " + by + "'s answer (" + status + ") as the method's result (a"
                    + " RemoteModuleException, 502, where that answer is not of the method's type); " + fix;
        }
        if (RELAYED.contains(status)) {
            return "a remote caller gets a RemoteErrorResponseException with status " + status + " instead, " + (answer.kind()
                    == Kind.STATUS_CLASS ? "without the message, as the module answers a class annotated @ResponseStatus"
                            + " with Spring Boot's error JSON whether spring.mvc.problemdetails.enabled is on or off; "
                            + STATUS_CLASS_FIX + name
                    : "without the message unless " + by + "'s answer is a problem document carrying it; have " + by
                            + " answer a problem document (return a ProblemDetail)" + DECODER + name);
        }
        if (status >= 500) {
            String caught = status == 502 || status == 503
                    ? "a RemoteModuleUnavailableException (503; a GET or HEAD retried first)"
                    : status == 504 ? "a RemoteModuleTimeoutException (504)" : "a RemoteModuleException (502)";
            return "a remote caller gets " + caught + " instead, as " + by + " answers " + status + ", which no"
                    + " RemoteErrorDecoder sees and which counts against the module's circuit breaker; " + fix;
        }
        return "a remote caller gets a RemoteModuleException (502) instead" + (status == 403 ? " (a"
                + " RemoteErrorResponseException with status 403 where the call carried the caller's own credentials)" : "")
                + ", as " + by + " answers " + status + ", which the run time takes for a fault of the call between the two"
                + " processes; " + fix;
    }

    /** An exception class that is a {@code ResponseStatusException} or {@code ErrorResponseException}. */
    static boolean errorResponse(Class<?> exception) {
        return TypeNames.supertypes(exception).stream().anyMatch(ERROR_RESPONSES::contains);
    }

    /** An exception class annotated {@code @ResponseStatus} (and no {@link #errorResponse}): an answer of its own. */
    static boolean statusClass(Class<?> exception) {
        return !errorResponse(exception) && responseStatus(exception.getAnnotations()).isPresent();
    }

    /** The answer of a handler, its status known where its {@code @ResponseStatus} or its lack decides it. */
    private static Answer handler(Class<?> owner, Method handler) {
        String by = owner.getSimpleName() + "." + handler.getName();
        boolean ownStatus = TypeNames.supertypes(handler.getReturnType()).stream().anyMatch(OWN_STATUS::contains)
                || Arrays.stream(handler.getParameterTypes())
                        .anyMatch(p -> TypeNames.supertypes(p).stream().anyMatch(RESPONSES::contains));
        return new Answer(Kind.HANDLER, by, ownStatus ? 0 : responseStatus(handler.getAnnotations()).orElse(200));
    }

    /** The handler of the closest supertype of the exception (the exception's own type closest), if any handles it. */
    private static Optional<Method> closest(List<Method> handlers, Class<?> exception) {
        Method best = null;
        int bestDepth = Integer.MAX_VALUE;
        for (Method handler : handlers) {
            for (Class<?> type : HandlerDifferences.handledTypes(handler)) {
                int depth = depth(exception, type);
                if (depth < bestDepth) {
                    best = handler;
                    bestDepth = depth;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many superclasses up from the exception the type is; {@code MAX_VALUE} when it is none of them. */
    private static int depth(Class<?> exception, Class<?> type) {
        int depth = 0;
        for (Class<?> current = exception; current != null; current = current.getSuperclass(), depth++) {
            if (current == type) {
                return depth;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** An advice's {@code @Order}, else Spring's lowest precedence. */
    private static int order(Class<?> advice) {
        return Arrays.stream(advice.getAnnotations()).filter(a -> a.annotationType().getName().equals(ORDER))
                .map(a -> ContractDifferences.attribute(a, "value")).filter(Integer.class::isInstance).map(Integer.class::cast)
                .findFirst().orElse(Integer.MAX_VALUE);
    }

    /** The status of the {@code @ResponseStatus} among the annotations ({@code code}, else {@code value}), if one is. */
    private static Optional<Integer> responseStatus(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(RESPONSE_STATUS)) {
                int code = statusValue(ContractDifferences.attribute(annotation, "code"));
                return Optional.of(code != 500 ? code : statusValue(ContractDifferences.attribute(annotation, "value")));
            }
        }
        return Optional.empty();
    }

    /** An {@code HttpStatus} constant's number, read by name so that no Spring is needed here; 500 for anything else. */
    private static int statusValue(Object status) {
        try {
            return status == null ? 500 : (Integer) status.getClass().getMethod("value").invoke(status);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 500; // @ResponseStatus's default, INTERNAL_SERVER_ERROR
        }
    }
}
