package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.data.ModuleDatabase;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A username is unique regardless of case: a sign-up of a name taken in another case is the 409 of a taken name, also
 * when the two sign-ups race; a login finds the user whatever the case of the name, and the token names the username
 * as it was signed up. The context is closed afterwards, so no later test sees the users written here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class UsernameCaseContract extends RunningForumTest {

    private static final String PASSWORD = "oh-my-glob-whatever";

    @Autowired
    private ApplicationContext context;

    private Reply signUp(String username) {
        return http.postJson("/api/users", "{\"username\":\"" + username + "\",\"name\":\"Lumpy Space Princess\","
                + "\"password\":\"" + PASSWORD + "\"}");
    }

    @Test
    void a_name_taken_in_another_case_is_a_409_like_a_taken_name_and_writes_nothing() {
        Reply first = signUp("lsp");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        int users = http.get("/api/users?limit=1000").json().size();

        for (String other : List.of("LSP", "Lsp", "lsP")) {
            Reply again = signUp(other);
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(again.json().get("type").asString()).isEqualTo("urn:forum:problem:conflict");
            assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
            assertThat(again.json().get("errors").get(0).get("message").asString()).isEqualTo("is taken");
        }
        assertThat(http.get("/api/users?limit=1000").json().size()).isEqualTo(users);
    }

    @Test
    void a_login_finds_the_user_whatever_the_case_and_the_token_names_the_username_as_signed_up() {
        Reply user = signUp("Tree.Trunks");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        long id = user.json().get("id").asLong();

        for (String spelling : List.of("Tree.Trunks", "tree.trunks", "TREE.TRUNKS")) {
            ForumHttp caller = http.loggedInAs(spelling, PASSWORD);
            JsonNode claims = claims(caller.token());
            assertThat(claims.get("sub").asString()).isEqualTo(Long.toString(id));
            assertThat(claims.get("preferred_username").asString()).isEqualTo("Tree.Trunks");
        }
        Reply wrong = http.postJson("/api/users/login", "{\"username\":\"TREE.TRUNKS\",\"password\":\"not-her-password\"}");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
    }

    /**
     * During the rolling deployment that brings the key (V5), processes of the previous version insert users without
     * one: such a user still blocks the name in another case and logs in whatever the case.
     */
    @Test
    void a_user_written_without_a_key_by_the_previous_version_is_found_by_the_name_in_any_case() {
        Reply user = signUp("Marshall.Lee");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        long id = user.json().get("id").asLong();
        JdbcTemplate users = new JdbcTemplate(context.getBean("usersDatabase", ModuleDatabase.class).dataSource());
        assertThat(users.update("update users.users set username_key = null where id = ?", id)).isEqualTo(1);

        Reply again = signUp("marshall.lee");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        ForumHttp caller = http.loggedInAs("MARSHALL.LEE", PASSWORD);
        assertThat(claims(caller.token()).get("sub").asString()).isEqualTo(Long.toString(id));
    }

    /**
     * Two sign-ups of one name in two cases at once, as two processes would make them: both may pass the check for a
     * taken name before either writes, so only the database's unique key can refuse the second. One user, one 409.
     */
    @Test
    void two_sign_ups_of_one_name_in_two_cases_at_once_make_one_user() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 8; round++) {
                String name = "race" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Reply>> replies = new ArrayList<>();
                for (String spelling : List.of(name, name.toUpperCase(Locale.ROOT))) {
                    replies.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return signUp(spelling);
                    }, pool));
                }
                start.countDown();
                List<Reply> answers = new ArrayList<>();
                for (CompletableFuture<Reply> reply : replies) {
                    answers.add(reply.get());
                }
                assertThat(answers.stream().map(Reply::status).toList()).as("round %d: %s", round, answers)
                        .containsExactlyInAnyOrder(201, 409);
            }
        }
    }

    /**
     * Eight sign-ups of one name at once make one user and spend about one id each, not thousands. The password was
     * hashed (a tenth of a second or more) inside the transaction that held the new name's unique key, and on H2 every
     * sign-up waiting for that key retried its insert all the while, taking a new id on every try.
     */
    @Test
    void sign_ups_of_one_name_at_once_spend_about_one_id_each() throws Exception {
        long before = signUp("idle1").json().get("id").asLong();
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                statuses.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return signUp("race-ids").status();
                }));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).as("one user, the rest told the name is taken").containsOnly(201, 409)
                    .filteredOn(status -> status == 201).hasSize(1);
        }
        long after = signUp("idle2").json().get("id").asLong();
        assertThat(after - before).as("ids spent by %d sign-ups of one name", racers).isLessThanOrEqualTo(2L * racers);
    }

    private static JsonNode claims(String token) {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return ForumHttp.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }
}
