package forum.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.forum.extraction.runtime.remote.RemoteModuleException;
import forum.platform.ConflictException;
import forum.platform.DomainException;
import forum.platform.FieldViolation;
import forum.platform.RateLimitedException;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.ServerBusyException;
import forum.platform.ValidationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import tools.jackson.databind.json.JsonMapper;

class RemoteProblemDecoderUnitTest {

    private final RemoteProblemDecoder decoder = new RemoteProblemDecoder(JsonMapper.builder().build());

    private static MockClientHttpRequest request(HttpMethod method, String path) {
        return new MockClientHttpRequest(method, URI.create("http://users.example.com:3000" + path));
    }

    private static MockClientHttpResponse response(int status, String contentType, String body) {
        MockClientHttpResponse response = new MockClientHttpResponse(body.getBytes(StandardCharsets.UTF_8), status);
        if (contentType != null) {
            response.getHeaders().set("Content-Type", contentType);
        }
        return response;
    }

    private static MockClientHttpResponse problem(int status, String json) {
        return response(status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, json);
    }

    private Throwable decode(MockClientHttpRequest request, MockClientHttpResponse response) {
        Throwable thrown = catchThrowable(() -> decoder.decode("users", request, response.getStatusCode().value(),
                response.getHeaders(), response.getBody().readAllBytes()));
        assertThat(thrown).as("the decoder must always throw").isNotNull();
        return thrown;
    }

    @Test
    void notFoundBecomesResourceNotFoundWithTheSameDetail() {
        Throwable thrown = decode(request(HttpMethod.GET, "/api/users/42"), problem(404, """
                {"type":"urn:forum:problem:not-found","title":"Not Found","status":404,
                 "detail":"User 42 does not exist","instance":"/api/users/42"}"""));

        assertThat(thrown).isExactlyInstanceOf(ResourceNotFoundException.class).hasMessage("User 42 does not exist");
        assertThat(((DomainException) thrown).violations()).isEmpty();
    }

    @Test
    void validationBecomesValidationExceptionWithTheSameFields() {
        Throwable thrown = decode(request(HttpMethod.POST, "/api/users"), problem(400, """
                {"type":"urn:forum:problem:validation","title":"Bad Request","status":400,
                 "detail":"Invalid input: username is required; age must be between 13 and 150",
                 "errors":[{"field":"username","message":"is required"},
                           {"field":"age","message":"must be between 13 and 150"}]}"""));

        assertThat(thrown).isExactlyInstanceOf(ValidationException.class)
                .hasMessage("Invalid input: username is required; age must be between 13 and 150");
        assertThat(((ValidationException) thrown).violations()).containsExactly(
                new FieldViolation("username", "is required"),
                new FieldViolation("age", "must be between 13 and 150"));
    }

    @Test
    void validationWithoutFieldsIsNotADomainOutcome() {
        Throwable thrown = decode(request(HttpMethod.POST, "/api/users"), problem(400, """
                {"type":"urn:forum:problem:validation","status":400,"detail":"broken"}"""));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleException.class).hasMessageContaining("400");
    }

    @Test
    void referenceNotFoundBecomesReferenceNotFoundException() {
        Throwable thrown = decode(request(HttpMethod.POST, "/api/threads"), problem(422, """
                {"type":"urn:forum:problem:reference-not-found","title":"Unprocessable Content","status":422,
                 "detail":"Referenced resource does not exist: user does not exist",
                 "errors":[{"field":"user","message":"does not exist"}]}"""));

        assertThat(thrown).isExactlyInstanceOf(ReferenceNotFoundException.class)
                .hasMessage("Referenced resource does not exist: user does not exist");
        assertThat(((DomainException) thrown).violations()).containsExactly(new FieldViolation("user", "does not exist"));
    }

    @Test
    void busyBecomesServerBusyWithItsRetryAfter() {
        MockClientHttpResponse busy = problem(503, """
                {"type":"urn:forum:problem:busy","title":"Service Unavailable","status":503,
                 "detail":"Every password hashing slot of this server is taken: try again shortly"}""");
        busy.getHeaders().set("Retry-After", "2");
        Throwable thrown = decode(request(HttpMethod.POST, "/api/users/login"), busy);

        assertThat(thrown).isExactlyInstanceOf(ServerBusyException.class)
                .hasMessage("Every password hashing slot of this server is taken: try again shortly");
        assertThat(((ServerBusyException) thrown).retryAfterSeconds()).isEqualTo(2);
    }

    /** A 429's Retry-After is read as a 503's is (RetryAfter): delta-seconds or an HTTP-date, at most an hour. */
    @Test
    void rateLimitedBecomesRateLimitedWithItsRetryAfterInEitherForm() {
        String body = """
                {"type":"urn:forum:problem:rate-limited","title":"Too Many Requests","status":429,
                 "detail":"Too many failed logins for this account: try again later"}""";
        MockClientHttpResponse delta = problem(429, body);
        delta.getHeaders().set("Retry-After", "120");
        MockClientHttpResponse dated = problem(429, body);
        dated.getHeaders().set("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plusSeconds(300).atOffset(ZoneOffset.UTC)));
        MockClientHttpResponse days = problem(429, body);
        days.getHeaders().set("Retry-After", "864000");

        Throwable byDelta = decode(request(HttpMethod.POST, "/api/users/login"), delta);
        Throwable byDate = decode(request(HttpMethod.POST, "/api/users/login"), dated);
        Throwable byDays = decode(request(HttpMethod.POST, "/api/users/login"), days);

        assertThat(byDelta).isExactlyInstanceOf(RateLimitedException.class)
                .hasMessage("Too many failed logins for this account: try again later");
        assertThat(((RateLimitedException) byDelta).retryAfterSeconds()).isEqualTo(120);
        assertThat(((RateLimitedException) byDate).retryAfterSeconds()).isBetween(295L, 300L);
        assertThat(((RateLimitedException) byDays).retryAfterSeconds()).isEqualTo(3600);
    }

    @Test
    void conflictBecomesConflictException() {
        Throwable thrown = decode(request(HttpMethod.POST, "/api/users"), problem(409, """
                {"type":"urn:forum:problem:conflict","title":"Conflict","status":409,
                 "detail":"The username alice is taken",
                 "errors":[{"field":"username","message":"is taken"}]}"""));

        assertThat(thrown).isExactlyInstanceOf(ConflictException.class).hasMessage("The username alice is taken");
        assertThat(((DomainException) thrown).violations()).containsExactly(new FieldViolation("username", "is taken"));
    }

    @Test
    void aNotFoundRouteIsNotADomainOutcome() {
        Throwable thrown = decode(request(HttpMethod.GET, "/api/users/by-name/x"), problem(404, """
                {"type":"about:blank","title":"Not Found","status":404,
                 "detail":"No static resource api/users/by-name/x.","instance":"/api/users/by-name/x"}"""));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleException.class)
                .isNotInstanceOf(DomainException.class)
                .hasMessage("The users module answered GET /api/users/by-name/x with 404: No static resource api/users/by-name/x.");
        assertThat(((RemoteModuleException) thrown).module()).isEqualTo("users");
    }

    @Test
    void aNotFoundWithoutBodyIsNotADomainOutcome() {
        Throwable thrown = decode(request(HttpMethod.GET, "/api/users/1"), response(404, null, ""));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleException.class)
                .hasMessage("The users module answered GET /api/users/1 with 404");
    }

    @Test
    void aNonJsonServerErrorNamesTheModuleAndTheStatus() {
        Throwable thrown = decode(request(HttpMethod.DELETE, "/api/users/3"),
                response(500, "text/html", "<html><body>Internal Server Error</body></html>"));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleException.class)
                .hasMessage("The users module answered DELETE /api/users/3 with 500")
                .hasMessageContaining("users").hasMessageContaining("500");
        assertThat(((RemoteModuleException) thrown).module()).isEqualTo("users");
    }

    @Test
    void aJsonServerErrorKeepsItsDetail() {
        Throwable thrown = decode(request(HttpMethod.GET, "/api/users"), problem(500, """
                {"type":"about:blank","title":"Internal Server Error","status":500,"detail":"database is down"}"""));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleException.class)
                .hasMessage("The users module answered GET /api/users with 500: database is down");
    }

    @Test
    void jsonThatIsNotAnObjectIsNotADomainOutcome() {
        for (String body : List.of("[1,2]", "\"urn:forum:problem:not-found\"", "null", "{\"type\":")) {
            Throwable thrown = decode(request(HttpMethod.GET, "/api/users/1"), problem(404, body));

            assertThat(thrown).as(body).isExactlyInstanceOf(RemoteModuleException.class)
                    .hasMessage("The users module answered GET /api/users/1 with 404");
        }
    }
}
