package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tutorial's routes answer with the tutorial's JSON: every field it returns, the same values, the same
 * order. The expected answers are computed from the tutorial's own {@code db.json}, not written by hand.
 * Read-only: each concrete class runs it on a fresh database holding only the seed data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TutorialRoutesContract extends RunningForumTest {

    private static final JsonNode TUTORIAL = readTutorialData();

    @Test
    void users_are_the_tutorials_users_in_order() {
        assertThat(getJson("/api/users")).isEqualTo(TUTORIAL.get("users"));
    }

    @Test
    void each_user_is_the_tutorials_user() {
        for (JsonNode user : TUTORIAL.get("users")) {
            assertThat(getJson("/api/users/" + user.get("id").asLong())).isEqualTo(user);
        }
    }

    @Test
    void threads_are_the_tutorials_threads_in_order() {
        assertThat(getJson("/api/threads")).isEqualTo(TUTORIAL.get("threads"));
    }

    @Test
    void each_thread_is_the_tutorials_thread() {
        for (JsonNode thread : TUTORIAL.get("threads")) {
            assertThat(getJson("/api/threads/" + thread.get("id").asLong())).isEqualTo(thread);
        }
    }

    @Test
    void posts_are_the_tutorials_posts_in_data_order_with_an_id_added() {
        assertThat(withoutIds(getJson("/api/posts"))).isEqualTo(tutorialPosts(post -> true));
    }

    @Test
    void posts_in_a_thread_are_the_tutorials_posts_of_that_thread() {
        for (long thread = 1; thread <= 4; thread++) {
            long id = thread;
            assertThat(withoutIds(getJson("/api/posts/in-thread/" + thread)))
                    .as("posts in thread %d", thread)
                    .isEqualTo(tutorialPosts(post -> post.get("thread").asLong() == id));
        }
    }

    @Test
    void posts_by_a_user_are_the_tutorials_posts_of_that_user() {
        for (long user = 1; user <= 5; user++) {
            long id = user;
            assertThat(withoutIds(getJson("/api/posts/by-user/" + user)))
                    .as("posts by user %d", user)
                    .isEqualTo(tutorialPosts(post -> post.get("user").asLong() == id));
        }
    }

    @Test
    void the_root_routes_answer_the_tutorials_text() {
        assertThat(http.get("/").body()).isEqualTo("Ready to receive requests");
        assertThat(http.get("/api/").body()).isEqualTo("API ready to receive requests");
        assertThat(http.get("/api").body()).isEqualTo("API ready to receive requests");
    }

    @Test
    void readiness_and_liveness_are_up() {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            Reply reply = http.get(probe);
            assertThat(reply.status()).as(probe).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void the_tutorial_data_fits_one_page() {
        for (String list : List.of("/api/users", "/api/threads", "/api/posts")) {
            assertThat(http.get(list).link()).as(list).isEmpty();
        }
    }

    private JsonNode getJson(String path) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    private static List<JsonNode> withoutIds(JsonNode posts) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode post : posts) {
            assertThat(post.get("id").isNumber()).as("a post has an id").isTrue();
            ObjectNode copy = (ObjectNode) post.deepCopy();
            copy.remove("id");
            result.add(copy);
        }
        return result;
    }

    private static List<JsonNode> tutorialPosts(Predicate<JsonNode> filter) {
        List<JsonNode> result = new ArrayList<>();
        TUTORIAL.get("posts").forEach(post -> {
            if (filter.test(post)) {
                result.add(post);
            }
        });
        return result;
    }

    private static JsonNode readTutorialData() {
        try (InputStream in = TutorialRoutesContract.class.getResourceAsStream("/tutorial/db.json")) {
            return ForumHttp.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
