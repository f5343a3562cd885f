package forum.platform.web;

import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON request body labelled with a charset other than UTF-8 with 415 ({@code unsupported-media-type}).
 * JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1), and its media type has no charset parameter;
 * a client that labels UTF-8 bytes {@code charset=ISO-8859-1} would otherwise have them decoded as Latin-1 and
 * stored as text it did not send ({@code café} as {@code cafÃ©}). {@code charset=UTF-8} (any case) is taken, as is
 * no charset. Runs before security, like the body size limit: it judges the request's form, not its caller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class JsonCharsetFilter extends OncePerRequestFilter {

    /** A structured syntax suffix type (RFC 6839): {@code application/problem+json}, {@code application/merge-patch+json}. */
    private static final Pattern JSON_SUFFIX = Pattern.compile("application/[a-z0-9!#$&^_.-]+\\+json");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String label = nonUtf8Charset(request.getContentType());
        if (label != null) {
            ProblemResponses.write(response, ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("A JSON body is sent as UTF-8"
                    + " (RFC 8259), not charset=" + label + ": send its bytes as UTF-8, with no charset or charset=UTF-8"));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * @param contentType a request's Content-Type header, or null
     * @return the charset parameter of a JSON media type ({@code application/json}, {@code application/*+json})
     *         when it names anything but UTF-8 (an unknown charset too); null otherwise (no charset, not JSON: Spring's
     *         own media type handling judges those)
     */
    static String nonUtf8Charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        // Read by hand: Spring's MediaType refuses a charset the JVM does not know before we could name it.
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean json = type.equals("application/json") || JSON_SUFFIX.matcher(type).matches();
        String label = null;
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                label = parameter[1].strip().replace("\"", "");
            }
        }
        if (label == null) {
            return null;
        }
        try {
            return Charset.forName(label).equals(StandardCharsets.UTF_8) ? null : label;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return label;
        }
    }
}
