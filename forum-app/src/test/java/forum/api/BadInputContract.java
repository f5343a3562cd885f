package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.api.BadInputTable.Row;
import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The bad-input table ({@link BadInputTable}): every row gets its status as {@code application/problem+json} with
 * a type of ours, a detail that names no Java class, the fields at fault, and writes nothing. Then what must still
 * pass: text every database stores as sent, and the Accept header never changing an answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class BadInputContract extends RunningForumTest {

    /** The most characters a problem has besides its instance: ten errors of quoted input with their messages. */
    private static final int MAX_PROBLEM_SIZE = 4_096;

    static List<Row> table() {
        return BadInputTable.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void bad_input_gets_a_problem_with_the_right_status_and_writes_nothing(Row row) {
        Counts before = counts();

        Reply reply = send(row);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(row.status());
        assertThat(reply.contentType()).as(reply.toString()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asString()).as(reply.toString()).isEqualTo("urn:forum:problem:" + row.type());
        assertThat(problem.get("status").asInt()).isEqualTo(row.status());
        assertThat(problem.get("title").asString()).isNotBlank();
        // One shape from every layer: the members in RFC 9457's order, and the request's path as its instance whenever
        // the request line's target could be read (a request line over the limit is not read to its target's end).
        assertThat(problem.properties().stream().map(Map.Entry::getKey).limit(4))
                .as("the members' order in %s", reply).containsExactly("type", "title", "status", "detail");
        if (row.status() != 414) {
            path(row).ifPresent(path -> assertThat(problem.path("instance").asString()).as("instance of %s", reply)
                    .isNotEmpty());
            path(row).flatMap(BadInputContract::uri).ifPresent(uri -> assertThat(problem.path("instance").asString())
                    .as("instance of %s", reply).isEqualTo(uri));
        }
        String detail = problem.get("detail").asString();
        assertThat(detail).isNotBlank().doesNotContain("forum.", "java.", "jackson", "Jackson", "tomcat", "Tomcat", "`");
        List<String> messages = new ArrayList<>(List.of(detail));
        Set<String> named = new HashSet<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> {
                assertThat(error.properties().stream().map(Map.Entry::getKey))
                        .as("the members of an error in %s", reply).containsExactly("field", "message");
                named.add(error.get("field").asString());
                messages.add(error.get("message").asString());
                assertThat(error.get("message").asString()).isNotBlank();
            });
        }
        assertThat(named).as("fields named in %s", reply).isEqualTo(row.fields());
        // Whatever the input's size, what the problem quotes of it is cut short: only the path as sent (instance) is whole.
        assertThat(reply.body().length() - problem.path("instance").asString("").length())
                .as("the size of %s besides its instance", reply).isLessThanOrEqualTo(MAX_PROBLEM_SIZE);
        assertThat(messages).as("what %s says", reply).anySatisfy(text -> assertThat(text).contains(row.detailOrMessage()));
        if (row.status() == 405 && !row.raw()) {
            assertThat(reply.allow()).as("Allow of %s", reply).isPresent();
        }
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    /** The path of the row's request target (without its query or fragment), if the target is a path. */
    private static Optional<String> path(Row row) {
        String target = row.raw() ? row.target().split(" ", 3)[1] : row.target();
        String path = target.split("[?#]", 2)[0];
        return path.startsWith("/") ? Optional.of(path) : Optional.empty();
    }

    /** The path as a URI in ASCII (a problem's instance), if it is one as it stands. */
    private static Optional<String> uri(String path) {
        try {
            return Optional.of(new URI(path).toASCIIString());
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

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

    @Test
    void a_405_lists_the_methods_the_route_takes_in_allow() {
        assertThat(marceline.send("DELETE", "/api/users", null, null).allow()).hasValueSatisfying(
                allow -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "POST"));
        assertThat(marceline.send("POST", "/api/users/1", "application/json", "{}").allow()).contains("GET");
    }

    @Test
    void trace_gets_the_routes_own_405_and_allow() {
        assertThat(http.sendRaw("TRACE /api/users HTTP/1.1\r\n").allow()).hasValueSatisfying(
                allow -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "POST"));
        assertThat(http.sendRaw("TRACE /api/users/1 HTTP/1.1\r\n").allow()).contains("GET");
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
            assertThat(reply.allow()).as(method).hasValue("POST");
        }
        Reply options = http.sendRaw("OPTIONS /api/users/login HTTP/1.1\r\n");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.allow()).hasValue("POST,OPTIONS");
        // A route with a variable is answered by Spring MVC as before.
        assertThat(http.sendRaw("OPTIONS /api/users/1 HTTP/1.1\r\n").allow()).hasValueSatisfying(
                allow -> assertThat(allow.split(",\\s*")).contains("GET", "HEAD", "OPTIONS").doesNotContain("POST"));
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

    @Test
    void a_body_sent_without_a_content_coding_or_labelled_identity_is_taken() {
        String thread = "{\"title\":\"identity\"}";
        Reply reply = marceline.send("POST", "/api/threads", "application/json", thread, "Content-Encoding", "identity");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(http.send("GET", "/api/users/1", null, null, "Content-Encoding", "identity").status()).isEqualTo(200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_clients_bad_request_is_not_logged_as_a_warning(CapturedOutput output) {
        assertThat(http.get("/api/no-route-here").status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/users", null, null).status()).isEqualTo(405);
        assertThat(http.sendRaw("GET /api/users/| HTTP/1.1\r\n").status()).isEqualTo(400);
        assertThat(output.getOut()).doesNotContain("/api/no-route-here", "Error parsing HTTP request header", "WARN");
        // Tomcat logs only the first request it cannot parse at INFO (with its stack trace), so its level is what
        // keeps that line out: whichever test sent the first one. Real errors still log.
        Logger tomcat = LoggerFactory.getLogger("org.apache.coyote.http11.Http11Processor");
        Logger pageNotFound = LoggerFactory.getLogger("org.springframework.web.servlet.PageNotFound");
        assertThat(tomcat.isInfoEnabled() || pageNotFound.isWarnEnabled()).isFalse();
        assertThat(tomcat.isErrorEnabled() && pageNotFound.isErrorEnabled()).isTrue();
    }

    @Test
    void text_of_every_kind_a_database_stores_is_stored_and_read_back_exactly() {
        String emoji = "\uD83D\uDE00".repeat(60);
        String bio = "Tabs\tand\r\nline breaks, accents \u00e9\u0301, CJK \u4e16\u754c, RTL \u05e9\u05dc\u05d5\u05dd, "
                + "a flag \uD83C\uDDEB\uD83C\uDDF7 and the last BMP \uFFFD";
        Reply user = http.postJson("/api/users", "{\"username\":\"unicode\",\"password\":\"the-right-words\",\"name\":\"" + emoji + "\",\"bio\":\""
                + bio.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + "\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        JsonNode stored = http.get("/api/users/" + user.json().get("id").asLong()).json();
        assertThat(stored.get("name").asString()).isEqualTo(emoji);
        assertThat(stored.get("bio").asString()).isEqualTo(bio);

        Reply post = marceline.postJson("/api/posts", "{\"thread\":1,\"text\":\"" + "\uD83D\uDE00".repeat(10_000) + "\",\"user\":1}");
        assertThat(post.status()).as("10,000 emoji are 10,000 characters").isEqualTo(201);
        assertThat(http.get("/api/posts/" + post.json().get("id").asLong()).json().get("text").asString())
                .hasSize(20_000);
    }

    /**
     * A UTF-8 byte order mark before the JSON text is skipped (RFC 8259 8.1 lets a parser ignore it), labelled
     * charset=UTF-8 or not, and is not stored; every well-formed UTF-8 sequence is taken, the first and last of each
     * length and those either side of the surrogates, and stored exactly.
     */
    @Test
    void a_utf_8_byte_order_mark_is_skipped_and_every_utf_8_sequence_is_taken() {
        for (String contentType : List.of("application/json", "application/json; charset=UTF-8")) {
            Reply thread = marceline.send("POST", "/api/threads", contentType, "\uFEFF{\"title\":\"bom\"}");
            assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
            assertThat(thread.json().get("title").asString()).isEqualTo("bom");
        }
        // U+00A0 ... U+10000, U+10FFFF, between letters: U+00A0 is white space, which the text rule strips from the ends.
        String edges = "a\u00a0\u07ff\u0800\ud7ff\ue000\ufffd\ud800\udc00\udbff\udfffz";
        Reply thread = marceline.send("POST", "/api/threads", "application/json", "{\"title\":\"" + edges + "\"}");
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        assertThat(http.get("/api/threads/" + thread.json().get("id").asLong()).json().get("title").asString()).isEqualTo(edges);
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

    /**
     * Writes go with a user's token (marceline's, user 1), so that each row meets the refusal it is about rather
     * than the missing token (the security table has those); reads go without.
     */
    private Reply send(Row row) {
        boolean write = !row.method().equals("GET");
        if (row.raw()) {
            String head = row.target();
            if (write) {
                int endOfLine = head.indexOf("\r\n") + 2;
                head = head.substring(0, endOfLine) + "Authorization: Bearer " + marceline.token() + "\r\n" + head.substring(endOfLine);
            }
            String body = row.body() == null ? "" : row.body();
            if (row.withoutHost()) {
                return http.sendRawWithoutHost(head, body);
            }
            return row.halfClose() ? http.sendRawThenHalfClose(head, body) : http.sendRaw(head, body);
        }
        List<String> headers = new ArrayList<>();
        if (row.accept() != null) {
            headers.addAll(List.of("Accept", row.accept()));
        }
        return (write ? marceline : http).sendBytes(row.method(), row.target(), row.contentType(), row.bodyBytes(),
                headers.toArray(String[]::new));
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
