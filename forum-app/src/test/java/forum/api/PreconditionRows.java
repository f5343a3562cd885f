package forum.api;

import static forum.api.BadInputTable.raw;

import forum.api.BadInputTable.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bad-input table's rows about preconditions (RFC 9110 sections 13.1.1, 13.1.2 and 13.2): an {@code If-Match}
 * that does not hold, on a read (against the answer's {@code ETag}; a read whose answer has none has no tag to match)
 * and on a write (whose target, a list, has no entity tag: only {@code *} holds), and an {@code If-None-Match: *} on a
 * write (the list exists) are 412 {@code precondition-failed}, and the write is not made; a field that is neither
 * {@code *} nor a list of entity tags is a 400 {@code bad-request}; a request the server refuses without its
 * preconditions is refused so (a query the route does not take stays a 400). Where the rules come from:
 * {@code forum.platform.web.Preconditions} (writes) and {@code forum.platform.web.ConditionalReadFilter} (reads) with
 * {@code EntityTags}; the README's "Errors" catalogue.
 */
final class PreconditionRows {

    private static final String THREAD = "{\"title\":\"only if\"}";
    private static final String SIGN_UP = "{\"username\":\"precondition\",\"password\":\"a-long-enough-secret\"}";

    private PreconditionRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        reads(rows);
        writes(rows);
    }

    private static void reads(List<Row> rows) {
        rows.add(raw("If-Match of another tag on a read", "GET /api/users/1 HTTP/1.1\r\nIf-Match: \"nope\"\r\n", 412,
                "precondition-failed", "If-Match \"nope\" does not hold: the current entity tag of /api/users/1 is \""));
        rows.add(raw("a weak If-Match on a read", "GET /api/threads HTTP/1.1\r\nIf-Match: W/\"nope\", \"other\"\r\n", 412,
                "precondition-failed", "If-Match W/\"nope\", \"other\" does not hold"));
        rows.add(raw("If-Match of a tag on a list filtered by an id", "GET /api/posts/in-thread/1 HTTP/1.1\r\nIf-Match: \"0123\"\r\n",
                412, "precondition-failed", "does not hold"));
        rows.add(raw("If-Match on a read without an entity tag", "GET /api/users/jwks.json HTTP/1.1\r\nIf-Match: \"0123\"\r\n",
                412, "precondition-failed", "/api/users/jwks.json has no entity tag for a tag to match"));
        rows.add(raw("If-Match on the health route", "GET /actuator/health HTTP/1.1\r\nIf-Match: \"up\"\r\n", 412,
                "precondition-failed", "has no entity tag"));
        rows.add(raw("an empty If-Match on a read", "GET /api/users/1 HTTP/1.1\r\nIf-Match: \r\n", 412, "precondition-failed",
                "If-Match (sent, listing no entity tag, so none can match) does not hold"));
        rows.add(raw("an If-Match that is no entity tag", "GET /api/users/1 HTTP/1.1\r\nIf-Match: nope\r\n", 400, "bad-request",
                "The If-Match field must be * or a list of entity tags in double quotes (\"abc\" or W/\"abc\", separated by"
                        + " commas), not nope"));
        rows.add(raw("an If-None-Match with an unclosed quote", "GET /api/users/1 HTTP/1.1\r\nIf-None-Match: \"abc\r\n", 400,
                "bad-request", "The If-None-Match field must be * or a list of entity tags"));
        rows.add(raw("an If-Match of * and a tag", "GET /api/threads/1 HTTP/1.1\r\nIf-Match: *, \"abc\"\r\n", 400, "bad-request",
                "not *, \"abc\""));
    }

    private static void writes(List<Row> rows) {
        rows.add(write("If-Match of a tag on a new thread", "/api/threads", "If-Match: \"nope\"", THREAD, 412,
                "precondition-failed", "If-Match \"nope\" does not hold: /api/threads has no entity tag for a tag to match"));
        rows.add(write("If-Match of a weak tag on a new post", "/api/posts", "If-Match: W/\"0123\"",
                "{\"thread\":1,\"text\":\"only if\"}", 412, "precondition-failed", "does not hold"));
        rows.add(write("If-None-Match: * on a new thread", "/api/threads", "If-None-Match: *", THREAD, 412,
                "precondition-failed", "If-None-Match * does not hold: /api/threads exists"));
        rows.add(write("If-None-Match: * on a sign-up", "/api/users", "If-None-Match: *", SIGN_UP, 412, "precondition-failed",
                "/api/users exists"));
        rows.add(write("If-Match of a tag on a sign-up", "/api/users", "If-Match: \"a\", \"b\"", SIGN_UP, 412,
                "precondition-failed", "If-Match \"a\", \"b\" does not hold"));
        // Sent, but listing no tag (RFC 9110 5.6.1.2 skips empty elements): a list none of whose tags match.
        rows.add(write("an empty If-Match on a new thread", "/api/threads", "If-Match:", THREAD, 412,
                "precondition-failed", "If-Match (sent, listing no entity tag, so none can match) does not hold"));
        rows.add(write("an If-Match of commas only on a sign-up", "/api/users", "If-Match: , ,", SIGN_UP, 412,
                "precondition-failed", "does not hold"));
        rows.add(write("an If-Match of a tag, then an empty one", "/api/threads", "If-Match: \"nope\"\r\nIf-Match:", THREAD, 412,
                "precondition-failed", "If-Match \"nope\" does not hold"));
        rows.add(write("an If-Match that is no entity tag on a write", "/api/threads", "If-Match: 1", THREAD, 400,
                "bad-request", "The If-Match field must be * or a list of entity tags"));
        // Before its content is read: a body that is not JSON does not hide the failing precondition.
        rows.add(write("If-Match of a tag before a body that is not JSON", "/api/threads", "If-Match: \"nope\"", "{title", 412,
                "precondition-failed", "does not hold"));
        // After its query: a request refused without its preconditions is refused so (RFC 9110 13.2.1).
        rows.add(write("If-Match of a tag with a parameter the route does not take", "/api/threads?draft=1", "If-Match: \"nope\"",
                THREAD, 400, "validation", "is not a parameter of this route", "draft"));
    }

    /** A POST of {@code body} as JSON to {@code target} with the header field {@code field} (the table adds a token). */
    private static Row write(String name, String target, String field, String body, int status, String type, String detail,
                             String... fields) {
        String head = "POST " + target + " HTTP/1.1\r\nContent-Type: application/json\r\n" + field + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n";
        return raw(name, head, body, status, type, detail, fields);
    }
}
