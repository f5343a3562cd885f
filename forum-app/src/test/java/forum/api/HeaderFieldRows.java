package forum.api;

import forum.api.BadInputTable.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The bad-input table's rows about a request's header fields and body framing, sent raw (writes get marceline's
 * token from {@link BadInputContract}): a content coding the server does not decode (415), a single-valued field sent
 * twice, no Host, a Content-Length or Transfer-Encoding Tomcat cannot read (each told what to send), a body framed by
 * both Content-Length and Transfer-Encoding, a body that ends early (400).
 */
final class HeaderFieldRows {

    private static final String THREAD = "{\"title\":\"framed\"}";
    private static final String LOGIN = "{\"username\":\"finn\",\"password\":\"adventure-time-hero\"}";
    private static final String SIGN_UP = "{\"username\":\"framing\",\"name\":\"F\",\"password\":\"not-stored-at-all-9\"}";
    private static final String JSON = "Content-Type: application/json\r\n";

    private HeaderFieldRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        contentCodings(rows);
        repeatedFields(rows);
        framingFields(rows);
        doubleFraming(rows);
        earlyEnds(rows);
        hostFields(rows);
    }

    /** Any content coding but identity, on every route, reads too (RFC 9110 8.4.1). */
    private static void contentCodings(List<Row> rows) {
        String uncompressed = "send the body uncompressed";
        rows.add(row("gzip on a write", "POST /api/threads", JSON + "Content-Encoding: gzip\r\n", THREAD, 415,
                "unsupported-media-type", "content coding gzip"));
        rows.add(row("br on a sign-up", "POST /api/users", JSON + "Content-Encoding: br\r\n", SIGN_UP, 415,
                "unsupported-media-type", uncompressed));
        rows.add(row("deflate on a login", "POST /api/users/login", JSON + "Content-Encoding: deflate\r\n", LOGIN, 415,
                "unsupported-media-type", "content coding deflate"));
        rows.add(row("gzip in upper case on a post", "POST /api/posts", JSON + "Content-Encoding: GZIP\r\n",
                "{\"thread\":1,\"text\":\"x\"}", 415, "unsupported-media-type", "content coding GZIP"));
        rows.add(row("a coding listed after identity", "POST /api/threads", JSON + "Content-Encoding: identity, x-custom\r\n",
                THREAD, 415, "unsupported-media-type", "content coding x-custom"));
        rows.add(row("a second Content-Encoding field", "POST /api/threads", JSON + "Content-Encoding: identity\r\n"
                + "Content-Encoding: gzip\r\n", THREAD, 415, "unsupported-media-type", "content coding gzip"));
        rows.add(row("gzip on a read", "GET /api/users/1", "Content-Encoding: gzip\r\n", null, 415, "unsupported-media-type",
                uncompressed));
        rows.add(row("br on an actuator route", "GET /actuator/health", "Content-Encoding: br\r\n", null, 415,
                "unsupported-media-type", uncompressed));
    }

    /**
     * A single-valued field the application reads, sent more than once; Tomcat refuses two Content-Length or Host fields,
     * and an HTTP/1.1 request with no Host (RFC 9112 3.2).
     */
    private static void repeatedFields(List<Row> rows) {
        String twice = "The Content-Type header field is sent more than once";
        rows.add(row("two Content-Type fields on a write", "POST /api/threads", JSON + "Content-Type: text/plain\r\n", THREAD,
                400, "bad-request", twice));
        rows.add(row("the same Content-Type twice on a login", "POST /api/users/login", JSON + JSON, LOGIN, 400, "bad-request",
                twice));
        rows.add(row("two Content-Type fields on a read", "GET /api/users/1", JSON + "Content-Type: text/plain\r\n", null, 400,
                "bad-request", twice));
        rows.add(row("two Content-Type values in one field", "POST /api/threads", "Content-Type: application/json, text/plain\r\n",
                THREAD, 400, "bad-request", "is not a media type"));
        rows.add(row("two Content-Length fields", "POST /api/threads", JSON + "Content-Length: 18\r\n", THREAD, 400,
                "bad-request", "The request has 2 Content-Length header fields: send one"));
        rows.add(row("two Host fields", "GET /api/users/1", "Host: other\r\n", null, 400, "bad-request",
                "The request has 2 Host header fields: send one"));
        rows.add(row("two Host fields on a write", "POST /api/threads", JSON + "host: other\r\n", THREAD, 400, "bad-request",
                "2 Host header fields"));
        rows.add(new Row("no Host field", "GET", "GET /api/users/1 HTTP/1.1\r\n", null, null, null, true, 400, "bad-request",
                Set.of(), "The request has no Host header field, which every HTTP/1.1 request has", false, true));
        rows.add(new Row("no Host field on a write", "POST", "POST /api/threads HTTP/1.1\r\n" + JSON + "Content-Length: 18\r\n",
                null, null, THREAD, true, 400, "bad-request", Set.of(), "no Host header field", false, true));
    }

    /**
     * The framing fields as Tomcat reads them (RFC 9110 8.6, RFC 9112 6.1): a Content-Length of digits only, a
     * Transfer-Encoding that is a list of codings with chunked once and last.
     */
    private static void framingFields(List<Row> rows) {
        String notASize = "is not a size in bytes: send the body's size in decimal digits, with no sign";
        rows.add(row("a Content-Length that is not a number", "GET /api/users/1", "Content-Length: abc\r\n", null, 400,
                "bad-request", "The Content-Length 'abc' " + notASize));
        rows.add(row("a negative Content-Length", "GET /api/users/1", "Content-Length: -1\r\n", null, 400, "bad-request",
                "'-1' " + notASize));
        rows.add(row("a Content-Length with a plus sign", "POST /api/threads", JSON + "Content-Length: +18\r\n", null, 400,
                "bad-request", "'+18' " + notASize));
        rows.add(row("a list of Content-Length values", "POST /api/threads", JSON + "Content-Length: 18, 18\r\n", null,
                400, "bad-request", "'18, 18' " + notASize));
        // Digits past a long are a size, only too large (RFC 9110 8.6: expect lengths of many digits).
        rows.add(row("a Content-Length of more digits than a long holds", "POST /api/threads", JSON
                + "Content-Length: 99999999999999999999999\r\n", null, 413, "content-too-large",
                "The request body's Content-Length, 99999999999999999999999 bytes, is larger than any body this server takes"));
        String chunkedOnce = "lists chunked more than once, or a coding after it";
        rows.add(raw("a transfer coding with a parameter", "POST /api/threads HTTP/1.1\r\n" + JSON
                + "Transfer-Encoding: chunked;x=1\r\n", "0\r\n\r\n", 400, "The Transfer-Encoding 'chunked;x=1' is not a"
                + " list of transfer codings this server reads", false));
        rows.add(raw("chunked twice in one field", "POST /api/threads HTTP/1.1\r\n" + JSON
                + "Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n", 400, "'chunked, chunked' " + chunkedOnce, false));
        rows.add(raw("two Transfer-Encoding fields", "POST /api/users HTTP/1.1\r\n" + JSON + "Transfer-Encoding: chunked\r\n"
                + "Transfer-Encoding: chunked\r\n", "0\r\n\r\n", 400, chunkedOnce, false));
        rows.add(raw("a coding after chunked", "POST /api/threads HTTP/1.1\r\n" + JSON + "Transfer-Encoding: chunked, gzip\r\n",
                "0\r\n\r\n", 400, "'chunked, gzip' " + chunkedOnce, false));
    }

    /** Content-Length with Transfer-Encoding: the request-smuggling shape (RFC 9112 6.3), in either order. */
    private static void doubleFraming(List<Row> rows) {
        String chunked = "12\r\n" + THREAD + "\r\n0\r\n\r\n";
        String twice = "frames its body twice, with Content-Length and Transfer-Encoding";
        rows.add(raw("Content-Length, then Transfer-Encoding", "POST /api/threads HTTP/1.1\r\n" + JSON + "Content-Length: 18\r\n"
                + "Transfer-Encoding: chunked\r\n", chunked, 400, twice, false));
        rows.add(raw("Transfer-Encoding, then Content-Length", "POST /api/threads HTTP/1.1\r\n" + JSON
                + "Transfer-Encoding: chunked\r\ncontent-length: 5\r\n", chunked, 400, twice, false));
        rows.add(raw("Content-Length 0 with chunks on a sign-up", "POST /api/users HTTP/1.1\r\n" + JSON + "Content-Length: 0\r\n"
                + "Transfer-Encoding: chunked\r\n", Integer.toHexString(SIGN_UP.length()) + "\r\n" + SIGN_UP + "\r\n0\r\n\r\n",
                400, twice, false));
        rows.add(raw("Content-Length with chunks on a read", "GET /api/users/1 HTTP/1.1\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n", "0\r\n\r\n", 400, twice, false));
        // HTTP/1.0 has no transfer codings: such a message's framing is faulty (RFC 9112 6.1), and nothing is written.
        String noCodings = "The request is HTTP/1.0, which has no Transfer-Encoding (RFC 9112 6.1)";
        rows.add(raw("chunks in HTTP/1.0 on a sign-up", "POST /api/users HTTP/1.0\r\n" + JSON + "Transfer-Encoding: chunked\r\n",
                Integer.toHexString(SIGN_UP.length()) + "\r\n" + SIGN_UP + "\r\n0\r\n\r\n", 400, noCodings, false));
        rows.add(raw("chunks in HTTP/1.0 on a read", "GET /api/users/1 HTTP/1.0\r\nTransfer-Encoding: chunked\r\n",
                "0\r\n\r\n", 400, noCodings, false));
    }

    /** A body that ends (the client half-closes) before its Content-Length or its last chunk. */
    private static void earlyEnds(List<Row> rows) {
        String beforeLength = "The request body ended before its Content-Length";
        String beforeLastChunk = "The request body ended before its last chunk";
        rows.add(raw("a body shorter than its Content-Length on a write", "POST /api/threads HTTP/1.1\r\n" + JSON
                + "Content-Length: 100\r\n", THREAD, 400, beforeLength, true));
        rows.add(raw("a body shorter than its Content-Length on a login", "POST /api/users/login HTTP/1.1\r\n" + JSON
                + "Content-Length: 500\r\n", LOGIN.substring(0, 20), 400, beforeLength, true));
        rows.add(raw("chunks without the last one", "POST /api/threads HTTP/1.1\r\n" + JSON + "Transfer-Encoding: chunked\r\n",
                "12\r\n" + THREAD + "\r\n", 400, beforeLastChunk, true));
        rows.add(raw("a chunk cut short", "POST /api/users HTTP/1.1\r\n" + JSON + "Transfer-Encoding: chunked\r\n",
                "40\r\n" + SIGN_UP.substring(0, 30), 400, beforeLastChunk, true));
    }

    /** A request with {@code fields} (each ending in CRLF) and, when not null, {@code body} framed by its Content-Length. */
    private static Row row(String name, String requestLine, String fields, String body, int status, String type, String detail) {
        String length = body == null ? "" : "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n";
        return new Row(name, requestLine.substring(0, requestLine.indexOf(' ')), requestLine + " HTTP/1.1\r\n" + fields + length,
                null, null, body, true, status, type, Set.of(), detail);
    }

    /** A 400 {@code bad-request} for {@code head} with {@code body} sent as it is, its framing spelled by the caller. */
    private static Row raw(String name, String head, String body, int status, String detail, boolean halfClose) {
        return new Row(name, head.substring(0, head.indexOf(' ')), head, null, null, body, true, status, "bad-request",
                Set.of(), detail, halfClose);
    }

    /**
     * A Host field that is not a host with an optional port (RFC 9110 7.2, RFC 3986 3.2.2, 3.2.3), each fault named,
     * whether Tomcat refuses it (a character no host holds, a port that is not digits) or takes it (a port past
     * 65535: {@code forum.platform.web.error.HostFieldValve}); an HTTP/1.0 absolute-form target's host stands for
     * the field it lacks. Sent with that Host in place of the one every other row gets.
     */
    private static void hostFields(List<Row> rows) {
        String noPort = "which is no TCP port: send the server's port, from 0 to 65535";
        rows.add(host("a Host port past 65535", "GET /api/users/1", "localhost:99999", null, "The Host header field"
                + " 'localhost:99999' has the port 99999, " + noPort));
        rows.add(host("a Host port of 65536 on a write", "POST /api/threads", "127.0.0.1:65536", THREAD,
                "has the port 65536, " + noPort));
        rows.add(host("a Host port past what Tomcat counts", "GET /api/users", "localhost:99999999999", null,
                "has the port 99999999999, " + noPort));
        rows.add(host("a Host port that is not digits", "GET /api/users/1", "localhost:x", null,
                "The Host header field 'localhost:x' has the port 'x', which is not a number"));
        rows.add(host("a Host port with a sign on a write", "POST /api/threads", "localhost:+80", THREAD,
                "has the port '+80', which is not a number"));
        rows.add(host("a space in the Host", "GET /api/users/1", "a b", null,
                "The Host header field 'a b' holds a space, which no host name here may hold"));
        rows.add(host("an underscore in the Host", "GET /api/threads", "forum_api", null, "holds '_'"));
        rows.add(host("a path in the Host", "GET /api/users", "localhost/api", null, "holds '/'"));
        rows.add(host("an IPv6 Host without its ']'", "GET /api/users", "[::1", null, "does not close it with ']'"));
        rows.add(host("an IPv6 Host without brackets", "GET /api/users", "::1", null, "holds more than one ':'"));
        rows.add(host("a Host of a port alone", "GET /api/users", ":8080", null, "has no host before its ':'"));
        rows.add(host("a Host with an empty label", "GET /api/users", "api..example", null,
                "names the host 'api..example', which is not a name"));
        rows.add(new Row("a port past 65535 in an HTTP/1.0 absolute target", "GET",
                "GET http://localhost:70000/api/users/1 HTTP/1.0\r\n", null, null, null, true, 400, "bad-request", Set.of(),
                "The Host header field 'localhost:70000' has the port 70000, " + noPort, false, true));
    }

    /** A raw request with {@code host} as its only Host field and, when not null, {@code body} framed by its Content-Length. */
    private static Row host(String name, String requestLine, String host, String body, String detail) {
        String fields = "Host: " + host + "\r\n" + (body == null ? "" : JSON + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
        return new Row(name, requestLine.substring(0, requestLine.indexOf(' ')), requestLine + " HTTP/1.1\r\n" + fields,
                null, null, body, true, 400, "bad-request", Set.of(), detail, false, true);
    }
}
