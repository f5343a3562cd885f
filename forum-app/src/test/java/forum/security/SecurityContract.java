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
            DELETE | /api/posts/1           | GET
            PUT    | /api/posts/in-thread/1 | GET
            PATCH  | /api/posts             | GET, POST
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

    private int count() {
        return posts().get("/api/posts?limit=1000").json().size();
    }
}
