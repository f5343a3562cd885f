package forum.platform.web;

import forum.platform.EchoedInput;
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
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON request body labelled with a charset other than UTF-8 with 415 ({@code unsupported-media-type}).
 * JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1), and its media type has no charset parameter;
 * a client that labels UTF-8 bytes {@code charset=ISO-8859-1} would otherwise have them decoded as Latin-1 and
 * stored as text it did not send ({@code café} as {@code cafÃ©}). {@code charset=UTF-8} (any case) is taken, as is
 * no charset, and any charset on a request without content (a GET), where it labels nothing. A Content-Type that is not a media type at all ({@code json}, {@code ;;;}) is refused on every route
 * with 400 ({@code bad-request}). Runs before security, like the body size limit: it judges the request's form,
 * not its caller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class JsonCharsetFilter extends OncePerRequestFilter {

    /** A structured syntax suffix type (RFC 6839): {@code application/problem+json}, {@code application/merge-patch+json}. */
    private static final Pattern JSON_SUFFIX = Pattern.compile("application/[a-z0-9!#$&^_.-]+\\+json");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && MediaTypeSyntax.parse(contentType).isEmpty()) {
            // 400, not 415: the field cannot be read at all (RFC 9110 15.5.1), on any route, a read too; a 415 says
            // that a format which could be read is not taken.
            ProblemResponses.write(request, response, notAMediaType(contentType));
            return;
        }
        // The charset is refused only on a request with content. Content-Type describes the content (RFC 9110 8.3),
        // and a 415 says the content is in a format not taken (RFC 9110 15.5.16): a request with none (no
        // Content-Length above 0, no Transfer-Encoding, RFC 9112 6.3) has no format to refuse, so a GET labelled
        // application/json; charset=latin1 is served as one labelled text/plain is. A label that is no media type at
        // all stays a 400 on any request (above): that is a field that cannot be read, not content.
        String label = hasContent(request) ? nonUtf8Charset(contentType) : null;
        if (label != null) {
            ProblemResponses.write(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("A JSON body is sent as UTF-8"
                    + " (RFC 8259), not charset=" + EchoedInput.shortenField(label) + ": send its bytes as UTF-8, with no charset or"
                    + " charset=UTF-8"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the request has content: a Content-Length above 0, or a Transfer-Encoding (chunks, maybe none). */
    static boolean hasContent(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** The 400 problem for a Content-Type header that is not a media type. */
    static ProblemDetail notAMediaType(String contentType) {
        return ProblemType.BAD_REQUEST.problem("The Content-Type header '" + EchoedInput.shortenField(contentType)
                + "' is not a media type: send type/subtype with optional ;name=value parameters, such as"
                + " application/json, or no Content-Type when there is no body");
    }

    /**
     * @param contentType a request's Content-Type header, or null
     * @return the charset parameter of a JSON media type ({@code application/json}, {@code application/*+json})
     *         when it names anything but UTF-8 (an unknown or empty charset too); null otherwise (no charset, not
     *         JSON, not a media type: the last is refused before this is asked)
     */
    static String nonUtf8Charset(String contentType) {
        // Read by hand: Spring's MediaType refuses a charset the JVM does not know before we could name it.
        MediaTypeSyntax.MediaType mediaType = MediaTypeSyntax.parse(contentType).orElse(null);
        if (mediaType == null) {
            return null;
        }
        String type = mediaType.essence();
        boolean json = type.equals("application/json") || JSON_SUFFIX.matcher(type).matches();
        String label = json ? mediaType.parameters().get("charset") : null;
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
