package dev.forum.extraction.runtime.remote;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A remote module's own answer about the request, relayed to the caller as the module would have answered it in
 * process: its status (one of {@link #RELAYED_STATUSES}, or of {@link #CALLERS_CREDENTIALS_STATUSES} as below), and,
 * when it was an RFC 9457 problem document ({@code application/problem+json}), its {@code type}, {@code title},
 * {@code detail} and extension members; {@code Retry-After} with a 429, {@code WWW-Authenticate} with a 403. In
 * process, the module's exception would have reached the caller's request unchanged (a
 * {@code ResponseStatusException(NOT_FOUND)} answers 404); so does its answer here. Whether the module answered a
 * problem document ({@link #problemDocument()}) decides how the caller answers it, where no handler of the
 * application's comes first: a problem document is answered as the module gave it; any other answer (Spring Boot's
 * error JSON, as a module answers with {@code spring.mvc.problemdetails.enabled} off, or no body) is answered as an
 * in-process exception of that status would be, by the caller's own error handling ({@code web.RemoteErrorResponseAdvice}).
 *
 * <p>The library throws it for a 4xx answer that no {@link RemoteErrorDecoder} of the application turned into its own
 * exception, only for {@link #RELAYED_STATUSES}, and for a 403 to a call that carried the caller's own credentials (its
 * {@code Authorization} is the served request's, as a {@link RemoteCallHeaders} hook relays it): the module refused
 * the caller, by its own rules ({@code @PreAuthorize}, say), as it would have in process. A 401 to such a call is not
 * what would have happened in process, where this process's security had already accepted those credentials: the two
 * processes disagree about them (their issuer, audience or keys, the clock, or a token that expired between the two),
 * a fault between the processes, not the caller's; relaying it, with its challenge, would send the caller to sign in
 * again for nothing. Any other 4xx is about the call between the two processes, not about the caller's request (that
 * 401; 401, 403 or 407 to a call with this process's own credentials or none; 405, 406 or 415: the two sides' versions
 * of the contract differ; 408, 411, 413, 414 or 431: the call itself), and is a {@link RemoteModuleException} (502)
 * naming the module, without the module's {@code WWW-Authenticate}. Neither counts against the module's circuit
 * breaker: it answered.
 */
public class RemoteErrorResponseException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * The 4xx statuses a module's own code answers about the data it was sent or asked for: 400 Bad Request, 404 Not
     * Found, 409 Conflict, 410 Gone, 412 Precondition Failed, 422 Unprocessable Content and 429 Too Many Requests
     * (RFC 9110, RFC 6585).
     */
    public static final Set<Integer> RELAYED_STATUSES = Set.of(400, 404, 409, 410, 412, 422, 429);

    /**
     * 403 Forbidden: relayed only when the call carried the caller's own credentials (class doc); to a call with this
     * process's own credentials or none it is about this process, a 502. A 401 is never relayed: to the caller's own
     * credentials, which this process accepted, it says the two processes disagree about them (class doc), a 502.
     */
    public static final Set<Integer> CALLERS_CREDENTIALS_STATUSES = Set.of(403);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String module;
    private final boolean problemDocument;

    /**
     * A relayed problem document ({@link #problemDocument()} true).
     *
     * @param module the remote module that answered
     * @param status its answer's status
     * @param body   the problem relayed to the caller
     */
    public RemoteErrorResponseException(String module, HttpStatusCode status, ProblemDetail body) {
        this(module, status, body, true);
    }

    /**
     * @param module          the remote module that answered
     * @param status          its answer's status
     * @param body            the problem relayed to the caller: the module's problem document's members, or only the
     *                        status when it answered none
     * @param problemDocument whether the module answered a problem document ({@code application/problem+json} holding a
     *                        JSON object)
     */
    public RemoteErrorResponseException(String module, HttpStatusCode status, ProblemDetail body, boolean problemDocument) {
        super(status, body, null);
        this.module = module;
        this.problemDocument = problemDocument;
    }

    /** @return the remote module that answered */
    public String module() {
        return module;
    }

    /**
     * @return whether the module answered a problem document, whose members {@link #getBody()} holds; {@code false}
     *     for any other answer (Spring Boot's error JSON, no body), of which the body holds only the status
     */
    public boolean problemDocument() {
        return problemDocument;
    }

    /**
     * @param module             the remote module that answered
     * @param status             its answer's status, 400 to 499
     * @param headers            its answer's headers
     * @param body               its answer's body (empty when it had none)
     * @param callersCredentials whether the call carried the caller's own credentials ({@code CallersCredentials})
     * @return the answer to relay (a 403's {@code WWW-Authenticate} kept), or {@code null} when it is about the call
     *     between the two processes: a status not in {@link #RELAYED_STATUSES}, but for one in
     *     {@link #CALLERS_CREDENTIALS_STATUSES} to a call with the caller's credentials (so always for a 401)
     */
    static RemoteErrorResponseException relay(String module, int status, HttpHeaders headers, byte[] body,
            boolean callersCredentials) {
        boolean aboutTheCaller = callersCredentials && CALLERS_CREDENTIALS_STATUSES.contains(status);
        if (!RELAYED_STATUSES.contains(status) && !aboutTheCaller) {
            return null;
        }
        ProblemDetail document = readProblemDocument(status, headers.getContentType(), body);
        RemoteErrorResponseException relayed = new RemoteErrorResponseException(module, HttpStatusCode.valueOf(status),
                document == null ? ProblemDetail.forStatus(status) : document, document != null);
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (status == 429 && retryAfter != null) {
            relayed.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        List<String> challenges = headers.get(HttpHeaders.WWW_AUTHENTICATE);
        if (aboutTheCaller && challenges != null) {
            relayed.getHeaders().put(HttpHeaders.WWW_AUTHENTICATE, List.copyOf(challenges));
        }
        return relayed;
    }

    /**
     * The caller's problem from the module's problem document: only a problem document's members are read (never
     * another body, such as Spring Boot's error JSON with its path and timestamp); {@code instance} is left out, since
     * the module's path is not the caller's.
     *
     * @return the problem, or {@code null} when the answer is no problem document ({@code application/problem+json}
     *     holding a JSON object)
     */
    private static ProblemDetail readProblemDocument(int status, MediaType contentType, byte[] body) {
        if (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)) {
            return null;
        }
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
        if (!document.isObject()) {
            return null;
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        for (Map.Entry<String, JsonNode> member : document.properties()) {
            JsonNode value = member.getValue();
            switch (member.getKey()) {
                case "status", "instance" -> {
                }
                case "type" -> {
                    if (value.isString()) {
                        try {
                            problem.setType(URI.create(value.asString()));
                        } catch (IllegalArgumentException notAUri) {
                            // the default, about:blank
                        }
                    }
                }
                case "title" -> problem.setTitle(value.isString() ? value.asString() : problem.getTitle());
                case "detail" -> problem.setDetail(value.isString() ? value.asString() : null);
                default -> problem.setProperty(member.getKey(), JSON.convertValue(value, Object.class));
            }
        }
        return problem;
    }
}
