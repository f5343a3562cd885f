package forum.api;

import static forum.api.BadInputTable.get;
import static forum.api.BadInputTable.raw;

import forum.api.BadInputTable.Row;
import java.util.List;
import java.util.Set;

/**
 * The bad-input table's rows the servlet container refuses before any filter runs, almost all sent raw (as no HTTP
 * client would send them): characters a request target may not hold (each named, with its escape), an asterisk target
 * on a method other than OPTIONS, request lines and header field lines that cannot be read, a head over the limits
 * (414 for the request line, 431 for the fields), path escapes that are malformed, encode NUL or are not UTF-8, an
 * unknown transfer coding (501), an HTTP version the server does not speak (505, naming the ones it does), an
 * {@code Expect} other than {@code 100-continue} (417), malformed chunks, an oversized body announced with
 * {@code Expect: 100-continue} (413, before any 100 is sent), and {@code /error} called directly. Each is still a
 * problem of ours that names the fault. Where the rules come from: Tomcat's HTTP/1.1 parser (RFC 9112) and its limits,
 * answered by {@code forum.platform.web.error.ProblemErrorReportValve} (the head's fault as {@code HeadFaults} finds it,
 * or {@code non-canonical-path} when the path is the reason); the body limit
 * ({@code forum.platform.web.RequestBodyLimitFilter}: the 413 on the announced length); the error page
 * ({@code error.ProblemErrorController}); the README's "Errors" catalogue. Header fields Tomcat refuses once it has read
 * them (Host, Content-Length, Transfer-Encoding), and those the application itself refuses, are {@link HeaderFieldRows}.
 */
final class ContainerRows {

    private ContainerRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        targets(rows);
        requestLines(rows);
        fieldLines(rows);
        container(rows);
        defaultPorts(rows);
    }

    /** A target Tomcat refuses: each character is named with the escape to send instead (RFC 3986 2.1). */
    private static void targets(List<Row> rows) {
        rows.add(raw("a character a path may not hold", "GET /api/users/| HTTP/1.1\r\n", 400, "bad-request",
                "The request target's path holds '|', which must be percent-encoded: send it as %7C"));
        rows.add(raw("a square bracket in the path", "GET /api/users/[1] HTTP/1.1\r\n", 400, "bad-request",
                "path holds '[', which must be percent-encoded: send it as %5B"));
        rows.add(raw("a square bracket in the query", "GET /api/users?a[]=1 HTTP/1.1\r\n", 400, "bad-request",
                "The request target's query holds '[', which must be percent-encoded: send it as %5B"));
        rows.add(raw("a closing bracket in a query value", "GET /api/posts?limit=5] HTTP/1.1\r\n", 400, "bad-request",
                "query holds ']', which must be percent-encoded: send it as %5D"));
        rows.add(raw("a fragment after the path", "GET /api/users#top HTTP/1.1\r\n", 400, "bad-request",
                "The request target holds '#': a client sends no fragment"));
        rows.add(raw("a fragment after the query", "GET /api/threads?limit=1#x HTTP/1.1\r\n", 400, "bad-request",
                "percent-encode a '#' of the query as %23"));
        rows.add(raw("a control character in the path", "GET /api/users/\u0001 HTTP/1.1\r\n", 400, "bad-request",
                "path holds a control character (0x01), which must be percent-encoded: send it as %01"));
        rows.add(raw("raw non-ASCII in the path", "GET /api/users/\u00e9 HTTP/1.1\r\n", 400, "bad-request",
                "path holds characters outside ASCII: percent-encode the UTF-8 bytes of each"));
        rows.add(raw("raw non-ASCII in the query", "GET /api/users?limit=\u0663 HTTP/1.1\r\n", 400, "bad-request",
                "query holds characters outside ASCII"));
        rows.add(raw("an asterisk target on GET", "GET * HTTP/1.1\r\n", 400, "bad-request",
                "The asterisk-form target (*) is only for OPTIONS"));
        rows.add(raw("an asterisk target on a write", "DELETE * HTTP/1.1\r\n", 400, "bad-request",
                "send DELETE with a path, such as /api/users, or OPTIONS * for the server's methods"));
        rows.add(raw("an absolute target of another scheme", "GET ftp://127.0.0.1/api/users HTTP/1.1\r\n", 400,
                "bad-request", "The request target 'ftp://127.0.0.1/api/users' is neither a path nor an http or https URI"));
        rows.add(raw("an absolute target whose scheme only starts with http", "GET httpx://127.0.0.1/api/users HTTP/1.1\r\n",
                400, "bad-request", "is neither a path nor an http or https URI"));
        rows.add(raw("an absolute target of another host", "GET http://elsewhere.example/api/users/1 HTTP/1.1\r\n", 400,
                "bad-request", "names the host 'elsewhere.example' but the Host header field"));
    }

    /** A request line Tomcat cannot read, or one over the head's limit (414: RFC 9112 3). */
    private static void requestLines(List<Row> rows) {
        rows.add(raw("a raw space in the path", "GET /api/users/a b HTTP/1.1\r\n", 400, "bad-request",
                "The request line has more than three parts (method, target, version): a space in the target must be"
                        + " percent-encoded as %20"));
        rows.add(raw("the version in lower case", "GET /api/users/1 http/1.1\r\n", 400, "bad-request",
                "'http/1.1' is not an HTTP version (the version is case-sensitive): send HTTP/1.1"));
        rows.add(raw("a version that is not HTTP", "GET /api/users/1 FTP/1.1\r\n", 400, "bad-request",
                "'FTP/1.1' is not an HTTP version: send HTTP/1.1"));
        rows.add(raw("no version after the target", "GET /api/users \r\n", 400, "bad-request", "no HTTP version"));
        rows.add(raw("a method that is not a token", "G(T /api/users HTTP/1.1\r\n", 400, "bad-request",
                "The request line's method holds '('"));
        rows.add(raw("a path over the head's limit", "GET /api/users/" + "a".repeat(20_000) + " HTTP/1.1\r\n", 414,
                "uri-too-long", "The request line is longer than the 8 KB this server takes"));
        rows.add(raw("a query over the head's limit", "GET /api/posts?limit=" + "1".repeat(9_000) + " HTTP/1.1\r\n", 414,
                "uri-too-long", "shorten the path or query"));
        rows.add(raw("an HTTP version the server does not speak", "GET /api/users HTTP/2.7\r\n", 505,
                "http-version-not-supported", "HTTP/2.7 is not a version this server takes: it takes HTTP/1.1 and HTTP/1.0"));
        // HTTP/2's connection preface read as a request line (it is not the connection's first bytes here, as a Host
        // field follows its first line): the version is the fault, not the asterisk (HttpProtocolContract has the rest).
        rows.add(raw("HTTP/2's connection preface as a request line", "PRI * HTTP/2.0\r\n", 505,
                "http-version-not-supported", "send HTTP/1.1 (PRI * HTTP/2.0 opens HTTP/2's client connection preface"));
        rows.add(raw("HTTP/1.2", "GET /api/users/1 HTTP/1.2\r\n", 505, "http-version-not-supported",
                "it takes HTTP/1.1 and HTTP/1.0; send HTTP/1.1"));
        // Not HTTP/x.y (RFC 9112 2.3: "HTTP/", a digit, ".", a digit): no version at all, so a 400, not a 505.
        for (String version : new String[] {"HTTP/1", "HTTP/01.1", "HTTP/1.10", "HTTP/1.1.1"}) {
            rows.add(raw("the version " + version, "GET /api/users/1 " + version + "\r\n", 400, "bad-request",
                    "The request line's version '" + version + "' is not an HTTP version (HTTP/ then a digit, a dot and a"
                            + " digit, RFC 9112 2.3): send HTTP/1.1"));
        }
    }

    /**
     * A header field line Tomcat cannot read (RFC 9112 5, RFC 9110 5.5), or a head over its limits (431: RFC 6585 5):
     * 8 KB for the request line and the fields together, 100 fields.
     */
    private static void fieldLines(List<Row> rows) {
        rows.add(raw("a header field without a colon", "GET /api/users HTTP/1.1\r\nNot a header\r\n", 400, "bad-request",
                "The header line 'Not a header' is not a field"));
        rows.add(raw("a header field name with a space", "GET /api/users HTTP/1.1\r\nBad Name: x\r\n", 400, "bad-request",
                "The header field name 'Bad Name' holds a space"));
        rows.add(raw("a space before the colon", "GET /api/users/1 HTTP/1.1\r\nX-A : b\r\n", 400, "bad-request",
                "The header field name 'X-A' is followed by whitespace before its ':'"));
        rows.add(raw("a control character in a header value", "GET /api/users/1 HTTP/1.1\r\nX-A: a\u0001b\r\n", 400,
                "bad-request", "The value of the header field X-A holds a control character (0x01)"));
        rows.add(raw("a bare CR in a header value", "GET /api/threads HTTP/1.1\r\nX-A: a\rb\r\n", 400, "bad-request",
                "holds a control character (0x0D)"));
        rows.add(raw("a header line with no name", "GET /api/users HTTP/1.1\r\n: x\r\n", 400, "bad-request",
                "has no name before its ':'"));
        rows.add(raw("a header field over the limit", "GET /api/users HTTP/1.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n",
                431, "request-header-fields-too-large", "The request's head (its request line and header fields) is larger"
                        + " than the 8 KB this server takes"));
        rows.add(raw("many header fields over the limit", "GET /api/users/1 HTTP/1.1\r\n"
                + "X-Field: %s\r\n".formatted("y".repeat(200)).repeat(50), 431, "request-header-fields-too-large",
                "send fewer or shorter header fields"));
        rows.add(raw("more than 100 header fields", "GET /api/users/1 HTTP/1.1\r\n" + fields(101), 431,
                "request-header-fields-too-large", "The request has more than 100 header fields"));
    }

    /** Other requests the servlet container answers before any filter: still our problems. */
    private static void container(List<Row> rows) {
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
        rows.add(raw("an unknown transfer coding", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n",
                501, "not-implemented"));
        rows.add(raw("an Expect the server does not meet", "GET /api/users HTTP/1.1\r\nExpect: foo\r\n", 417, "expectation-failed",
                "the only one it takes is 100-continue"));
        // Field lines are one list (RFC 9110 5.3); Tomcat reads only the first line of Expect.
        rows.add(raw("100-continue, then another Expect line", "GET /api/users HTTP/1.1\r\nExpect: 100-continue\r\nExpect: foo\r\n",
                417, "expectation-failed", "sent 2 times"));
        rows.add(raw("100-continue on two Expect lines", "POST /api/users/login HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Expect: 100-continue\r\nExpect: 100-continue\r\nContent-Length: 2\r\n", "{}", 417, "expectation-failed", "send Expect: 100-continue once"));
        rows.add(raw("a chunk size that is not hex", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n", 400, "bad-request", "chunked transfer coding is malformed"));
        rows.add(raw("a chunk longer than its size", "POST /api/users/login HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", "5\r\n{\"a\":1}\r\n0\r\n\r\n", 400, "bad-request", "chunked transfer coding is malformed"));
        // No 100 Continue before the 413: the body limit refuses on the Content-Length before anything asks for the body.
        rows.add(raw("an oversized body announced with Expect: 100-continue", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Expect: 100-continue\r\nContent-Length: 10000000\r\n", 413, "content-too-large", "larger than the limit"));
        rows.add(get("the container's error page called directly", "/error", 404, "no-route", "No route has the path /error"));
        rows.add(get("a path below an actuator endpoint", "/actuator/health/liveness/x", 404, "no-route",
                "No route has the path /actuator/health/liveness/x"));
    }

    /** {@code count} header fields, each a line. */
    private static String fields(int count) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            fields.append("X-Field-").append(i).append(": a\r\n");
        }
        return fields.toString();
    }

    /**
     * An absolute-form target's host is the Host field's with the scheme's default port spelled out or left out, 80 for
     * http and 443 for https (RFC 9110 4.2.3): Tomcat refuses it as written otherwise, and the detail says it is one
     * host written two ways; another scheme's default port is another host. Sent with that Host in place of the one
     * every other row gets.
     */
    private static void defaultPorts(List<Row> rows) {
        rows.add(new Row("an absolute http target with port 80", "GET", "GET http://localhost:80/api/users/1 HTTP/1.1\r\n"
                + "Host: localhost\r\n", null, null, null, true, 400, "bad-request", Set.of(), "names the host"
                + " 'localhost:80' and the Host header field 'localhost': one host, with the scheme's default port", false,
                true));
        rows.add(new Row("an absolute https target with port 443", "GET", "GET https://localhost:443/api/users HTTP/1.1\r\n"
                + "Host: localhost\r\n", null, null, null, true, 400, "bad-request", Set.of(), "one host, with the"
                + " scheme's default port", false, true));
        rows.add(new Row("an absolute http target on port 443", "GET", "GET http://localhost:443/api/users/1 HTTP/1.1\r\n"
                + "Host: localhost\r\n", null, null, null, true, 400, "bad-request", Set.of(), "The request target names"
                + " the host 'localhost:443' but the Host header field 'localhost'", false, true));
        rows.add(new Row("an absolute https target on port 80", "GET", "GET https://LOCALHOST:80/api/users HTTP/1.1\r\n"
                + "Host: localhost\r\n", null, null, null, true, 400, "bad-request", Set.of(), "names the host"
                + " 'LOCALHOST:80' but the Host header field 'localhost'", false, true));
        rows.add(new Row("an absolute target whose Host has another port", "GET", "GET http://localhost/api/users HTTP/1.1\r\n"
                + "Host: localhost:8080\r\n", null, null, null, true, 400, "bad-request", Set.of(), "names the host"
                + " 'localhost' but the Host header field 'localhost:8080'", false, true));
    }
}
