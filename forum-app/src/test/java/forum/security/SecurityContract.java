package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.security.SecurityTable.Row;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The security table against a process that serves posts: each refused write answers its status as a problem, with
 * a {@code WWW-Authenticate: Bearer} challenge on 401, and writes nothing. Run against the monolith and against the
 * posts service of a split topology, which verifies every token by itself.
 */
abstract class SecurityContract {

    /** The process under test, as nobody. */
    abstract ForumHttp posts();

    static List<Row> table() {
        return SecurityTable.posts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void a_write_without_the_right_to_it_is_refused_and_writes_nothing(Row row) {
        int before = count();

        String authorization = row.authorization().get();
        Reply reply = authorization == null
                ? posts().postJson("/api/posts", row.body())
                : posts().send("POST", "/api/posts", "application/json", row.body(), "Authorization", authorization);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(row.status());
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:forum:problem:" + row.type());
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Jwt", "JOSE", "Nimbus", "Exception");
        if (row.status() == 401) {
            assertThat(reply.wwwAuthenticate()).as("WWW-Authenticate of %s", reply).hasValueSatisfying(challenge -> {
                assertThat(challenge).startsWith("Bearer");
                if (row.challenge() != null) {
                    assertThat(challenge).contains("error=\"" + row.challenge() + "\"");
                }
            });
        }
        assertThat(count()).as("nothing written").isEqualTo(before);
    }

    @Test
    void a_valid_token_writes_as_its_user_and_reads_need_none() {
        Reply read = posts().get("/api/posts/in-thread/1");
        assertThat(read.status()).isEqualTo(200);
        String token = forum.support.TestTokens.forUser(SecurityTable.CALLER);
        Reply written = posts().withToken(token).postJson("/api/posts", "{\"thread\":1,\"text\":\"allowed\",\"user\":1}");
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        assertThat(written.json().get("user").asLong()).isEqualTo(SecurityTable.CALLER);
    }

    /**
     * Stateless at every stage: no answer sets a cookie (no {@code JSESSIONID}, nothing to forge a request with), whether
     * the request was read, refused for want of a token, refused for a bad one or written with a good one.
     */
    @Test
    void no_answer_sets_a_cookie_or_starts_a_session() {
        String token = forum.support.TestTokens.forUser(SecurityTable.CALLER);
        List<Reply> replies = List.of(
                posts().get("/api/posts/in-thread/1"),
                posts().get("/api/no-such-route"),
                posts().postJson("/api/posts", "{\"thread\":1,\"text\":\"no token\",\"user\":1}"),
                posts().send("POST", "/api/posts", "application/json", "{}", "Authorization", "Bearer not-a-token"),
                posts().withToken(token).postJson("/api/posts", "{\"thread\":1,\"text\":\"stateless\",\"user\":1}"),
                posts().withToken(token).get("/api/posts/in-thread/1"));
        assertThat(replies).extracting(Reply::status).containsExactly(200, 404, 401, 401, 201, 200);
        assertThat(replies).allSatisfy(reply -> assertThat(reply.setCookie()).as(reply.toString()).isEmpty());
    }

    /**
     * A method no route takes on a path is a 405 whoever asks: security does not turn it into a 401 for want of a
     * token, and the answer and its Allow header are the same with one.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE | /api/posts/1           | GET, HEAD, OPTIONS
            PUT    | /api/posts/in-thread/1 | GET, HEAD, OPTIONS
            PATCH  | /api/posts             | GET, HEAD, POST, OPTIONS
            """)
    void a_method_no_route_takes_is_a_405_with_or_without_a_token(String method, String path, String allow) {
        int before = count();
        String token = forum.support.TestTokens.forUser(SecurityTable.CALLER);
        for (ForumHttp caller : List.of(posts(), posts().withToken(token))) {
            Reply reply = caller.send(method, path, "application/json", "{}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(405);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:method-not-allowed");
            assertThat(reply.json().get("detail").asString()).as(reply.toString()).endsWith("it takes " + allow);
            assertThat(reply.allow()).as(reply.toString()).hasValue(allow);
        }
        assertThat(count()).isEqualTo(before);
    }

    /**
     * More than one credential is ambiguous (RFC 6750 section 3.1, {@code invalid_request}): a 400 problem, not a write
     * as whichever token came first, whether the other is valid, the same or garbage, and on reads too.
     */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/posts             | a valid token and garbage, in two fields
            POST | /api/posts             | garbage and a valid token, in two fields
            POST | /api/posts             | the same valid token twice, in two fields
            POST | /api/posts             | a valid token and garbage, in one field
            POST | /api/posts             | a valid token and basic credentials, in two fields
            GET  | /api/posts/in-thread/1 | a valid token and garbage, in two fields
            """)
    void more_than_one_credential_is_a_400_invalid_request_and_writes_nothing(String method, String path, String sent) {
        int before = count();
        String token = "Bearer " + forum.support.TestTokens.forUser(SecurityTable.CALLER);
        String[] headers = switch (sent) {
            case "a valid token and garbage, in two fields" -> new String[] {"Authorization", token, "Authorization", "Bearer abc"};
            case "garbage and a valid token, in two fields" -> new String[] {"Authorization", "Bearer abc", "Authorization", token};
            case "the same valid token twice, in two fields" -> new String[] {"Authorization", token, "Authorization", token};
            case "a valid token and garbage, in one field" -> new String[] {"Authorization", token + ", Bearer abc"};
            case "a valid token and basic credentials, in two fields" -> new String[] {"Authorization", token,
                    "Authorization", "Basic bWFyY2VsaW5lOnZhbXBpcmUtcXVlZW4tMTAwMA=="};
            default -> throw new IllegalArgumentException(sent);
        };
        String body = method.equals("GET") ? null : "{\"thread\":1,\"text\":\"ambiguous\"}";

        Reply reply = posts().send(method, path, body == null ? null : "application/json", body, headers);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:bad-request");
        assertThat(reply.json().get("detail").asString()).as(reply.toString()).contains("credentials are ambiguous")
                .doesNotContain("Jwt", "JOSE", "Nimbus", "Exception", "OAuth2");
        assertThat(reply.wwwAuthenticate()).as(reply.toString()).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_request\""));
        assertThat(count()).as("nothing written").isEqualTo(before);
    }

    /**
     * A request no route takes gets the same answer with or without a token: no route has the path (404), or no
     * route on it takes the method (405, the actuator's too). Security does not make it a 401 for want of a token,
     * and no handler runs either way.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /api/no-such-route | 404 | no-route
            DELETE | /api/nothing/1     | 404 | no-route
            PUT    | /no-such-route     | 404 | no-route
            POST   | /actuator/health   | 405 | method-not-allowed
            DELETE | /actuator/health   | 405 | method-not-allowed
            POST   | /actuator/health/  | 404 | no-route
            DELETE | /actuator/health/liveness/ | 404 | no-route
            PUT    | /api/posts/        | 404 | no-route
            """)
    void a_request_no_route_takes_is_answered_the_same_with_or_without_a_token(String method, String path, int status,
                                                                               String type) {
        int before = count();
        String token = forum.support.TestTokens.forUser(SecurityTable.CALLER);
        Reply anonymous = posts().send(method, path, "application/json", "{}");
        Reply identified = posts().withToken(token).send(method, path, "application/json", "{}");
        for (Reply reply : List.of(anonymous, identified)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:" + type);
        }
        assertThat(anonymous.json().get("detail")).as("the same answer both ways").isEqualTo(identified.json().get("detail"));
        assertThat(anonymous.allow()).isEqualTo(identified.allow());
        assertThat(anonymous.wwwAuthenticate()).isEmpty();
        assertThat(count()).isEqualTo(before);
    }

    /**
     * A route that needs a user refuses a request without a token with a 401, whatever else is wrong with it (its
     * content type, its body): only a request no route takes is answered otherwise.
     */
    @ParameterizedTest(name = "POST /api/posts as {0}")
    @CsvSource({"text/plain", "application/json"})
    void a_route_that_needs_a_user_refuses_a_request_without_a_token_whatever_else_it_sends(String contentType) {
        Reply reply = posts().send("POST", "/api/posts", contentType, "not even json");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:unauthorized");
        assertThat(reply.wwwAuthenticate()).hasValue("Bearer");
    }

    private int count() {
        return posts().get("/api/posts?limit=1000").json().size();
    }
}
