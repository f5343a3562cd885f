package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.RouteAccess;
import forum.posts.PostsApi;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.TestTokens;
import forum.threads.ThreadsApi;
import forum.users.UsersApi;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.service.annotation.HttpExchange;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** The security table against the monolith, which verifies tokens with the users module's keys in-process. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SecurityOnMonolithIntegrationTest extends SecurityContract {

    @LocalServerPort
    int port;
    ForumHttp http;

    @BeforeEach
    void connect() {
        http = new ForumHttp(port);
    }

    @Override
    ForumHttp posts() {
        return http;
    }

    /**
     * Every route of every contract says who may call it; each one that needs a user refuses a request without a
     * token with a 401 problem, and each one open to anyone does not ask for one.
     */
    @Test
    void every_contract_route_refuses_or_admits_a_caller_without_a_token_as_its_route_access_says() {
        int routes = 0;
        for (Class<?> contract : List.of(UsersApi.class, ThreadsApi.class, PostsApi.class)) {
            String prefix = AnnotatedElementUtils.findMergedAnnotation(contract, HttpExchange.class).url();
            for (Method method : contract.getMethods()) {
                HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
                if (exchange == null) {
                    continue;
                }
                RouteAccess access = method.getAnnotation(RouteAccess.class);
                assertThat(access).as("%s.%s says who may call it", contract.getSimpleName(), method.getName()).isNotNull();
                String path = (prefix + exchange.url()).replaceAll("\\{[^}]+}", "1");
                Reply reply = http.send(exchange.method(), path, "application/json", exchange.method().equals("GET") ? null : "{}");
                if (access.value() == RouteAccess.Caller.USER) {
                    assertThat(reply.status()).as("%s %s without a token: %s", exchange.method(), path, reply).isEqualTo(401);
                    assertThat(reply.contentType()).isEqualTo("application/problem+json");
                } else {
                    assertThat(reply.status()).as("%s %s without a token: %s", exchange.method(), path, reply).isNotEqualTo(401);
                }
                routes++;
            }
        }
        assertThat(routes).isEqualTo(13);
    }

    /**
     * The routes that obtain credentials read no token: a client that sends an expired, garbled or doubled
     * {@code Authorization} header with every call still logs in and signs up (the 401 for a bad token tells it to log
     * in again, so the login must not refuse it the same way). Without the rule each of these is a 401 or 400.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"an expired token", "garbage", "a JWT cut short", "a token of another issuer", "two tokens",
            "a valid token"})
    void logging_in_and_signing_up_read_no_token(String sent) {
        String[] headers = authorization(sent);
        Reply login = http.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"marceline\",\"password\":\"vampire-queen-1000\"}", headers);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("access_token").asString()).isNotBlank();

        String username = "stale" + Math.abs(sent.hashCode());
        Reply signUp = http.send("POST", "/api/users", "application/json", "{\"username\":\"" + username
                + "\",\"name\":\"Stale\",\"password\":\"who-wants-to-play\"}", headers);
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        assertThat(signUp.json().get("username").asString()).isEqualTo(username);
    }

    /**
     * Everywhere else a bad token is still refused (RFC 6750): on a write, on a public read, and on the key set (a
     * read for verifying tokens, not for getting one).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/users/1
            GET  | /api/users/jwks.json
            GET  | /api/threads
            POST | /api/threads
            """)
    void a_bad_token_is_still_refused_on_every_other_route(String method, String path) {
        for (String sent : List.of("an expired token", "garbage")) {
            Reply reply = http.send(method, path, "application/json", method.equals("GET") ? null : "{\"title\":\"stale\"}",
                    authorization(sent));
            assertThat(reply.status()).as("%s: %s", sent, reply).isEqualTo(401);
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:unauthorized");
            assertThat(reply.wwwAuthenticate()).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        }
    }

    /** A login that reads no token still refuses wrong credentials, with its own 401. */
    @Test
    void a_wrong_login_with_a_stale_token_is_a_failed_login() {
        Reply wrong = http.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"finn\",\"password\":\"not-finns-password\"}", authorization("an expired token"));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        assertThat(wrong.json().get("type").asString()).isEqualTo("urn:forum:problem:login-failed");
    }

    /**
     * OPTIONS is a read like GET and HEAD on every path: no token is needed, and one that is sent is verified. A bad
     * one was let through on the literal routes (answered before security), refused on the others.
     */
    @ParameterizedTest(name = "OPTIONS {0}")
    @ValueSource(strings = {"/api/users", "/api/users/login", "/api/users/jwks.json", "/api/posts", "/api/threads", "/",
            "/api/", "/api/users/1", "/api/posts/1", "/api/threads/1", "/api/posts/in-thread/1", "/actuator/health"})
    void options_reads_a_sent_token_on_every_path_as_get_does(String path) {
        Reply anonymous = http.send("OPTIONS", path, null, null);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat(anonymous.allow()).as(anonymous.toString()).isPresent();
        Reply valid = http.send("OPTIONS", path, null, null, "Authorization", "Bearer " + TestTokens.forUser(SecurityTable.CALLER));
        assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
        assertThat(valid.allow()).isEqualTo(anonymous.allow());
        for (String sent : List.of("an expired token", "garbage")) {
            Reply bad = http.send("OPTIONS", path, null, null, authorization(sent));
            assertThat(bad.status()).as("%s: %s", sent, bad).isEqualTo(401);
            assertThat(bad.json().get("type").asString()).isEqualTo("urn:forum:problem:unauthorized");
            assertThat(http.send("GET", path, null, null, authorization(sent)).status()).as("GET with %s", sent).isEqualTo(401);
        }
    }

    /** RFC 6750 section 2.1: {@code "Bearer" 1*SP b64token}, so two spaces or more are a well-formed credential. */
    @Test
    void a_token_after_more_than_one_space_is_read() {
        String token = TestTokens.forUser(SecurityTable.CALLER);
        Reply written = http.send("POST", "/api/threads", "application/json", "{\"title\":\"two spaces\"}",
                "Authorization", "Bearer  " + token);
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        assertThat(written.json().get("createdBy").asLong()).isEqualTo(SecurityTable.CALLER);
        assertThat(http.send("GET", "/api/users/1", null, null, "Authorization", "bearer    " + token).status()).isEqualTo(200);
    }

    /**
     * {@code Authorization: Bearer} with no token (a script whose login failed sends {@code "Bearer $TOKEN"} with an
     * empty {@code $TOKEN}) lacks a required part: a 400 {@code invalid_request} that says the token is missing, not a
     * 401 calling it a malformed JWT.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/threads
            GET  | /api/users/1
            GET  | /api/users/jwks.json
            """)
    void a_bearer_credential_without_a_token_says_the_token_is_missing(String method, String path) {
        Reply reply = http.send(method, path, "application/json", method.equals("GET") ? null : "{\"title\":\"no token\"}",
                "Authorization", "Bearer");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:bad-request");
        assertThat(reply.json().get("detail").asString()).as(reply.toString()).contains("holds no token")
                .doesNotContain("well-formed", "JWT");
        assertThat(reply.wwwAuthenticate()).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_request\"").contains("holds no token"));
    }

    /**
     * {@code Authorization: Bearer<TAB>token} or {@code Bearertoken}: RFC 6750 section 2.1 separates scheme and token by
     * spaces, so the field is malformed, not the token: a 400 {@code invalid_request} that says what to send, not a 401
     * telling the client to log in again for a new token it does not need; and nothing is written.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bearer\t", "Bearer", "Bearer\t "})
    void a_bearer_credential_without_a_space_before_the_token_says_how_to_send_it(String scheme) {
        String token = TestTokens.forUser(SecurityTable.CALLER);
        int threads = http.get("/api/threads?limit=1000").json().size();
        Reply reply = http.send("POST", "/api/threads", "application/json", "{\"title\":\"a tab\"}", "Authorization", scheme + token);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:bad-request");
        assertThat(reply.json().get("detail").asString()).as(reply.toString())
                .contains("Authorization header field is malformed", "one space or more").doesNotContain("Log in again");
        assertThat(reply.wwwAuthenticate()).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_request\"").contains("one space or more"));
        assertThat(http.get("/api/threads?limit=1000").json().size()).as("threads after the refused write").isEqualTo(threads);
    }

    /**
     * Clocks disagree: a token is taken up to forum.security.jwt.clock-skew (60 s by default) after its exp, and
     * refused after that (TokenClockSkewUnitTest sets it).
     */
    @Test
    void a_token_is_taken_up_to_the_clock_skew_after_it_expires_and_not_after() {
        String lately = TestTokens.builder(SecurityTable.CALLER).expiresAt(Instant.now().minusSeconds(30)).sign();
        Reply written = http.withToken(lately).postJson("/api/threads", "{\"title\":\"just expired\"}");
        assertThat(written.status()).as("30 s after exp: %s", written).isEqualTo(201);

        String expired = TestTokens.builder(SecurityTable.CALLER).expiresAt(Instant.now().minusSeconds(90)).sign();
        Reply refused = http.withToken(expired).postJson("/api/threads", "{\"title\":\"too late\"}");
        assertThat(refused.status()).as("90 s after exp: %s", refused).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("it has expired");
    }

    /**
     * A token whose nbf is later than now is taken within the clock skew (clocks disagree) and refused beyond it, with
     * a detail that says why (not the catch-all "it was refused").
     */
    @Test
    void a_token_is_taken_up_to_the_clock_skew_before_its_nbf_and_refused_as_not_yet_valid_before_that() {
        String soon = TestTokens.builder(SecurityTable.CALLER).notBefore(Instant.now().plusSeconds(30)).sign();
        Reply written = http.withToken(soon).postJson("/api/threads", "{\"title\":\"nearly valid\"}");
        assertThat(written.status()).as("30 s before nbf: %s", written).isEqualTo(201);

        String early = TestTokens.builder(SecurityTable.CALLER).notBefore(Instant.now().plusSeconds(600)).sign();
        Reply refused = http.withToken(early).postJson("/api/threads", "{\"title\":\"too early\"}");
        assertThat(refused.status()).as("600 s before nbf: %s", refused).isEqualTo(401);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("it is not valid yet");
        assertThat(refused.wwwAuthenticate()).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
    }

    /**
     * A validly signed token whose subject this forum has no user for is the token's fault: 401 invalid_token saying
     * so, on every write that takes its author from the token, not a 422 naming an author field the body never sent.
     * Another missing reference in the same write does not change that; one in a write by a real user stays a 422.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/threads | {\"title\":\"from nobody\"}",
        "/api/posts   | {\"thread\":1,\"text\":\"from nobody\"}",
        "/api/posts   | {\"thread\":987654,\"text\":\"from nobody, to no thread\"}"})
    void a_token_of_a_user_this_forum_does_not_have_is_refused_as_a_token(String path, String body) {
        String nobody = TestTokens.forUser(987_654);

        Reply refused = http.withToken(nobody).postJson(path, body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("The access token is not valid: it names user 987654, and this forum has no such user. Log in"
                        + " again (POST /api/users/login) for a new one");
        assertThat(refused.wwwAuthenticate()).hasValueSatisfying(challenge -> assertThat(challenge)
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"it names user 987654, and this forum has"
                        + " no such user\""));
        assertThat(http.get("/api/threads?limit=100").body()).doesNotContain("from nobody");
        assertThat(http.get("/api/posts/in-thread/1").body()).doesNotContain("from nobody");

        Reply missingThread = http.withToken(TestTokens.forUser(SecurityTable.CALLER))
                .postJson("/api/posts", "{\"thread\":987654,\"text\":\"to no thread\"}");
        assertThat(missingThread.status()).as(missingThread.toString()).isEqualTo(422);
    }

    private static String[] authorization(String sent) {
        String valid = TestTokens.forUser(SecurityTable.CALLER);
        return switch (sent) {
            case "an expired token" -> new String[] {"Authorization", "Bearer " + TestTokens.builder(SecurityTable.CALLER)
                    .expiresAt(Instant.now().minusSeconds(3600)).sign()};
            case "garbage" -> new String[] {"Authorization", "Bearer garbage"};
            case "a JWT cut short" -> new String[] {"Authorization", "Bearer " + valid.substring(0, valid.length() - 10)};
            case "a token of another issuer" -> new String[] {"Authorization", "Bearer " + TestTokens.builder(SecurityTable.CALLER)
                    .issuer("https://evil.example").sign()};
            case "two tokens" -> new String[] {"Authorization", "Bearer " + valid, "Authorization", "Bearer abc"};
            case "a valid token" -> new String[] {"Authorization", "Bearer " + valid};
            default -> throw new IllegalArgumentException(sent);
        };
    }
}
