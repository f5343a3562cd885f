package dev.forum.extraction.runtime.topology;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of contract parameters that Spring's HTTP interface client accepts but that do not reach the server as
 * the controller takes them, read by both sides: the extraction plugin at build time (its {@code contract-type}
 * refusal) and {@link Topology#remoteContracts} at start ({@link BlockingContracts}), so the two never disagree. In
 * process the controller gets the caller's argument; over HTTP:
 * <ul>
 * <li>{@code @RequestAttribute}: the client keeps it as an attribute of its own request, nothing is sent, and the
 * server answers 400 (a request attribute is set by the server's own filters);</li>
 * <li>a {@code java.net.URI} or a {@code UriBuilderFactory} argument: it replaces the module's URL (the call goes where
 * the caller says, around the topology's URL, retry and circuit breaker), and the controller gets no such value;</li>
 * <li>a {@code StreamingHttpOutputMessage.Body}: the client streams it as the body, which a controller cannot take back
 * as that type;</li>
 * <li>an {@code HttpMethod} on a method whose exchange names its HTTP method ({@code @GetExchange}, or
 * {@code @HttpExchange(method = ...)} on the method or the contract): the argument replaces the request's method, so any
 * other value is answered 405. Without a declared method it is sent as the request's method, which is what the
 * controller's {@code HttpMethod} parameter reads: kept.</li>
 * </ul>
 * Annotations and types are recognised by name, so this class needs nothing but the JDK (the plugin adds the jar
 * holding it to its analysis class path, where the application's own Spring is loaded).
 */
public final class UnsentParameters {

    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final String EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";
    /** The annotations the client sends a parameter by: a parameter holding one is sent, whatever its type. */
    private static final Set<String> SENDING = Set.of(WEB + "RequestBody", WEB + "RequestPart", WEB + "PathVariable",
            WEB + "RequestParam", WEB + "RequestHeader", WEB + "CookieValue");
    private static final String REQUEST_ATTRIBUTE = WEB + "RequestAttribute";
    private static final String URI = "java.net.URI";
    private static final String URI_BUILDER_FACTORY = "org.springframework.web.util.UriBuilderFactory";
    private static final String STREAMING_BODY = "org.springframework.http.StreamingHttpOutputMessage$Body";
    private static final String HTTP_METHOD = "org.springframework.http.HttpMethod";

    private UnsentParameters() {
    }

    /**
     * One parameter that does not reach the server as the controller takes it.
     *
     * @param method    the contract's method
     * @param parameter its index (from 0)
     * @param kind      what it is, as written in source ({@code @RequestAttribute}, {@code URI}, {@code HttpMethod}...)
     * @param problem   what the client does with it instead, one clause
     * @param fix       what to declare instead, one clause
     */
    public record Unsent(Method method, int parameter, String kind, String problem, String fix) {
    }

    /**
     * @param method a method of an HTTP contract
     * @return one entry per parameter the client accepts but does not send as the controller takes it, in parameter
     *         order; empty when every parameter is sent (or is left to other checks: an unannotated parameter the
     *         client cannot resolve at all is the plugin's own refusal)
     */
    public static List<Unsent> unsent(Method method) {
        List<Unsent> unsent = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (annotated(parameter, SENDING)) {
                continue;
            }
            if (annotated(parameter, Set.of(REQUEST_ATTRIBUTE))) {
                unsent.add(new Unsent(method, i, "@RequestAttribute", "Spring's HTTP client keeps a @RequestAttribute on its"
                        + " own request and sends nothing, so the module answers 400 (in process the controller gets the value)",
                        "send the value with @RequestHeader, @RequestParam or in the @RequestBody"));
                continue;
            }
            Set<String> types = TypeNames.supertypes(parameter.getType());
            if (types.contains(URI) || types.contains(URI_BUILDER_FACTORY)) {
                String kind = types.contains(URI) ? "URI" : "UriBuilderFactory";
                unsent.add(new Unsent(method, i, kind, "Spring's HTTP client sends the call to the " + kind + " argument instead"
                        + " of the module's URL (around the topology's URL, retry and circuit breaker) and the controller gets"
                        + " no such value", "send the value as text with @RequestParam, or leave the URL to the topology"));
            } else if (types.contains(STREAMING_BODY)) {
                unsent.add(new Unsent(method, i, "StreamingHttpOutputMessage.Body", "Spring's HTTP client streams it as the"
                        + " request's body, which a controller cannot take back as that type",
                        "send @RequestBody byte[] or a Resource"));
            } else if (types.contains(HTTP_METHOD)) {
                int index = i;
                declaredMethod(method).ifPresent(declared -> unsent.add(new Unsent(method, index, "HttpMethod", "Spring's HTTP"
                        + " client sends the argument as the request's method instead of " + declared + ", which the module"
                        + " answers 405 for any other value", "drop the parameter, or declare the exchange without a method"
                        + " (@HttpExchange(\"...\")) so that the argument is the method the controller receives")));
            }
        }
        return unsent;
    }

    /**
     * The HTTP method a contract's method declares for its exchange: on the method ({@code @GetExchange}, or
     * {@code @HttpExchange(method = ...)}), else on its interface; empty when neither names one.
     */
    static Optional<String> declaredMethod(Method method) {
        Optional<String> own = Arrays.stream(method.getAnnotations()).map(UnsentParameters::exchangeMethod)
                .flatMap(Optional::stream).findFirst();
        if (own.isPresent()) {
            return own;
        }
        return Arrays.stream(method.getDeclaringClass().getAnnotations()).map(UnsentParameters::exchangeMethod)
                .flatMap(Optional::stream).findFirst();
    }

    /** The non-blank {@code method} of an {@code @HttpExchange}, itself or the one a composed annotation carries. */
    private static Optional<String> exchangeMethod(Annotation annotation) {
        if (annotation.annotationType().getName().equals(EXCHANGE)) {
            return attribute(annotation, "method");
        }
        return Arrays.stream(annotation.annotationType().getAnnotations())
                .filter(meta -> meta.annotationType().getName().equals(EXCHANGE)).findFirst()
                .flatMap(meta -> attribute(meta, "method"));
    }

    private static Optional<String> attribute(Annotation annotation, String name) {
        try {
            Object value = annotation.annotationType().getMethod(name).invoke(annotation);
            return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    private static boolean annotated(Parameter parameter, Set<String> annotations) {
        return Arrays.stream(parameter.getAnnotations()).anyMatch(a -> annotations.contains(a.annotationType().getName()));
    }
}
