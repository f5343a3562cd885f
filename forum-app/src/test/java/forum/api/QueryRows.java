package forum.api;

import static forum.api.BadInputTable.get;
import static forum.api.BadInputTable.raw;

import forum.api.BadInputTable.Row;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The bad-input table's rows about a request's query string (400 {@code validation}, naming each parameter at
 * fault): a number not in plain decimal digits, an empty parameter, one given twice or one the route does not take,
 * a limit or offset out of paging's range, and (sent raw, as no HTTP client would) a name or value whose
 * percent-encoding does not decode to UTF-8, on every route of the port, the actuator's too. Where the rules come from:
 * {@code forum.platform.web.StrictQueryParameters} (only the route's parameters, each once, none empty),
 * {@code forum.platform.PlainDecimal} (one spelling per number), {@code forum.platform.Paging} (the ranges) and
 * {@code forum.platform.web.QueryEncodingFilter} (the percent-encodings); the README's "Errors" catalogue.
 */
final class QueryRows {

    private QueryRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        queries(rows);
    }

    /** Query parameters: only plain decimal digits, only the route's, each once. */
    private static void queries(List<Row> rows) {
        rows.add(get("a non-numeric limit", "/api/users?limit=abc", 400, "validation", "plain digits", "limit"));
        rows.add(get("a hexadecimal limit", "/api/users?limit=0x10", 400, "validation", "plain digits", "limit"));
        rows.add(get("a limit with #", "/api/users?limit=%2310", 400, "validation", "plain digits", "limit"));
        rows.add(get("a limit with a plus sign", "/api/threads?limit=%2B5", 400, "validation", "plain digits", "limit"));
        rows.add(get("a limit with a leading zero", "/api/posts?limit=05", 400, "validation", "plain digits", "limit"));
        rows.add(get("a limit in exponent notation", "/api/posts?limit=1e2", 400, "validation", "plain digits", "limit"));
        rows.add(get("a decimal offset", "/api/users?offset=1.0", 400, "validation", "plain digits", "offset"));
        rows.add(get("a limit in Arabic-Indic digits", "/api/users?limit=%D9%A3", 400, "validation", "plain digits", "limit"));
        rows.add(get("a limit with a space", "/api/users?limit=%205", 400, "validation", "plain digits", "limit"));
        rows.add(get("an empty limit", "/api/users?limit=", 400, "validation", "is empty", "limit"));
        rows.add(get("a limit given twice", "/api/posts?limit=5&limit=6", 400, "validation", "is given 2 times", "limit"));
        rows.add(get("a misspelt parameter", "/api/users?limt=5", 400, "validation", "is not a parameter of this route (it takes: limit, offset)", "limt"));
        rows.add(get("a parameter a route does not take", "/api/users/1?limit=5", 400, "validation", "it takes none", "limit"));
        rows.add(get("an unknown parameter beside a bad one", "/api/posts/in-thread/1?limit=x&page=2", 400, "validation", "", "limit", "page"));
        rows.add(get("two bad numbers", "/api/posts?limit=x&offset=y", 400, "validation",
                "Invalid input: limit must be a whole number in plain digits, like 10, not 'x'; offset must be", "limit", "offset"));
        rows.add(get("a limit out of range and an unknown parameter", "/api/threads?limit=0&sort=new", 400, "validation",
                "must be from 1 to 1000, not 0", "limit", "sort"));
        rows.add(get("a parameter with an empty name", "/api/posts?=", 400, "validation",
                "Invalid input: a parameter with an empty name is not taken by this route (it takes: limit, offset)", ""));
        rows.add(get("1,100 unknown parameters", "/api/users?" + String.join("&", IntStream.range(0, 1100).mapToObj(i -> "p" + i).toList()),
                400, "validation", "p9 is not a parameter of this route (it takes: limit, offset); and 1090 more",
                IntStream.range(0, 10).mapToObj(i -> "p" + i).toArray(String[]::new)));
        rows.add(get("a limit over 1000", "/api/threads?limit=1001", 400, "validation", "must be from 1 to 1000, not 1001", "limit"));
        rows.add(get("a zero limit", "/api/threads?limit=0", 400, "validation", "must be from 1 to 1000, not 0", "limit"));
        rows.add(get("a negative offset", "/api/posts?offset=-1", 400, "validation", "must be from 0 to 1000000000, not -1", "offset"));
        rows.add(get("an offset of minus zero", "/api/threads?offset=-0&limit=1", 400, "validation",
                "must be a whole number in plain digits, like 10, not '-0'", "offset"));
        rows.add(get("an offset past the bound", "/api/users?offset=1000000001", 400, "validation", "must be from 0 to 1000000000", "offset"));
        rows.add(get("an offset too large for an int", "/api/users?offset=99999999999", 400, "validation",
                "must be from 0 to 1000000000, not 99999999999", "offset"));
        rows.add(get("an offset one past the largest int", "/api/threads?offset=2147483648", 400, "validation",
                "must be from 0 to 1000000000, not 2147483648", "offset"));
        rows.add(get("a limit too large for an int", "/api/posts?limit=31415926535897932384", 400, "validation",
                "must be from 1 to 1000, not 31415926535897932384", "limit"));
        // Percent-encodings that do not decode to UTF-8, in a value or a name, on every route of the port (raw: an
        // HTTP client refuses to send them).
        rows.add(raw("a limit that is not a percent-encoding", "GET /api/users?limit=%ZZ HTTP/1.1\r\n", 400, "validation",
                "'%ZZ' is not a percent-encoding", "limit"));
        rows.add(raw("a limit that is not UTF-8", "GET /api/users?limit=%FF HTTP/1.1\r\n", 400, "validation", "not UTF-8", "limit"));
        rows.add(raw("an offset that is not UTF-8", "GET /api/threads?offset=%FF HTTP/1.1\r\n", 400, "validation", "not UTF-8", "offset"));
        rows.add(raw("half of a UTF-8 character", "GET /api/posts/in-thread/1?limit=%C3 HTTP/1.1\r\n", 400, "validation",
                "'%C3' decodes to bytes that are not UTF-8", "limit"));
        rows.add(raw("a lone percent sign at the end", "GET /api/posts?offset=5% HTTP/1.1\r\n", 400, "validation", "%25", "offset"));
        rows.add(raw("a name that is not a percent-encoding", "GET /api/users?%ZZ=1 HTTP/1.1\r\n", 400, "validation",
                "is a parameter name with a bad percent-encoding", "%ZZ"));
        rows.add(raw("a bad percent-encoding on an actuator route", "GET /actuator/health?x=%ZZ HTTP/1.1\r\n", 400, "validation",
                "is not a percent-encoding", "x"));
        // The actuator's endpoints take only their operations' parameters (health and info: none), as the routes do.
        rows.add(get("an unknown parameter on the health route", "/actuator/health?x=1", 400, "validation",
                "x is not a parameter of this route (it takes none)", "x"));
        rows.add(get("a parameter on a health group", "/actuator/health/readiness?verbose=true", 400, "validation",
                "is not a parameter of this route (it takes none)", "verbose"));
        rows.add(get("a parameter without a value on the liveness group", "/actuator/health/liveness?probe", 400, "validation",
                "is not a parameter of this route", "probe"));
        rows.add(get("a parameter on the info route", "/actuator/info?format=xml", 400, "validation", "it takes none", "format"));
        rows.add(get("a parameter on the actuator's links", "/actuator?all=1", 400, "validation", "it takes none", "all"));
        rows.add(raw("a bad percent-encoding on a write", "POST /api/threads?x=%FF HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n", "{}", 400, "validation", "not UTF-8", "x"));
    }
}
