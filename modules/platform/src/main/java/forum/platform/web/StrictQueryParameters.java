package forum.platform.web;

import forum.platform.EchoedInput;
import forum.platform.FieldViolation;
import forum.platform.Paging;
import forum.platform.PlainDecimal;
import forum.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query string means exactly what it says, or the request is refused with a 400 {@link ValidationException}
 * that names each parameter at fault: a parameter the route does not take ({@code ?limt=5}, which would
 * otherwise be ignored and the default used), a parameter given twice ({@code ?limit=5&limit=10}), or one
 * given empty ({@code ?limit=}, which Spring would read as "use the default"). The parameters a route takes
 * are the {@code @RequestParam}s of its handler method (for the modules, their API interface's). Numbers are
 * read by {@link forum.platform.PlainDecimal}'s rule ({@link StrictRequestsConfiguration}), and checked here
 * first, with paging's ranges, so that every failing parameter is named at once. OPTIONS is not judged. The
 * actuator's endpoints are judged alike, by their operations' parameters ({@link ActuatorQueryParameters}).
 */
class StrictQueryParameters implements HandlerInterceptor {

    /** The query parameters a handler takes: name to the type it is read as. */
    @FunctionalInterface
    interface TakenParameters {

        /**
         * @param request the request, routed ({@code HandlerMapping}'s attributes set)
         * @param handler the handler method it is routed to
         * @return the parameters it takes, by name (empty: none)
         */
        Map<String, Class<?>> of(HttpServletRequest request, HandlerMethod handler);
    }

    private final TakenParameters takenParameters;

    /** Judges a route by its handler method's {@code @RequestParam}s. */
    StrictQueryParameters() {
        this((request, handler) -> requestParams(handler));
    }

    /** @param takenParameters which query parameters a request's handler takes */
    StrictQueryParameters(TakenParameters takenParameters) {
        this.takenParameters = takenParameters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // OPTIONS asks what the target resource allows (RFC 9110, section 9.3.7): its answer does not depend on the
        // query, and a CORS preflight carries the query of the request it asks about, which is judged when it comes.
        // HEAD is GET without the content (section 9.3.2): it reaches the GET handler and is judged as GET is.
        if (!(handler instanceof HandlerMethod method) || HttpMethod.OPTIONS.matches(request.getMethod())) {
            return true;
        }
        Map<String, List<String>> query = parse(request.getQueryString());
        if (query.isEmpty()) {
            return true;
        }
        Map<String, Class<?>> taken = takenParameters.of(request, method);
        // Every parameter is judged, so one answer names each at fault (ValidationException names the first ten).
        List<FieldViolation> violations = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!taken.containsKey(name)) {
                String takes = taken.isEmpty() ? "(it takes none)" : "(it takes: " + String.join(", ", taken.keySet()) + ")";
                violations.add(name.isEmpty()
                        ? new FieldViolation(name, "a parameter with an empty name is not taken by this route " + takes)
                        : new FieldViolation(name, "is not a parameter of this route " + takes));
            } else if (values.size() > 1) {
                violations.add(new FieldViolation(name, "is given " + values.size() + " times; give it once"));
            } else if (values.getFirst().isEmpty()) {
                violations.add(new FieldViolation(name, "is empty; give a value or leave the parameter out"));
            } else {
                number(name, taken.get(name), values.getFirst()).ifPresent(violations::add);
            }
        });
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return true;
    }

    /** The {@code @RequestParam}s of a handler method (for the modules, their API interface's), sorted by name. */
    static Map<String, Class<?>> requestParams(HandlerMethod handler) {
        Map<String, Class<?>> taken = new TreeMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                taken.put(param.name().isEmpty() ? param.value() : param.name(), parameter.getParameterType());
            }
        }
        return taken;
    }

    /**
     * What is wrong with the value of a whole-number parameter, as binding would find it, but before binding, so
     * that every parameter is judged: binding stops at the first that fails. Paging's ranges are checked here too.
     */
    private static Optional<FieldViolation> number(String name, Class<?> type, String value) {
        boolean isInt = type == int.class || type == Integer.class;
        if (!isInt && type != long.class && type != Long.class) {
            return Optional.empty();
        }
        if (!PlainDecimal.isPlain(value)) {
            return Optional.of(new FieldViolation(name, "must be a whole number in plain digits, like 10, not '"
                    + EchoedInput.shorten(value) + "'"));
        }
        long min = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if ("limit".equals(name)) {
            min = 1;
            max = Paging.MAX_LIMIT;
        } else if ("offset".equals(name)) {
            min = 0;
            max = Paging.MAX_OFFSET;
        }
        FieldViolation outOfRange = new FieldViolation(name, "must be from " + min + " to " + max + ", not "
                + EchoedInput.shorten(value));
        long number;
        try {
            number = PlainDecimal.parseLong(value);
        } catch (RuntimeException tooLarge) {
            return Optional.of(outOfRange);
        }
        return number < min || number > max ? Optional.of(outOfRange) : Optional.empty();
    }

    /** Parameter name to its values, decoded as Spring decodes them (UTF-8, {@code +} is a space). */
    static Map<String, List<String>> parse(String queryString) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return query;
        }
        for (String pair : queryString.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
