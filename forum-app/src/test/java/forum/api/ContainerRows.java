package forum.api;

import static forum.api.BadInputTable.get;
import static forum.api.BadInputTable.raw;

import forum.api.BadInputTable.Row;
import java.util.List;

/**
 * The bad-input table's rows the servlet container refuses before any filter runs, almost all sent raw (as no HTTP
 * client would send them): characters a request target may not hold, path escapes that are malformed, encode NUL
 * or are not UTF-8, header fields that cannot be parsed or are over the limit, an unknown transfer coding (501), an
 * HTTP version the server does not speak (505), an {@code Expect} other than {@code 100-continue} (417), malformed
 * chunks, an oversized body announced with {@code Expect: 100-continue} (413, before any 100 is sent), and
 * {@code /error} called directly. Each is still a problem of ours. Where the rules come from: Tomcat's HTTP/1.1
 * parser (RFC 9112) and its limits, answered by {@code forum.platform.web.error.ProblemErrorReportValve} (a problem
 * type by status, or {@code non-canonical-path} when the path is the reason); the body limit
 * ({@code forum.platform.web.RequestBodyLimitFilter}: the 413 on the announced length); the error page
 * ({@code error.ProblemErrorController}); the README's "Errors" catalogue. Header fields the application itself
 * refuses are {@link HeaderFieldRows}.
 */
final class ContainerRows {

    private ContainerRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        container(rows);
    }

    /** Requests the servlet container refuses before any filter: still our problems. */
    private static void container(List<Row> rows) {
        rows.add(raw("a character a path may not hold", "GET /api/users/| HTTP/1.1\r\n", 400, "bad-request"));
        rows.add(raw("a raw space in the path", "GET /api/users/a b HTTP/1.1\r\n", 400, "bad-request"));
        rows.add(raw("raw non-ASCII in the path", "GET /api/users/\u00e9 HTTP/1.1\r\n", 400, "bad-request"));
        rows.add(raw("raw non-ASCII in the query", "GET /api/users?limit=\u0663 HTTP/1.1\r\n", 400, "bad-request"));
        rows.add(raw("a malformed percent-encoding", "GET /api/users/%zz HTTP/1.1\r\n", 400, "non-canonical-path",
                "'%zz' is not a percent-encoding ('%' and two hex digits): send a '%' itself as %25"));
        rows.add(raw("a malformed percent-encoding in capitals", "GET /api/users/%ZZ HTTP/1.1\r\n", 400, "non-canonical-path",
                "The path is not canonical: '%ZZ' is not a percent-encoding ('%' and two hex digits): send a '%' itself as %25"));
        rows.add(raw("a lone percent sign in the path", "GET /api/users/% HTTP/1.1\r\n", 400, "non-canonical-path",
                "'%' is not a percent-encoding"));
        rows.add(raw("a path escape that is not UTF-8", "GET /api/users/%FF HTTP/1.1\r\n", 400, "bad-request",
                "decode to bytes that are not UTF-8"));
        rows.add(raw("an encoded NUL in the path", "GET /api/users/1%00 HTTP/1.1\r\n", 400, "bad-request", "'%00', an encoded NUL"));
        rows.add(raw("a dot segment above the root", "GET /../api/users HTTP/1.1\r\n", 400, "non-canonical-path"));
        rows.add(raw("a header field without a colon", "GET /api/users HTTP/1.1\r\nNot a header\r\n", 400, "bad-request"));
        rows.add(raw("a header field name with a space", "GET /api/users HTTP/1.1\r\nBad Name: x\r\n", 400, "bad-request"));
        rows.add(raw("header fields over the limit", "GET /api/users HTTP/1.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n", 400, "bad-request"));
        rows.add(raw("an unknown transfer coding", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n",
                501, "not-implemented"));
        rows.add(raw("an HTTP version the server does not speak", "GET /api/users HTTP/2.7\r\n", 505, "http-version-not-supported"));
        rows.add(raw("an Expect the server does not meet", "GET /api/users HTTP/1.1\r\nExpect: foo\r\n", 417, "expectation-failed",
                "the only one it takes is 100-continue"));
        rows.add(raw("a chunk size that is not hex", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n", 400, "bad-request", "chunked transfer coding is malformed"));
        rows.add(raw("a chunk longer than its size", "POST /api/users/login HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", "5\r\n{\"a\":1}\r\n0\r\n\r\n", 400, "bad-request", "chunked transfer coding is malformed"));
        // No 100 Continue before the 413: the body limit refuses on the Content-Length before anything asks for the body.
        rows.add(raw("an oversized body announced with Expect: 100-continue", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Expect: 100-continue\r\nContent-Length: 10000000\r\n", 413, "content-too-large", "larger than the limit"));
        rows.add(get("the container's error page called directly", "/error", 404, "no-route", ""));
    }
}
