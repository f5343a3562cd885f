package forum.platform.remote;

import forum.platform.ConflictException;
import forum.platform.CredentialsRejectedException;
import forum.platform.FieldViolation;
import forum.platform.ForbiddenException;
import forum.platform.RateLimitedException;
import forum.platform.ServerBusyException;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.ValidationException;
import dev.forum.extraction.runtime.remote.RemoteErrorDecoder;
import dev.forum.extraction.runtime.remote.RemoteModuleException;
import dev.forum.extraction.runtime.remote.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error answer of a remote module back into what the module would have thrown in-process: a
 * problem whose {@code type} is a domain outcome becomes that outcome, with the same detail and fields.
 * Anything else (a framework error such as a route the module does not have) is a
 * {@link RemoteModuleException} naming the module, the route, the status and the problem's detail. The run-time
 * library (extraction-runtime) asks it for every 4xx answer of a remote module; 5xx answers never get here.
 */
@Component
final class RemoteProblemDecoder implements RemoteErrorDecoder {

    private final JsonMapper json;

    RemoteProblemDecoder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void decode(String module, HttpRequest request, int status, HttpHeaders headers, byte[] body) {
        JsonNode problem = readProblem(body);
        String type = problem.path("type").asString("");
        String detail = problem.path("detail").asString("");
        List<FieldViolation> violations = violations(problem);
        switch (type) {
            case ResourceNotFoundException.TYPE -> throw new ResourceNotFoundException(detail);
            case ValidationException.TYPE -> {
                if (!violations.isEmpty()) {
                    throw new ValidationException(violations);
                }
            }
            case ReferenceNotFoundException.TYPE -> throw new ReferenceNotFoundException(violations);
            case CredentialsRejectedException.TYPE -> throw new CredentialsRejectedException();
            case RateLimitedException.TYPE -> throw new RateLimitedException(detail, retryAfter(headers));
            case ServerBusyException.TYPE -> throw new ServerBusyException(detail, retryAfter(headers));
            case ForbiddenException.TYPE -> {
                if (!violations.isEmpty()) {
                    throw new ForbiddenException(detail, violations.getFirst());
                }
            }
            case ConflictException.TYPE -> {
                if (!violations.isEmpty()) {
                    throw new ConflictException(detail, violations.getFirst());
                }
            }
            default -> {
            }
        }
        throw new RemoteModuleException(module, "The " + module + " module answered " + request.getMethod() + " "
                + request.getURI().getPath() + " with " + status + (detail.isEmpty() ? "" : ": " + detail), null);
    }

    /** The remote module's own wait, read as {@link RetryAfter} reads a 503's: delta-seconds or an HTTP-date. */
    private static Duration retryAfter(HttpHeaders headers) {
        return RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), Instant.now());
    }

    private JsonNode readProblem(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (JacksonException notJson) {
            return json.createObjectNode();
        }
    }

    private static List<FieldViolation> violations(JsonNode problem) {
        List<FieldViolation> violations = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            violations.add(new FieldViolation(error.path("field").asString(""), error.path("message").asString("")));
        }
        return violations;
    }
}
