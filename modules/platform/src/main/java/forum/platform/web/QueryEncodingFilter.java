package forum.platform.web;

import forum.platform.EchoedInput;
import forum.platform.FieldViolation;
import forum.platform.ValidationException;
import forum.platform.web.problem.ProblemErrors;
import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string whose names or values do not percent-decode to UTF-8 text ({@code ?limit=%ZZ}, a lone
 * {@code %}, {@code ?limit=%FF}, the first half of a character {@code %C3}) with a 400 {@code validation} problem
 * naming each parameter at fault. Without it Tomcat fails when anything first reads the parameters (Spring
 * Security's firewall, a controller, an actuator endpoint) and the request ends as a 500. Runs on every path of
 * the port, before security, right after the path check: it judges the request's form, not its caller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class QueryEncodingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null || query.indexOf('%') < 0) {
            chain.doFilter(request, response);
            return;
        }
        List<FieldViolation> violations = violations(query);
        if (!violations.isEmpty()) {
            ProblemResponses.write(request, response, problem(violations));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * @param queryString a request's raw query string (not decoded), or null
     * @return one violation per name or value that does not decode: the field is the parameter's name (as sent,
     *         when the name itself is at fault); empty when every part decodes to UTF-8 text
     */
    static List<FieldViolation> violations(String queryString) {
        List<FieldViolation> violations = new ArrayList<>();
        if (queryString == null || queryString.isEmpty()) {
            return violations;
        }
        for (String pair : queryString.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> nameFault = fault(rawName);
            if (nameFault.isPresent()) {
                violations.add(new FieldViolation(quote(rawName), "is a parameter name with a bad percent-encoding: "
                        + nameFault.get()));
                continue;
            }
            if (equals >= 0) {
                fault(pair.substring(equals + 1)).ifPresent(
                        valueFault -> violations.add(new FieldViolation(decode(rawName), "has a bad percent-encoding: " + valueFault)));
            }
        }
        return violations;
    }

    private static ProblemDetail problem(List<FieldViolation> violations) {
        // The first few named, as every validation problem does: a query of a thousand bad escapes is not echoed whole.
        ProblemDetail problem = ProblemType.VALIDATION.problem(ValidationException.describe(violations));
        ProblemErrors.set(problem, violations);
        return problem;
    }

    /** What is wrong with one raw name or value, if anything. */
    private static Optional<String> fault(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c == '+' ? ' ' : c);
                continue;
            }
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                String escape = raw.substring(i, Math.min(i + 3, raw.length()));
                return Optional.of("'" + escape + "' is not a percent-encoding ('%' and two hex digits); send a '%'"
                        + " itself as %25");
            }
            bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return Optional.empty();
        } catch (CharacterCodingException notUtf8) {
            return Optional.of("'" + quote(raw) + "' decodes to bytes that are not UTF-8 text; percent-encode"
                    + " the UTF-8 bytes of each character (\u00e9 is %C3%A9)");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }

    /** A name that decodes (checked before this is called), as Spring reads it. */
    private static String decode(String raw) {
        return java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    /** Raw text quoted back to the client, cut short ({@link EchoedInput}). */
    private static String quote(String raw) {
        return EchoedInput.shorten(raw);
    }
}
