package forum.platform.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem document straight to a servlet response, for the layers that answer before Spring MVC
 * runs (filters, the servlet container's error report): {@code application/problem+json} in UTF-8 with the
 * members {@code type, title, status, detail, instance} and the problem's own properties, as Spring MVC
 * writes them ({@link ProblemMemberOrder}); {@code instance} is the request's path, as Spring MVC sets it.
 */
public final class ProblemResponses {

    /** The content type of every problem answer; JSON is UTF-8 by definition (RFC 8259), with no charset parameter. */
    public static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private ProblemResponses() {
    }

    /**
     * Sets the problem's status and content type on {@code response} and writes its body; the response must
     * not be committed yet. A problem without an {@code instance} is given the request's path
     * ({@link #instanceOf}).
     *
     * @param request  the request answered
     * @param response its response
     * @param problem  what to answer
     * @throws IOException if the body cannot be written to the client
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            instanceOf(request.getRequestURI()).ifPresent(problem::setInstance);
        }
        byte[] body = toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /**
     * A problem's {@code instance} for a request: its path as sent, without the query, as Spring MVC sets it for
     * the problems it answers.
     *
     * @param requestUri the request's path as sent ({@code HttpServletRequest.getRequestURI()}), may be null
     * @return the path as a URI reference; empty if there is none or it is not a valid URI reference (the access
     *         log tells it then)
     */
    public static Optional<URI> instanceOf(String requestUri) {
        if (requestUri == null || !requestUri.startsWith("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(requestUri));
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    /** The problem as JSON text: {@code {"type":...,"title":...,"status":...,"detail":...,"instance":...,...}}. */
    public static String toJson(ProblemDetail problem) {
        return JSON.writeValueAsString(members(problem));
    }

    /**
     * The same JSON with every character outside ASCII escaped ({@code \u00e9}): the same text in any charset,
     * for a writer whose charset cannot be chosen without naming it in the Content-Type.
     */
    public static String toAsciiJson(ProblemDetail problem) {
        return ASCII_JSON.writeValueAsString(members(problem));
    }

    private static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }
}
