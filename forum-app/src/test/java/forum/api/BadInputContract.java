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
 * a type of ours, a detail that names no Java class, the fields at fault, and writes nothing; and a client's bad
 * request is not logged as a warning. In: each row's request, sent over real HTTP (raw where the row says so; writes
 * with marceline's token); out: the answer's status, problem members, {@code errors}, size and {@code Allow}, and the
 * number of users, threads and posts before and after. What must still pass next to these refusals is
 * {@link HttpProtocolContract} and {@link AcceptedTextContract}.
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
