package forum.platform.web;

import forum.platform.FieldViolation;
import forum.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query string means exactly what it says, or the request is refused with a 400 {@link ValidationException}
 * that names each parameter at fault: a parameter the route does not take ({@code ?limt=5}, which would
 * otherwise be ignored and the default used), a parameter given twice ({@code ?limit=5&limit=10}), or one
 * given empty ({@code ?limit=}, which Spring would read as "use the default"). The parameters a route takes
 * are the {@code @RequestParam}s of its handler method (for the modules, their API interface's). Numbers are
 * read by {@link forum.platform.PlainDecimal}'s rule ({@link StrictRequestsConfiguration}).
 */
class StrictQueryParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Map<String, List<String>> query = parse(request.getQueryString());
        if (query.isEmpty()) {
            return true;
        }
        Set<String> taken = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                taken.add(param.name().isEmpty() ? param.value() : param.name());
            }
        }
        List<FieldViolation> violations = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!taken.contains(name)) {
                violations.add(new FieldViolation(name, taken.isEmpty() ? "is not a parameter of this route (it takes none)"
                        : "is not a parameter of this route (it takes: " + String.join(", ", taken) + ")"));
            } else if (values.size() > 1) {
                violations.add(new FieldViolation(name, "is given " + values.size() + " times; give it once"));
            } else if (values.getFirst().isEmpty()) {
                violations.add(new FieldViolation(name, "is empty; give a value or leave the parameter out"));
            }
        });
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return true;
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
