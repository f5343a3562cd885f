package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.SampleUsers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Logins over HTTP on the monolith (H2), as a user's curl makes them: a password is checked as a whole, never only its
 * first 72 bytes (what bcrypt reads); in NFKC, at sign-up and at login alike; and the throttle checks no more than five
 * passwords of a username from an address, however many attempts arrive at once; a login that sign-up could never have
 * stored is refused as invalid before anything is counted or checked; and a block is logged only once it is real.
 * Each test sends its own client
 * address ({@code X-Forwarded-For}, trusted here from loopback as from a load balancer: by default no proxy is trusted)
 * so that their counts do not meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127.0.0.1/32")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class LoginOnMonolithIntegrationTest {

    @LocalServerPort
    int port;
    ForumHttp http;

    @BeforeEach
    void connect() {
        http = new ForumHttp(port);
    }

    /**
     * "€漢字" eight times is 24 characters and exactly 72 bytes: bcrypt would match it followed by anything. Such a login
     * is a wrong password, answered and counted as one: the fifth blocks the pair, the right password included.
     */
    @Test
    void a_72_byte_password_with_anything_after_it_is_a_failed_login_counted_by_the_throttle() {
        String password = "\u20ac\u6f22\u5b57".repeat(8);
        assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        assertThat(signUp("euro", password).status()).isEqualTo(201);

        for (String longer : List.of(password + "WRONG-SUFFIX", password + "x", password + password, password + "1", password + " ")) {
            Reply wrong = login("euro", longer, "192.0.2.71");
            assertThat(wrong.status()).as("%s: %s", longer, wrong).isEqualTo(401);
            assertThat(wrong.json().get("type").asString()).isEqualTo("urn:forum:problem:login-failed");
        }
        Reply blocked = login("euro", password, "192.0.2.71");
        assertThat(blocked.status()).as("after five failures: %s", blocked).isEqualTo(429);
        assertThat(login("euro", password, "192.0.2.72").status()).as("the right password from elsewhere").isEqualTo(200);
    }

    /** NIST SP 800-63B 5.1.1.2: one password, whichever Unicode form the keyboard sends it in. */
    @Test
    void a_password_is_the_same_in_every_unicode_form_at_sign_up_and_at_login() {
        String composed = "caf\u00e9-au-lait-noir";
        String decomposed = "cafe\u0301-au-lait-noir";
        String fullWidth = "\uff43\uff41\uff46\u00e9-au-lait-noir";
        assertThat(signUp("latte", composed).status()).isEqualTo(201);
        assertThat(signUp("mocha", decomposed).status()).isEqualTo(201);
        for (String user : List.of("latte", "mocha")) {
            for (String typed : List.of(composed, decomposed, fullWidth)) {
                Reply reply = login(user, typed, "192.0.2.73");
                assertThat(reply.status()).as("%s with %s: %s", user, typed, reply).isEqualTo(200);
            }
        }
        assertThat(login("latte", "cafe-au-lait-noir", "192.0.2.73").status()).as("an accent is not dropped").isEqualTo(401);
    }

    /**
     * 90 attempts released at once: the block's check and the count are one step, so five passwords are checked
     * (five 401s) and every other attempt is refused (429), not six or more checked.
     */
    @Test
    void attempts_made_at_once_check_no_more_than_five_passwords() throws Exception {
        int attempts = 90;
        CyclicBarrier start = new CyclicBarrier(attempts);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                statuses.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return login(SampleUsers.FINN, "wrong-password-par", "192.0.2.78").status();
                }));
            }
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertThat(counts).isEqualTo(Map.of(401, 5, 429, attempts - 5));
        }
        assertThat(login(SampleUsers.FINN, SampleUsers.FINN_PASSWORD, "192.0.2.78").status()).isEqualTo(429);
        assertThat(login(SampleUsers.FINN, SampleUsers.FINN_PASSWORD, "192.0.2.79").status()).isEqualTo(200);
    }

    /**
     * A lone UTF-16 surrogate is encoded to UTF-8 as {@code ?}, and bcrypt reads {@code p\0p} as {@code p}: a user
     * whose password has {@code ?} in a place logged in with any lone surrogate there, and with the password, a NUL and
     * the password again. Sign-up refuses such text, so login does too, as the same 400 naming the field, whether or
     * not the user exists, before the throttle counts it: seven of them from one address still leave the right
     * password its 200 there.
     */
    @Test
    void a_login_that_sign_up_could_never_have_stored_is_refused_as_invalid_naming_the_field() {
        assertThat(signUp("qmark", "question test ?").status()).isEqualTo(201);
        String address = "192.0.2.74";
        Map<String, String[]> refused = new java.util.LinkedHashMap<>();
        refused.put("a high surrogate in the password", new String[] {"qmark", "question test \\ud800", "password", "U+D800"});
        refused.put("a low surrogate in the password", new String[] {"qmark", "question test \\udfff", "password", "U+DFFF"});
        refused.put("a NUL and the password again", new String[] {"qmark", "question test ?\\u0000question test ?", "password", "NUL"});
        refused.put("a lone surrogate in the username", new String[] {"qmark\\ud800", "question test ?", "username", "U+D800"});
        refused.put("a username sign-up does not take", new String[] {"qmark?", "question test ?", "username", "ASCII letters"});
        for (Map.Entry<String, String[]> row : refused.entrySet()) {
            String[] input = row.getValue();
            Reply reply = login(input[0], input[1], address);
            assertThat(reply.status()).as("%s: %s", row.getKey(), reply).isEqualTo(400);
            assertThat(reply.json().get("type").asString()).as(row.getKey()).isEqualTo("urn:forum:problem:validation");
            assertThat(reply.json().get("errors")).as(row.getKey()).hasSize(1);
            assertThat(reply.json().get("errors").get(0).get("field").asString()).as(row.getKey()).isEqualTo(input[2]);
            assertThat(reply.json().get("errors").get(0).get("message").asString()).as(row.getKey()).contains(input[3]);
            assertThat(reply.body()).as(row.getKey()).doesNotContain("access_token");
        }
        Reply known = login("qmark", "question test \\ud800", address);
        Reply unknown = login("nobody-qmark", "question test \\ud800", address);
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.json().get("detail").asString()).as("the same answer for a user who does not exist")
                .isEqualTo(known.json().get("detail").asString());
        assertThat(login("qmark", "question test ?", address).status()).as("the 400s were not counted as failed logins")
                .isEqualTo(200);
    }

    /**
     * Sign-up takes no new username of punctuation only ({@code ..}), but a login is held only to the characters a
     * username may hold: a name stored before that rule must still log in, so such a login is a failed login (401),
     * not a 400.
     */
    @Test
    void a_username_only_sign_up_refuses_is_a_failed_login_not_an_invalid_one() {
        Reply signUp = signUp("..", "dot-dot-password-7");
        assertThat(signUp.status()).as("%s", signUp).isEqualTo(400);
        assertThat(signUp.json().get("errors").get(0).get("message").asString()).contains("at least one letter or digit");
        Reply login = login("..", "dot-dot-password-7", "192.0.2.75");
        assertThat(login.status()).as("%s", login).isEqualTo(401);
        assertThat(login.json().get("type").asString()).isEqualTo("urn:forum:problem:login-failed");
    }

    /**
     * The throttle counts an attempt before its password is checked: a login that then succeeds clears the count and
     * must not log the block its count would have set. A block that is real is logged once: by the failure that sets
     * it, not again by the attempts it refuses.
     */
    @Test
    void a_login_that_succeeds_after_failures_logs_no_refusal_and_a_real_block_logs_one(CapturedOutput output)
            throws Exception {
        assertThat(signUp("clover", "four-leaf-luck-9").status()).isEqualTo(201);
        String refusal = "Username " + logName("clover") + " is refused";

        for (int i = 0; i < 4; i++) {
            assertThat(login("clover", "not-the-right-one", "192.0.2.81").status()).isEqualTo(401);
        }
        assertThat(login("clover", "four-leaf-luck-9", "192.0.2.81").status()).as("the fifth attempt is right").isEqualTo(200);
        assertThat(lines(output, refusal)).as("a success after four failures").isZero();

        for (int i = 0; i < 5; i++) {
            assertThat(login("clover", "not-the-right-one", "192.0.2.82").status()).isEqualTo(401);
        }
        assertThat(lines(output, refusal)).as("the fifth failure blocks the pair").isEqualTo(1);
        assertThat(login("clover", "four-leaf-luck-9", "192.0.2.82").status()).as("during the block").isEqualTo(429);
        assertThat(lines(output, refusal)).as("a refused attempt does not log the block again").isEqualTo(1);
        Thread.sleep(6_000);
        assertThat(login("clover", "four-leaf-luck-9", "192.0.2.82").status()).as("after the block").isEqualTo(200);
        assertThat(lines(output, refusal)).as("a success after the block: %s", output).isEqualTo(1);
    }

    private static long lines(CapturedOutput output, String text) {
        return output.getAll().lines().filter(line -> line.contains(text)).count();
    }

    /** How the logs name a username (LogNames.username): the first 16 hex digits of the SHA-256 of its lower case. */
    private static String logName(String username) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    private Reply signUp(String username, String password) {
        return http.postJson("/api/users", "{\"username\":\"" + username + "\",\"name\":\"x\",\"password\":\"" + password + "\"}");
    }

    private Reply login(String username, String password, String clientAddress) {
        return http.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", "X-Forwarded-For", clientAddress);
    }
}
