package dev.forum.extraction.analyzer;

import dev.forum.extraction.runtime.topology.TypeNames;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Set;

/**
 * How Spring's HTTP interface client sends a parameter of a contract's method, and so what {@link ContractTypes} checks
 * of it: decided, as the client's argument resolvers decide it, by the parameter's annotation (read by name, so that no
 * Spring is needed here) and, without one, by its type. A resolver registered in the application's code is not seen.
 */
final class ContractParameters {

    private static final String WEB = "org.springframework.web.bind.annotation.";

    /** What the client does with a parameter. */
    enum Binding {
        /** {@code @RequestBody}: the request's body, written as JSON. */
        BODY,
        /**
         * {@code @RequestPart}, or a {@code MultipartFile} without annotation: a part of a multipart request, written as
         * JSON unless it is a file (a {@code MultipartFile}, a {@code Resource}, a servlet {@code Part}, bytes, text).
         */
        PART,
        /** {@code @PathVariable}, {@code @RequestParam}, {@code @RequestHeader}, {@code @CookieValue}: text in the URL or a header. */
        TEXT,
        /**
         * What the client takes to shape the request rather than as a value for the controller: {@code @RequestAttribute},
         * and without annotation a {@code URI}, {@code HttpMethod}, {@code UriBuilderFactory} or streaming body. Those
         * that do not reach the controller as it takes them are refused by extraction-runtime's
         * {@code UnsentParameters} (the run time's list), not here.
         */
        REQUEST,
        /**
         * Anything else: no resolver of the client takes it, so every call fails ("Could not resolve parameter"); a
         * controller would not read a record without annotation from the JSON body either (Spring MVC binds it from
         * the request's parameters, as a {@code @ModelAttribute}).
         */
        UNBOUND
    }

    private static final Set<String> TEXT = Set.of(WEB + "PathVariable", WEB + "RequestParam", WEB + "RequestHeader",
            WEB + "CookieValue");
    /** The types the client takes without annotation, and what it does with them. */
    private static final Set<String> REQUEST_TYPES = Set.of("java.net.URI", "org.springframework.http.HttpMethod",
            "org.springframework.web.util.UriBuilderFactory", "org.springframework.http.StreamingHttpOutputMessage$Body",
            "kotlin.coroutines.Continuation");
    private static final String MULTIPART_FILE = "org.springframework.web.multipart.MultipartFile";
    /** The annotations every binding above is read from: {@link #annotations()} names them in the refusal's fix. */
    private static final String ANNOTATIONS = "@RequestBody, @RequestPart, @PathVariable, @RequestParam, @RequestHeader or"
            + " @CookieValue";

    private ContractParameters() {
    }

    /**
     * @param parameter a parameter of an HTTP exchange method of a contract
     * @return how the client sends it
     */
    static Binding binding(Parameter parameter) {
        if (annotated(parameter, WEB + "RequestBody")) {
            return Binding.BODY;
        }
        if (annotated(parameter, WEB + "RequestPart")) {
            return Binding.PART;
        }
        if (TEXT.stream().anyMatch(a -> annotated(parameter, a))) {
            return Binding.TEXT;
        }
        if (annotated(parameter, WEB + "RequestAttribute")) {
            return Binding.REQUEST;
        }
        Set<String> kinds = TypeNames.supertypes(parameter.getType());
        if (kinds.contains(MULTIPART_FILE)) {
            return Binding.PART;
        }
        return kinds.stream().anyMatch(REQUEST_TYPES::contains) ? Binding.REQUEST : Binding.UNBOUND;
    }

    /** The annotations that make the client send a parameter, as the refusal names them. */
    static String annotations() {
        return ANNOTATIONS;
    }

    static boolean annotated(Parameter parameter, String annotation) {
        return Arrays.stream(parameter.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(annotation));
    }
}
