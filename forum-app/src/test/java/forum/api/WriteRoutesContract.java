package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The write routes, paging, and the bad-input table: every kind of bad request gets the right status as
 * {@code application/problem+json}, names the failing fields, and writes nothing. The context is closed
 * afterwards, so no later test sees the data written here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class WriteRoutesContract extends RunningForumTest {

    private static final String TOO_LARGE = "{\"username\":\"" + "a".repeat(70_000) + "\",\"name\":\"big\"}";

    @Test
    void a_created_user_thread_and_post_are_answered_with_201_and_location_and_can_be_read_back() {
        Reply user = http.postJson("/api/users", "{\"username\":\"bmo\",\"name\":\"BMO\",\"bio\":\"Living game console\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        long userId = user.json().get("id").asLong();
        assertThat(user.location()).contains("/api/users/" + userId);
        assertThat(http.get("/api/users/" + userId).json()).isEqualTo(user.json());
        assertThat(user.json().get("username").asString()).isEqualTo("bmo");

        Reply thread = http.postJson("/api/threads", "{\"title\":\"Who ate the last pie?\",\"createdBy\":" + userId + "}");
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        long threadId = thread.json().get("id").asLong();
        assertThat(thread.location()).contains("/api/threads/" + threadId);
        assertThat(http.get("/api/threads/" + threadId).json()).isEqualTo(thread.json());
        assertThat(thread.json().get("createdBy").asLong()).isEqualTo(userId);

        Reply post = http.postJson("/api/posts", "{\"thread\":" + threadId + ",\"text\":\"Not me!\",\"user\":" + userId + "}");
        assertThat(post.status()).as(post.toString()).isEqualTo(201);
        long postId = post.json().get("id").asLong();
        assertThat(post.location()).contains("/api/posts/" + postId);
        assertThat(http.get("/api/posts/" + postId).json()).isEqualTo(post.json());
        assertThat(http.get("/api/posts/in-thread/" + threadId).json()).containsExactly(post.json());
        assertThat(http.get("/api/posts/by-user/" + userId).json()).containsExactly(post.json());
    }

    @Test
    void a_user_without_a_bio_gets_an_empty_one() {
        Reply user = http.postJson("/api/users", "{\"username\":\"gunter\",\"name\":\"Gunter\"}");
        assertThat(user.status()).isEqualTo(201);
        assertThat(user.json().get("bio").asString()).isEmpty();
    }

    @Test
    void lists_are_paged_with_a_link_to_the_next_page() {
        Reply first = http.get("/api/posts?limit=4");
        assertThat(first.json()).hasSize(4);
        assertThat(first.link()).contains("</api/posts?limit=4&offset=4>; rel=\"next\"");

        Reply second = http.get("/api/posts?limit=4&offset=4");
        assertThat(second.json().get(0).get("id").asLong()).isGreaterThan(first.json().get(3).get("id").asLong());

        int total = http.get("/api/posts?limit=1000").json().size();
        Reply last = http.get("/api/posts?limit=4&offset=" + (total - 1));
        assertThat(last.json()).hasSize(1);
        assertThat(last.link()).isEmpty();

        Reply inThread = http.get("/api/posts/in-thread/2?limit=2");
        assertThat(inThread.link()).contains("</api/posts/in-thread/2?limit=2&offset=2>; rel=\"next\"");
        assertThat(http.get("/api/posts/in-thread/2?limit=2&offset=2").json()).hasSize(1);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("malformed JSON", "POST", "/api/users", "application/json", "{\"username\":", 400),
                bad("no body", "POST", "/api/users", "application/json", null, 400),
                bad("a number where text belongs", "POST", "/api/users", "application/json", "{\"username\":5,\"name\":\"x\"}", 400, "username"),
                bad("text where an id belongs", "POST", "/api/posts", "application/json", "{\"thread\":\"1\",\"text\":\"x\",\"user\":1}", 400, "thread"),
                bad("an array where text belongs", "POST", "/api/threads", "application/json", "{\"title\":[\"x\"],\"createdBy\":1}", 400, "title"),
                bad("a non-positive id in the body", "POST", "/api/threads", "application/json", "{\"title\":\"x\",\"createdBy\":0}", 400, "createdBy"),
                bad("missing user fields", "POST", "/api/users", "application/json", "{}", 400, "username", "name"),
                bad("missing thread fields", "POST", "/api/threads", "application/json", "{\"title\":\"  \"}", 400, "title", "createdBy"),
                bad("missing post fields", "POST", "/api/posts", "application/json", "{}", 400, "thread", "text", "user"),
                bad("a username with spaces", "POST", "/api/users", "application/json", "{\"username\":\"a b\",\"name\":\"x\"}", 400, "username"),
                bad("a name too long", "POST", "/api/users", "application/json", "{\"username\":\"longname\",\"name\":\"" + "n".repeat(101) + "\"}", 400, "name"),
                bad("a taken username", "POST", "/api/users", "application/json", "{\"username\":\"finn\",\"name\":\"Another Finn\"}", 409, "username"),
                bad("a thread by an unknown user", "POST", "/api/threads", "application/json", "{\"title\":\"x\",\"createdBy\":999}", 422, "createdBy"),
                bad("a post in an unknown thread by an unknown user", "POST", "/api/posts", "application/json", "{\"thread\":999,\"text\":\"x\",\"user\":998}", 422, "thread", "user"),
                bad("a post by an unknown user", "POST", "/api/posts", "application/json", "{\"thread\":1,\"text\":\"x\",\"user\":998}", 422, "user"),
                bad("a non-numeric user id", "GET", "/api/users/abc", null, null, 400, "id"),
                bad("a zero thread id", "GET", "/api/threads/0", null, null, 400, "id"),
                bad("a non-numeric thread id in a posts route", "GET", "/api/posts/in-thread/abc", null, null, 400, "threadId"),
                bad("an id too large for a number", "GET", "/api/posts/by-user/99999999999999999999", null, null, 400, "userId"),
                bad("a non-numeric limit", "GET", "/api/users?limit=abc", null, null, 400, "limit"),
                bad("a limit over 1000", "GET", "/api/threads?limit=1001", null, null, 400, "limit"),
                bad("a negative offset", "GET", "/api/posts?offset=-1", null, null, 400, "offset"),
                bad("an unknown user", "GET", "/api/users/999", null, null, 404),
                bad("an unknown thread", "GET", "/api/threads/999", null, null, 404),
                bad("an unknown post", "GET", "/api/posts/999", null, null, 404),
                bad("an unknown route", "GET", "/api/usersettings", null, null, 404),
                bad("an unsupported method", "DELETE", "/api/users", null, null, 405),
                bad("a method on a single resource that is not supported", "PUT", "/api/users/1", "application/json", "{}", 405),
                bad("a body that is not JSON", "POST", "/api/posts", "text/plain", "hello", 415),
                bad("a body over the limit", "POST", "/api/users", "application/json", TOO_LARGE, 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void bad_input_gets_a_problem_with_the_right_status_and_writes_nothing(String name, String method, String path,
            String contentType, String body, int status, Set<String> fields) {
        Counts before = counts();

        Reply reply = http.send(method, path, contentType, body);

        assertProblem(reply, status, fields);
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    @Test
    void a_chunked_body_over_the_limit_is_cut_off_with_413_and_writes_nothing() {
        Counts before = counts();

        Reply reply = http.postChunked("/api/users", TOO_LARGE.getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 413, Set.of());
        assertThat(counts()).isEqualTo(before);
    }

    private static void assertProblem(Reply reply, int status, Set<String> fields) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        Set<String> named = new HashSet<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> {
                named.add(error.get("field").asString());
                assertThat(error.get("message").asString()).isNotBlank();
            });
        }
        assertThat(named).as("fields named in %s", reply).isEqualTo(fields);
    }

    private Counts counts() {
        return new Counts(size("/api/users"), size("/api/threads"), size("/api/posts"));
    }

    private int size(String list) {
        return http.get(list + "?limit=1000").json().size();
    }

    private static Arguments bad(String name, String method, String path, String contentType, String body, int status,
            String... fields) {
        return Arguments.of(name, method, path, contentType, body, status, new HashSet<>(Arrays.asList(fields)));
    }

    private record Counts(int users, int threads, int posts) {
    }
}
