package forum.platform.web;

import forum.platform.EchoedInput;
import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Content-Encoding} names any content coding but {@code identity} ({@code gzip},
 * {@code br}, {@code deflate}, a name of its own) with 415 ({@code unsupported-media-type}) and
 * {@code Accept-Encoding: identity}, as RFC 9110 (sections 8.4.1 and 12.5.3) asks: the forum decodes no coding, and
 * without this a gzip-labelled body was read as if it were plain JSON (and written when it parsed). On every route,
 * reads too, as a Content-Type that is not a media type is: the field says the content is something the server
 * cannot read. Runs before security, like the other checks of a request's form.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
public class ContentCodingFilter extends OncePerRequestFilter {

    /** The only content coding the forum takes: none at all (RFC 9110 section 8.4.1). */
    static final String IDENTITY = "identity";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.CONTENT_ENCODING) != null) {
            List<String> codings = unsupportedCodings(Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING)));
            if (!codings.isEmpty()) {
                response.setHeader(HttpHeaders.ACCEPT_ENCODING, IDENTITY);
                ProblemResponses.write(request, response, problem(codings));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * @param fields the request's Content-Encoding field values, each a comma-separated list of codings
     * @return the codings named other than {@code identity} (any case), in the order sent; empty when there is none
     *         (no field, empty fields, {@code identity} alone)
     */
    static List<String> unsupportedCodings(List<String> fields) {
        List<String> codings = new ArrayList<>();
        for (String field : fields) {
            for (String coding : field.split(",")) {
                String name = coding.strip();
                if (!name.isEmpty() && !name.toLowerCase(Locale.ROOT).equals(IDENTITY)) {
                    codings.add(name);
                }
            }
        }
        return codings;
    }

    private static ProblemDetail problem(List<String> codings) {
        return ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("The request's content is sent with the content coding "
                + EchoedInput.shortenField(String.join(", ", codings)) + " (Content-Encoding), which this server does not"
                + " decode (RFC 9110 8.4.1): send the body uncompressed, without a Content-Encoding header");
    }
}
