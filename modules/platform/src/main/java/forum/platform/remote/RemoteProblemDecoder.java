package forum.platform.remote;

import forum.platform.ConflictException;
import forum.platform.CredentialsRejectedException;
import forum.platform.FieldViolation;
import forum.platform.ForbiddenException;
import forum.platform.RateLimitedException;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.ValidationException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error answer of a remote module back into what the module would have thrown in-process: a
 * problem whose {@code type} is a domain outcome becomes that outcome, with the same detail and fields.
 * Anything else (a framework error such as a route the module does not have) is a
 * {@link RemoteModuleException}. 5xx answers never get here: {@link RemoteCallInterceptor} takes them.
 */
final class RemoteProblemDecoder implements RestClient.ResponseSpec.ErrorHandler {

    private final String module;
    private final JsonMapper json;

    RemoteProblemDecoder(String module, JsonMapper json) {
        this.module = module;
        this.json = json;
    }

    @Override
    public void handle(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode problem = readProblem(response);
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
            case RateLimitedException.TYPE -> throw new RateLimitedException(detail, retryAfter(response));
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

    private static Duration retryAfter(ClientHttpResponse response) {
        String seconds = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        try {
            return Duration.ofSeconds(seconds == null ? 1 : Long.parseLong(seconds.strip()));
        } catch (NumberFormatException httpDate) {
            return Duration.ofSeconds(1);
        }
    }

    private JsonNode readProblem(ClientHttpResponse response) {
        try {
            return json.readTree(response.getBody());
        } catch (IOException | JacksonException notJson) {
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
