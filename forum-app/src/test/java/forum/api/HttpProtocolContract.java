package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What HTTP itself says of the forum's answers, beside the refusals of the bad-input table ({@link BadInputContract}):
 * which methods a route takes and how {@code Allow} lists them (405, TRACE, a literal route beside a route with an
 * id, {@code OPTIONS *}, OPTIONS and HEAD with a query), the HTTP versions taken (and HTTP/2's connection preface
 * refused), {@code Expect: 100-continue} for a
 * body over the limit and under it, and an {@code Accept} header that never changes an answer. In: requests sent over
 * real HTTP, some raw; out: the status, {@code Allow} and body of each answer. Runs on each database through
 * {@link HttpProtocolOnH2IntegrationTest} and {@link HttpProtocolOnPostgresIntegrationTest}; the context is closed
 * afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class HttpProtocolContract extends RunningForumTest {

    /**
     * OPTIONS * asks about the server as a whole (RFC 9110 9.3.7): it lists the methods the server implements, PATCH
     * too and not TRACE, which no route takes. Any other method with * is refused, with * as the problem's instance.
     */
    @Test
    void options_asterisk_lists_the_servers_methods_and_only_options_takes_an_asterisk() {
        Reply options = http.sendRaw("OPTIONS * HTTP/1.1\r\n");
        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        assertThat(options.allow()).hasValue("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        Reply get = http.sendRaw("GET * HTTP/1.1\r\n");
        assertThat(get.status()).as(get.toString()).isEqualTo(400);
        assertThat(get.json().path("instance").asString()).isEqualTo("*");
    }

    /** The 505's detail names HTTP/1.0 and HTTP/1.1 as the versions the server takes: both are. */
    @Test
    void http_1_0_is_taken_as_the_505_says() {
        Reply reply = http.sendRaw("GET /api/users/1 HTTP/1.0\r\n");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("username").asString()).isEqualTo("marceline");
    }

    /**
     * A client with prior knowledge of HTTP/2 opens with its connection preface, then its SETTINGS frame (RFC 9113
     * 3.4). This server does not speak HTTP/2 and says so as it says it of any version it does not take, with the 505
     * problem, in HTTP/1.1, and closes the connection (Tomcat alone closes it without a byte). The same preface on a
     * connection that has already carried a request is read as a request line and refused as one. A request that
     * asks to upgrade to HTTP/2 ({@code Upgrade: h2c}) is served in HTTP/1.1.
     */
    @Test
    void an_http_2_connection_preface_gets_the_505_problem_and_upgrade_h2c_is_served_in_http_1_1() {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        // An empty SETTINGS frame: length 0, type 4, no flags, stream 0 (RFC 9113 6.5).
        byte[] settings = {0, 0, 0, 4, 0, 0, 0, 0, 0};
        byte[] opening = Arrays.copyOf(preface, preface.length + settings.length);
        System.arraycopy(settings, 0, opening, preface.length, settings.length);
        for (byte[] sent : List.of(opening, preface)) {
            Reply reply = http.sendBytesAsTheyAre(sent);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(505);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.headers()).containsEntry("Connection", "close");
            assertThat(reply.json().path("type").asString()).isEqualTo("urn:forum:problem:http-version-not-supported");
            assertThat(reply.json().path("detail").asString())
                    .startsWith("HTTP/2.0 is not a version this server takes: it takes HTTP/1.1 and HTTP/1.0; send HTTP/1.1");
        }

        Reply keptAlive = http.sendBytesAsTheyAre(("GET /api/users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(keptAlive.status()).as(keptAlive.toString()).isEqualTo(200);
        assertThat(keptAlive.body()).as("the second answer, after the first's body").contains("HTTP/1.1 505");

        Reply upgrade = http.sendRaw("GET /api/users/1 HTTP/1.1\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n");
        assertThat(upgrade.status()).as(upgrade.toString()).isEqualTo(200);
        assertThat(upgrade.json().path("username").asString()).isEqualTo("marceline");
    }

    @Test
    void a_405_lists_the_methods_the_route_takes_in_allow() {
        assertThat(marceline.send("DELETE", "/api/users", null, null).allow()).hasValue("GET, HEAD, POST, OPTIONS");
        assertThat(marceline.send("POST", "/api/users/1", "application/json", "{}").allow()).hasValue("GET, HEAD, OPTIONS");
    }

    @Test
    void trace_gets_the_routes_own_405_and_allow() {
        assertThat(http.sendRaw("TRACE /api/users HTTP/1.1\r\n").allow()).hasValue("GET, HEAD, POST, OPTIONS");
        assertThat(http.sendRaw("TRACE /api/users/1 HTTP/1.1\r\n").allow()).hasValue("GET, HEAD, OPTIONS");
        // The actuator's routes too: the same Allow as any other method its route does not take.
        assertThat(http.sendRaw("TRACE /actuator/health HTTP/1.1\r\n").allow())
                .isPresent().isEqualTo(http.sendRaw("DELETE /actuator/health HTTP/1.1\r\n").allow());
    }

    /**
     * A literal route ({@code /api/users/login}, POST only) is never read as the id of {@code /api/users/{id}}: every
     * method it does not take gets a 405 with its own methods, and OPTIONS lists those, not the GET of the id route.
     */
    @Test
    void a_literal_route_lists_only_its_own_methods() {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "TRACE")) {
            Reply reply = http.sendRaw(method + " /api/users/login HTTP/1.1\r\n");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(405);
            assertThat(reply.allow()).as(method).hasValue("POST, OPTIONS");
        }
        Reply options = http.sendRaw("OPTIONS /api/users/login HTTP/1.1\r\n");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.allow()).hasValue("POST, OPTIONS");
        assertThat(http.sendRaw("OPTIONS /api/users/1 HTTP/1.1\r\n").allow()).hasValue("GET, HEAD, OPTIONS");
    }

    @Test
    void an_oversized_body_announced_with_expect_100_continue_gets_413_and_no_100() {
        Reply reply = http.sendRaw("POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                + "Content-Length: 10000000\r\n");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.body()).doesNotContain("100 Continue", "HTTP/1.1 100");
    }

    @Test
    void a_small_body_announced_with_expect_100_continue_is_still_taken() {
        String body = "{\"username\":\"finn\",\"password\":\"adventure-time-hero\"}";
        Reply reply = http.sendRaw("POST /api/users/login HTTP/1.1\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                + "Content-Length: " + body.length() + "\r\n", body);
        // The 100 comes when the login reads the body (sendRaw reads it as the status, the login's answer as its body).
        assertThat(reply.status()).as(reply.toString()).isEqualTo(100);
        assertThat(reply.body()).as(reply.toString()).startsWith("HTTP/1.1 200").contains("access_token");
    }


    /**
     * OPTIONS asks what a resource allows, whatever the query (RFC 9110, 9.3.7; a CORS preflight carries the query of
     * the request it asks about); HEAD is GET without content (9.3.2), so it takes GET's parameters and no others.
     */
    @Test
    void options_ignores_the_query_and_head_takes_what_get_takes() {
        for (String target : List.of("/api/posts?limit=5", "/api/posts?limit=5&offset=0", "/api/posts?limt=5", "/api/users/1?x=1")) {
            Reply options = http.send("OPTIONS", target, null, null);
            assertThat(options.status()).as(options.toString()).isEqualTo(200);
            assertThat(options.allow()).as(options.toString()).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        }
        assertThat(http.send("HEAD", "/api/posts?limit=5&offset=1", null, null).status()).isEqualTo(200);
        assertThat(http.send("HEAD", "/api/posts?limt=5", null, null).status()).isEqualTo(400);
    }

    @Test
    void the_accept_header_never_changes_an_answer() {
        Reply asHtml = http.send("GET", "/api/users/1", null, null, "Accept", "text/html");
        assertThat(asHtml.status()).isEqualTo(200);
        assertThat(asHtml.contentType()).isEqualTo("application/json");
        assertThat(asHtml.json()).isEqualTo(http.get("/api/users/1").json());
        assertThat(http.send("GET", "/", null, null, "Accept", "application/json").body()).isEqualTo("Ready to receive requests");
    }
}
