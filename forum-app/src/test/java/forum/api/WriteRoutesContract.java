package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The write routes and paging (the bad-input table is {@link BadInputContract}). The context is closed afterwards,
 * so no later test sees the data written here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class WriteRoutesContract extends RunningForumTest {

    private static final String TOO_LARGE = "{\"username\":\"" + "a".repeat(140_000) + "\",\"name\":\"big\"}";

    @Test
    void a_user_signs_up_logs_in_and_writes_a_thread_and_a_post_as_themself() {
        Reply user = http.postJson("/api/users", "{\"username\":\"bmo\",\"name\":\"BMO\",\"bio\":\"Living game console\","
                + "\"password\":\"who-wants-to-play\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        long userId = user.json().get("id").asLong();
        assertThat(user.location()).contains("/api/users/" + userId);
        assertThat(http.get("/api/users/" + userId).json()).isEqualTo(user.json());
        assertThat(user.json().get("username").asString()).isEqualTo("bmo");
        assertThat(user.body()).as("no read ever answers a password or its hash").doesNotContain("password", "who-wants", "bcrypt");
        assertThat(http.get("/api/users?limit=1000").body()).doesNotContain("password", "bcrypt");

        ForumHttp bmo = http.loggedInAs("bmo", "who-wants-to-play");
        Reply thread = bmo.postJson("/api/threads", "{\"title\":\"Who ate the last pie?\",\"createdBy\":" + userId + "}");
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        long threadId = thread.json().get("id").asLong();
        assertThat(thread.location()).contains("/api/threads/" + threadId);
        assertThat(http.get("/api/threads/" + threadId).json()).isEqualTo(thread.json());
        assertThat(thread.json().get("createdBy").asLong()).isEqualTo(userId);

        Reply post = bmo.postJson("/api/posts", "{\"thread\":" + threadId + ",\"text\":\"Not me!\"}");
        assertThat(post.status()).as(post.toString()).isEqualTo(201);
        long postId = post.json().get("id").asLong();
        assertThat(post.location()).contains("/api/posts/" + postId);
        assertThat(http.get("/api/posts/" + postId).json()).isEqualTo(post.json());
        assertThat(http.get("/api/posts/in-thread/" + threadId).json()).containsExactly(post.json());
        assertThat(http.get("/api/posts/by-user/" + userId).json()).containsExactly(post.json());
        assertThat(post.json().get("user").asLong()).as("the author is the caller").isEqualTo(userId);
    }

    @Test
    void a_login_answers_an_oauth_style_token_response_that_is_never_cached() {
        Reply login = http.postJson("/api/users/login", "{\"username\":\"finn\",\"password\":\"adventure-time-hero\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(login.json().get("expires_in").asLong()).isEqualTo(900);
        assertThat(login.json().get("access_token").asString().split("\\.")).hasSize(3);
    }

    @Test
    void a_user_without_a_bio_gets_an_empty_one() {
        Reply user = http.postJson("/api/users", "{\"username\":\"gunter\",\"name\":\"Gunter\",\"password\":\"wenk-wenk-wenk!\"}");
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

    /**
     * Every text field is stored without the blank characters around it, white space and invisible format characters
     * alike (one rule, forum.platform.Text), and keeps those inside it and those that belong to the character before
     * them (an emoji's variation selector). The username is found by login without them too.
     */
    @Test
    void blank_characters_around_every_text_field_are_stripped_and_those_inside_kept() {
        String around = "\\u00a0\\u200b\\ufeff\\u3000";
        Reply user = http.postJson("/api/users", "{\"username\":\"" + around + "peppermint" + around + "\",\"name\":\"" + around
                + "Peppermint\\u00a0Butler" + around + "\",\"bio\":\"" + around + "I \\u2764\\ufe0f" + around + "\","
                + "\"password\":\"candy-kingdom-butler\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        assertThat(user.json().get("username").asString()).isEqualTo("peppermint");
        assertThat(user.json().get("name").asString()).isEqualTo("Peppermint\u00a0Butler");
        assertThat(user.json().get("bio").asString()).isEqualTo("I \u2764\ufe0f");

        ForumHttp butler = http.loggedInAs("\\u200bpeppermint\\u00a0", "candy-kingdom-butler");
        Reply thread = butler.postJson("/api/threads", "{\"title\":\"" + around + "Secret\\u200bdungeon\\u2060" + "\"}");
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        assertThat(thread.json().get("title").asString()).isEqualTo("Secret\u200bdungeon");
        Reply post = butler.postJson("/api/posts", "{\"thread\":" + thread.json().get("id").asLong() + ",\"text\":\"\\u200e"
                + "Keep it quiet\\n\\u202f\"}");
        assertThat(post.status()).as(post.toString()).isEqualTo(201);
        assertThat(http.get("/api/posts/" + post.json().get("id").asLong()).json().get("text").asString()).isEqualTo("Keep it quiet");
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

    private record Counts(int users, int threads, int posts) {
    }
}
