package forum.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The bad-input table: every kind of request the forum refuses, with the status, problem type and failing
 * fields it must be answered with. Each kind has several inputs, not one example. {@link BadInputContract} runs
 * it on H2 and on PostgreSQL and checks that nothing was written.
 */
final class BadInputTable {

    /**
     * One request and what it must get. {@code raw}: sent byte for byte, as no HTTP client would send it;
     * {@code halfClose}: a raw request after which the client closes its side of the connection.
     */
    record Row(String name, String method, String target, String contentType, String accept, String body, boolean raw,
               int status, String type, Set<String> fields, String detailOrMessage, boolean halfClose) {

        Row(String name, String method, String target, String contentType, String accept, String body, boolean raw,
            int status, String type, Set<String> fields, String detailOrMessage) {
            this(name, method, target, contentType, accept, body, raw, status, type, fields, detailOrMessage, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String JSON = "application/json";
    private static final String TOO_LARGE = "{\"username\":\"" + "a".repeat(70_000) + "\",\"name\":\"big\"}";

    private final List<Row> rows = new ArrayList<>();

    private BadInputTable() {
    }

    static List<Row> rows() {
        BadInputTable table = new BadInputTable();
        table.bodies();
        table.text();
        table.lenientBodies();
        table.numbers();
        table.queries();
        table.paths();
        table.container();
        HeaderFieldRows.addTo(table.rows);
        table.negotiation();
        table.passwords();
        table.domain();
        return table.rows;
    }

    /** A body that is missing, not JSON, or JSON of another shape: a malformed request. */
    private void bodies() {
        post("malformed JSON", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":", 400, "malformed-request", "not valid JSON (at line 1");
        post("JSON with a missing quote", "/api/threads", "{\"title:\"x\",\"createdBy\":1}", 400, "malformed-request", "not valid JSON");
        post("no body", "/api/users", null, 400, "malformed-request", "The request body is missing");
        post("an empty body", "/api/posts", "", 400, "malformed-request", "The request body is missing");
        post("an array where an object belongs", "/api/users", "[{\"username\":\"a\",\"name\":\"b\"}]", 400, "malformed-request",
                "must be a JSON object, not an array");
        post("a string where an object belongs", "/api/threads", "\"title\"", 400, "malformed-request", "not a string");
        post("a number where an object belongs", "/api/posts", "42", 400, "malformed-request", "not a whole number");
        post("null where an object belongs", "/api/posts", "null", 400, "malformed-request", "");
        post("a second object after the first", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"two\",\"name\":\"x\"} {}", 400, "malformed-request",
                "one JSON object and nothing after it");
        post("a body over the limit", "/api/users", TOO_LARGE, 413, "content-too-large", "larger than the limit");
    }

    /** Text a database cannot store exactly as sent, on any text field; lengths counted in code points. */
    private void text() {
        post("NUL in a user's name", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"nul\",\"name\":\"A\\u0000B\"}", 400, "validation",
                "NUL character", "name");
        post("NUL in a bio", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"nul2\",\"name\":\"x\",\"bio\":\"\\u0000\"}", 400, "validation",
                "NUL character", "bio");
        post("NUL in a thread's title", "/api/threads", "{\"title\":\"a\\u0000\",\"createdBy\":1}", 400, "validation",
                "NUL character", "title");
        post("NUL in a post", "/api/posts", "{\"thread\":1,\"text\":\"\\u0000\",\"user\":1}", 400, "validation",
                "NUL character", "text");
        post("a lone high surrogate", "/api/posts", "{\"thread\":1,\"text\":\"half \\ud83d\",\"user\":1}", 400, "validation",
                "lone UTF-16 surrogate U+D83D", "text");
        post("a lone low surrogate", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"lone\",\"name\":\"\\ude00 x\"}", 400, "validation",
                "lone UTF-16 surrogate U+DE00", "name");
        post("a reversed surrogate pair", "/api/threads", "{\"title\":\"\\ude00\\ud83d\",\"createdBy\":1}", 400, "validation",
                "half of a character", "title");
        post("a control character", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"bell\",\"name\":\"ding\\u0007\"}", 400, "validation",
                "control character U+0007", "name");
        post("a C1 control character", "/api/posts", "{\"thread\":1,\"text\":\"\\u009b31m\",\"user\":1}", 400, "validation",
                "control character U+009B", "text");
        post("a name of 101 emoji", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"emoji\",\"name\":\"" + "\\ud83d\\ude00".repeat(101) + "\"}", 400,
                "validation", "must be 1 to 100 characters long, not 101", "name");
        post("a post of 10,001 characters", "/api/posts", "{\"thread\":1,\"text\":\"" + "x".repeat(10_001) + "\",\"user\":1}", 400,
                "validation", "not 10001", "text");
        post("a blank name", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"blank\",\"name\":\" \\t \"}", 400, "validation", "must not be blank", "name");
        post("a blank title and no author", "/api/threads", "{\"title\":\"  \"}", 400, "validation", "must not be blank", "title");
        post("missing user fields", "/api/users", "{\"password\":\"sign-up-password-1\"}", 400, "validation", "is required", "username", "name");
        post("missing post fields", "/api/posts", "{}", 400, "validation", "is required", "thread", "text");
        post("a username with spaces", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"a b\",\"name\":\"x\"}", 400, "validation", "may hold only", "username");
        post("a username in another script", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"\\u0444\\u0438\\u043d\",\"name\":\"x\"}", 400,
                "validation", "may hold only", "username");
    }

    /** Lenient parsing: what a client sent is not what it meant. */
    private void lenientBodies() {
        post("a field given twice", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"twice\",\"username\":\"again\",\"name\":\"x\"}", 400,
                "validation", "is given more than once", "username");
        post("an id given twice", "/api/posts", "{\"thread\":1,\"text\":\"x\",\"user\":1,\"thread\":2}", 400, "validation",
                "is given more than once", "thread");
        post("an unknown field (created_by)", "/api/threads", "{\"title\":\"t\",\"createdBy\":1,\"created_by\":1}", 400,
                "validation", "is not a field of this request (its fields are: createdBy, title)", "created_by");
        post("an unknown field (userId)", "/api/posts", "{\"thread\":1,\"text\":\"x\",\"userId\":1}", 400, "validation",
                "is not a field of this request", "userId");
        post("an id field on a new user", "/api/users", "{\"password\":\"sign-up-password-1\",\"id\":9,\"username\":\"withid\",\"name\":\"x\"}", 400, "validation",
                "is not a field of this request", "id");
        post("a field in another case", "/api/threads", "{\"Title\":\"t\",\"createdBy\":1}", 400, "validation",
                "is not a field", "Title", "title");
    }

    /** A value of the wrong type says which type the field takes. */
    private void numbers() {
        post("a number where text belongs", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":5,\"name\":\"x\"}", 400, "validation",
                "must be a string, not a whole number", "username");
        post("true where text belongs", "/api/threads", "{\"title\":true,\"createdBy\":1}", 400, "validation",
                "must be a string, not true or false", "title");
        post("an array where text belongs", "/api/threads", "{\"title\":[\"x\"],\"createdBy\":1}", 400, "validation",
                "must be a string, not an array", "title");
        post("text where an id belongs", "/api/posts", "{\"thread\":\"1\",\"text\":\"x\",\"user\":1}", 400, "validation",
                "must be a whole number, not a string", "thread");
        post("a decimal where an id belongs", "/api/posts", "{\"thread\":1.0,\"text\":\"x\",\"user\":1}", 400, "validation",
                "must be a whole number", "thread");
        post("an exponent where an id belongs", "/api/threads", "{\"title\":\"t\",\"createdBy\":1e0}", 400, "validation",
                "must be a whole number, not a number with a fraction or an exponent", "createdBy");
        post("a large exponent where an id belongs", "/api/posts", "{\"thread\":1e2,\"text\":\"x\"}", 400, "validation",
                "must be a whole number, not a number with a fraction or an exponent", "thread");
        post("an id of 2000 digits", "/api/posts", "{\"thread\":" + "7".repeat(2000) + ",\"text\":\"x\"}", 400,
                "malformed-request", "holds a number of more than 1000 digits");
        post("an object where an id belongs", "/api/posts", "{\"thread\":{\"id\":1},\"text\":\"x\",\"user\":1}", 400,
                "validation", "must be a whole number", "thread");
        post("a non-positive id in the body", "/api/threads", "{\"title\":\"x\",\"createdBy\":0}", 400, "validation",
                "must be a positive whole number", "createdBy");
        post("a negative id in the body", "/api/posts", "{\"thread\":-1,\"text\":\"x\",\"user\":1}", 400, "validation",
                "must be a positive whole number", "thread");
        // Every failing field is named, not only the first that stops the binding.
        post("a zero id and a blank text", "/api/posts", "{\"thread\":0,\"text\":\"\"}", 400, "validation",
                "must be a positive whole number", "thread", "text");
        post("every field of the wrong type and an unknown one", "/api/posts",
                "{\"thread\":\"x\",\"text\":5,\"user\":\"y\",\"extra\":1}", 400, "validation", "must be a string, not a whole number", "thread", "text", "user", "extra");
        post("a wrong type beside a missing field", "/api/threads", "{\"createdBy\":true}", 400, "validation",
                "must be a whole number, not true or false", "createdBy", "title");
        post("a sign-up with a wrong type, a blank name and a short password", "/api/users",
                "{\"username\":5,\"name\":\"\",\"password\":\"x\"}", 400, "validation", "must not be blank",
                "username", "name", "password");
        post("a login of two wrong types", "/api/users/login", "{\"username\":[],\"password\":7}", 400, "validation",
                "must be a string, not an array", "username", "password");
        post("an id too large for a number", "/api/threads", "{\"title\":\"x\",\"createdBy\":99999999999999999999}", 400,
                "validation", "must be a whole number from 1 to 9223372036854775807", "createdBy");
    }

    /** Query parameters: only plain decimal digits, only the route's, each once. */
    private void queries() {
        get("a non-numeric limit", "/api/users?limit=abc", 400, "validation", "plain digits", "limit");
        get("a hexadecimal limit", "/api/users?limit=0x10", 400, "validation", "plain digits", "limit");
        get("a limit with #", "/api/users?limit=%2310", 400, "validation", "plain digits", "limit");
        get("a limit with a plus sign", "/api/threads?limit=%2B5", 400, "validation", "plain digits", "limit");
        get("a limit with a leading zero", "/api/posts?limit=05", 400, "validation", "plain digits", "limit");
        get("a limit in exponent notation", "/api/posts?limit=1e2", 400, "validation", "plain digits", "limit");
        get("a decimal offset", "/api/users?offset=1.0", 400, "validation", "plain digits", "offset");
        get("a limit in Arabic-Indic digits", "/api/users?limit=%D9%A3", 400, "validation", "plain digits", "limit");
        get("a limit with a space", "/api/users?limit=%205", 400, "validation", "plain digits", "limit");
        get("an empty limit", "/api/users?limit=", 400, "validation", "is empty", "limit");
        get("a limit given twice", "/api/posts?limit=5&limit=6", 400, "validation", "is given 2 times", "limit");
        get("a misspelt parameter", "/api/users?limt=5", 400, "validation", "is not a parameter of this route (it takes: limit, offset)", "limt");
        get("a parameter a route does not take", "/api/users/1?limit=5", 400, "validation", "it takes none", "limit");
        get("an unknown parameter beside a bad one", "/api/posts/in-thread/1?limit=x&page=2", 400, "validation", "", "limit", "page");
        get("two bad numbers", "/api/posts?limit=x&offset=y", 400, "validation",
                "Invalid input: limit must be a whole number in plain digits, like 10, not 'x'; offset must be", "limit", "offset");
        get("a limit out of range and an unknown parameter", "/api/threads?limit=0&sort=new", 400, "validation",
                "must be from 1 to 1000, not 0", "limit", "sort");
        get("a parameter with an empty name", "/api/posts?=", 400, "validation",
                "Invalid input: a parameter with an empty name is not taken by this route (it takes: limit, offset)", "");
        get("1,100 unknown parameters", "/api/users?" + String.join("&", IntStream.range(0, 1100).mapToObj(i -> "p" + i).toList()),
                400, "validation", "p9 is not a parameter of this route (it takes: limit, offset); and 1090 more",
                IntStream.range(0, 10).mapToObj(i -> "p" + i).toArray(String[]::new));
        get("a limit over 1000", "/api/threads?limit=1001", 400, "validation", "must be from 1 to 1000, not 1001", "limit");
        get("a zero limit", "/api/threads?limit=0", 400, "validation", "must be from 1 to 1000, not 0", "limit");
        get("a negative offset", "/api/posts?offset=-1", 400, "validation", "must be from 0 to 1000000000, not -1", "offset");
        get("an offset past the bound", "/api/users?offset=1000000001", 400, "validation", "must be from 0 to 1000000000", "offset");
        get("an offset too large for an int", "/api/users?offset=99999999999", 400, "validation",
                "must be from 0 to 1000000000, not 99999999999", "offset");
        get("an offset one past the largest int", "/api/threads?offset=2147483648", 400, "validation",
                "must be from 0 to 1000000000, not 2147483648", "offset");
        get("a limit too large for an int", "/api/posts?limit=31415926535897932384", 400, "validation",
                "must be from 1 to 1000, not 31415926535897932384", "limit");
        // Percent-encodings that do not decode to UTF-8, in a value or a name, on every route of the port (raw: an
        // HTTP client refuses to send them).
        raw("a limit that is not a percent-encoding", "GET /api/users?limit=%ZZ HTTP/1.1\r\n", 400, "validation",
                "'%ZZ' is not a percent-encoding", "limit");
        raw("a limit that is not UTF-8", "GET /api/users?limit=%FF HTTP/1.1\r\n", 400, "validation", "not UTF-8", "limit");
        raw("an offset that is not UTF-8", "GET /api/threads?offset=%FF HTTP/1.1\r\n", 400, "validation", "not UTF-8", "offset");
        raw("half of a UTF-8 character", "GET /api/posts/in-thread/1?limit=%C3 HTTP/1.1\r\n", 400, "validation",
                "'%C3' decodes to bytes that are not UTF-8", "limit");
        raw("a lone percent sign at the end", "GET /api/posts?offset=5% HTTP/1.1\r\n", 400, "validation", "%25", "offset");
        raw("a name that is not a percent-encoding", "GET /api/users?%ZZ=1 HTTP/1.1\r\n", 400, "validation",
                "is a parameter name with a bad percent-encoding", "%ZZ");
        raw("a bad percent-encoding on an actuator route", "GET /actuator/health?x=%ZZ HTTP/1.1\r\n", 400, "validation",
                "is not a percent-encoding", "x");
        raw("a bad percent-encoding on a write", "POST /api/threads?x=%FF HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n", "{}", 400, "validation", "not UTF-8", "x");
    }

    /** Path ids (plain decimal digits) and non-canonical paths (refused before any route is chosen). */
    private void paths() {
        get("a non-numeric user id", "/api/users/abc", 400, "validation", "positive whole number in plain digits", "id");
        get("a zero thread id", "/api/threads/0", 400, "validation", "positive whole number", "id");
        get("a negative post id", "/api/posts/-1", 400, "validation", "positive whole number", "id");
        get("an id with a plus sign", "/api/users/+1", 400, "validation", "plain digits", "id");
        get("an id with a leading zero", "/api/users/01", 400, "validation", "plain digits", "id");
        get("a hexadecimal id", "/api/threads/0x1", 400, "validation", "plain digits", "id");
        get("a decimal id", "/api/posts/1.0", 400, "validation", "plain digits", "id");
        get("a non-numeric thread id in a posts route", "/api/posts/in-thread/abc", 400, "validation", "", "threadId");
        get("an id too large for a number", "/api/posts/by-user/99999999999999999999", 400, "validation",
                "must be a positive whole number up to 9223372036854775807, not 99999999999999999999", "userId");
        get("a user id one past the largest", "/api/users/9223372036854775808", 400, "validation",
                "must be a positive whole number up to 9223372036854775807", "id");
        get("the literal start of a longer route", "/api/posts/in-thread", 404, "no-route",
                "the routes below it are /api/posts/in-thread/{threadId}");
        get("the literal start of another longer route", "/api/posts/by-user", 404, "no-route", "/api/posts/by-user/{userId}");
        get("an encoded letter", "/api/post%73/1", 400, "non-canonical-path", "'%73' encodes 's', which is sent as it is. Send it as /api/posts/1");
        get("an encoded digit", "/api/users/%31", 400, "non-canonical-path", "Send it as /api/users/1");
        get("an encoded slash", "/api/users%2F1", 400, "non-canonical-path", "is an encoded '/'");
        get("an encoded slash in lower case", "/api/users%2f1", 400, "non-canonical-path", "is an encoded '/'");
        get("an encoded backslash", "/api/users%5C1", 400, "non-canonical-path", "is an encoded '\\'");
        get("an encoded dot segment", "/api/users/%2e%2e/threads", 400, "non-canonical-path", "");
        get("a dot segment", "/api/posts/../users/1", 400, "non-canonical-path", "dot segment");
        get("a current-directory segment", "/api/./users", 400, "non-canonical-path", "dot segment");
        get("an empty segment", "/api//users", 400, "non-canonical-path", "empty segment");
        get("a path parameter", "/api/users;x=1/1", 400, "non-canonical-path", "';'");
        get("a session id path parameter", "/api/users/1;jsessionid=0", 400, "non-canonical-path", "';'");
        get("a write to a non-canonical path", "/api/post%73", 400, "non-canonical-path", "");
        rows.add(new Row("a POST to a non-canonical path", "POST", "/api//posts", JSON, null, "{\"thread\":1,\"text\":\"x\",\"user\":1}",
                false, 400, "non-canonical-path", Set.of(), "empty segment"));
    }

    /** Requests the servlet container refuses before any filter: still our problems. */
    private void container() {
        raw("a character a path may not hold", "GET /api/users/| HTTP/1.1\r\n", 400, "bad-request");
        raw("a raw space in the path", "GET /api/users/a b HTTP/1.1\r\n", 400, "bad-request");
        raw("raw non-ASCII in the path", "GET /api/users/\u00e9 HTTP/1.1\r\n", 400, "bad-request");
        raw("raw non-ASCII in the query", "GET /api/users?limit=\u0663 HTTP/1.1\r\n", 400, "bad-request");
        raw("a malformed percent-encoding", "GET /api/users/%zz HTTP/1.1\r\n", 400, "non-canonical-path",
                "'%zz' is not a percent-encoding ('%' and two hex digits): send a '%' itself as %25");
        raw("a malformed percent-encoding in capitals", "GET /api/users/%ZZ HTTP/1.1\r\n", 400, "non-canonical-path",
                "The path is not canonical: '%ZZ' is not a percent-encoding ('%' and two hex digits): send a '%' itself as %25");
        raw("a lone percent sign in the path", "GET /api/users/% HTTP/1.1\r\n", 400, "non-canonical-path",
                "'%' is not a percent-encoding");
        raw("a path escape that is not UTF-8", "GET /api/users/%FF HTTP/1.1\r\n", 400, "bad-request",
                "decode to bytes that are not UTF-8");
        raw("an encoded NUL in the path", "GET /api/users/1%00 HTTP/1.1\r\n", 400, "bad-request", "'%00', an encoded NUL");
        raw("a dot segment above the root", "GET /../api/users HTTP/1.1\r\n", 400, "non-canonical-path");
        raw("a header field without a colon", "GET /api/users HTTP/1.1\r\nNot a header\r\n", 400, "bad-request");
        raw("a header field name with a space", "GET /api/users HTTP/1.1\r\nBad Name: x\r\n", 400, "bad-request");
        raw("header fields over the limit", "GET /api/users HTTP/1.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n", 400, "bad-request");
        raw("an unknown transfer coding", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n",
                501, "not-implemented");
        raw("an HTTP version the server does not speak", "GET /api/users HTTP/2.7\r\n", 505, "http-version-not-supported");
        raw("an Expect the server does not meet", "GET /api/users HTTP/1.1\r\nExpect: foo\r\n", 417, "expectation-failed",
                "the only one it takes is 100-continue");
        raw("a chunk size that is not hex", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n", 400, "bad-request", "chunked transfer coding is malformed");
        raw("a chunk longer than its size", "POST /api/users/login HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", "5\r\n{\"a\":1}\r\n0\r\n\r\n", 400, "bad-request", "chunked transfer coding is malformed");
        // No 100 Continue before the 413: the body limit refuses on the Content-Length before anything asks for the body.
        raw("an oversized body announced with Expect: 100-continue", "POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Expect: 100-continue\r\nContent-Length: 10000000\r\n", 413, "content-too-large", "larger than the limit");
        get("the container's error page called directly", "/error", 404, "no-route", "");
    }

    /** Method and content negotiation: the real status, never hidden by the Accept header. */
    private void negotiation() {
        rows.add(new Row("an unsupported method", "DELETE", "/api/users", null, null, null, false, 405, "method-not-allowed",
                Set.of(), "it takes GET, POST"));
        rows.add(new Row("a method on a single resource that is not supported", "PUT", "/api/users/1", JSON, null, "{}", false,
                405, "method-not-allowed", Set.of(), "it takes GET"));
        rows.add(new Row("PATCH on a list", "PATCH", "/api/posts", JSON, null, "{}", false, 405, "method-not-allowed", Set.of(), ""));
        raw("TRACE", "TRACE /api/users HTTP/1.1\r\n", 405, "method-not-allowed", "This route does not take TRACE; it takes GET, POST");
        raw("TRACE on a single resource", "TRACE /api/threads/1 HTTP/1.1\r\n", 405, "method-not-allowed", "it takes GET");
        raw("PUT on a literal route", "PUT /api/users/login HTTP/1.1\r\n", 405, "method-not-allowed",
                "This route does not take PUT; it takes POST");
        raw("TRACE on a literal route", "TRACE /api/users/login HTTP/1.1\r\n", 405, "method-not-allowed",
                "This route does not take TRACE; it takes POST");
        raw("TRACE on an actuator route", "TRACE /actuator/health HTTP/1.1\r\n", 405, "method-not-allowed",
                "This route does not take TRACE; it takes GET");
        raw("TRACE on a path no route has", "TRACE /api/nothing/1 HTTP/1.1\r\n", 404, "no-route", "No route has the path /api/nothing/1");
        raw("an unknown method", "FOO /api/users HTTP/1.1\r\n", 501, "not-implemented", "does not implement the method FOO");
        raw("a WebDAV method", "PROPFIND /api/threads/1 HTTP/1.1\r\n", 501, "not-implemented", "does not implement the method PROPFIND");
        raw("a method in lower case", "get /api/users/1 HTTP/1.1\r\n", 501, "not-implemented", "methods are case-sensitive: send GET");
        raw("CONNECT", "CONNECT /api/users HTTP/1.1\r\n", 501, "not-implemented", "does not implement the method CONNECT");
        rows.add(new Row("a form body on PUT", "PUT", "/api/users/1", "application/x-www-form-urlencoded", null, "name=%ZZ", false,
                405, "method-not-allowed", Set.of(), "it takes GET"));
        for (String notAMediaType : List.of(";;;", "json", "application/", "a/b;charset", ";charset=utf-8", "\"junk\"",
                "application/json; charset=\"utf-8", "application/json;=x")) {
            rows.add(new Row("Content-Type " + notAMediaType + " on a read", "GET", "/api/users/1", notAMediaType, null, null,
                    false, 400, "bad-request", Set.of(), "is not a media type"));
            post("Content-Type " + notAMediaType + " on a login", "/api/users/login", notAMediaType,
                    "{\"username\":\"finn\",\"password\":\"adventure-time-hero\"}", 400, "bad-request", "is not a media type");
            post("Content-Type " + notAMediaType + " on a write", "/api/threads", notAMediaType,
                    "{\"title\":\"t\",\"createdBy\":1}", 400, "bad-request", "is not a media type");
        }
        post("a charset the JVM does not know on a type that is not JSON", "/api/posts", "text/plain; charset=klingon", "x",
                415, "unsupported-media-type", "not 'text/plain; charset=klingon'");
        post("a body that is not JSON", "/api/posts", "text/plain", "hello", 415, "unsupported-media-type", "not text/plain");
        post("JSON labelled Latin-1", "/api/threads", "application/json; charset=ISO-8859-1",
                "{\"title\":\"caf\u00e9\",\"createdBy\":1}", 415, "unsupported-media-type", "not charset=ISO-8859-1");
        post("JSON labelled UTF-16", "/api/posts", "application/json;charset=UTF-16", "{\"thread\":1,\"text\":\"x\"}", 415,
                "unsupported-media-type", "sent as UTF-8 (RFC 8259)");
        post("JSON labelled with a quoted Windows charset", "/api/users", "application/json; charset=\"windows-1252\"",
                "{\"username\":\"latin\",\"name\":\"L\",\"bio\":\"\",\"password\":\"not-stored-at-all-9\"}", 415,
                "unsupported-media-type", "not charset=windows-1252");
        post("JSON labelled with a charset that does not exist", "/api/users/login", "application/json; charset=klingon",
                "{\"username\":\"finn\",\"password\":\"adventure-time-hero\"}", 415, "unsupported-media-type",
                "not charset=klingon");
        post("a form body", "/api/users", "application/x-www-form-urlencoded", "username=a&name=b", 415, "unsupported-media-type", "");
        post("no Content-Type", "/api/threads", null, "{\"title\":\"t\",\"createdBy\":1}", 415, "unsupported-media-type",
                "has no Content-Type");
        rows.add(new Row("an unknown user, asked for as HTML", "GET", "/api/users/999", null, "text/html", null, false, 404,
                "not-found", Set.of(), "No user with id 999"));
        rows.add(new Row("a bad id, asked for as XML", "GET", "/api/threads/x", null, "application/xml", null, false, 400,
                "validation", Set.of("id"), ""));
        rows.add(new Row("a bad write, asked for as HTML", "POST", "/api/users", JSON, "text/html", "{}", false, 400,
                "validation", Set.of("username", "name", "password"), "is required"));
    }

    /** Passwords a sign-up refuses (PasswordRules), and logins that cannot be read. */
    private void passwords() {
        post("a password of 11 characters", "/api/users", "{\"username\":\"pw1\",\"name\":\"x\",\"password\":\"abcdefghijk\"}", 400,
                "validation", "must be 12 to 64 characters long, not 11", "password");
        post("a password of 65 characters", "/api/users", "{\"username\":\"pw2\",\"name\":\"x\",\"password\":\"" + "ab".repeat(32)
                + "c\"}", 400, "validation", "not 65", "password");
        post("a password of 30 emoji (120 bytes)", "/api/users", "{\"username\":\"pw3\",\"name\":\"x\",\"password\":\""
                + "\\ud83d\\ude00".repeat(30) + "\"}", 400, "validation", "at most 72 bytes in UTF-8", "password");
        post("a common password", "/api/users", "{\"username\":\"pw4\",\"name\":\"x\",\"password\":\"qwertyuiop12\"}", 400,
                "validation", "most common passwords", "password");
        post("a common password with digits and symbols after it", "/api/users",
                "{\"username\":\"pw5\",\"name\":\"x\",\"password\":\"Dragon2024!!\"}", 400, "validation", "most common", "password");
        post("a password holding the username", "/api/users",
                "{\"username\":\"bubblegum\",\"name\":\"x\",\"password\":\"my-BubbleGum-pass\"}", 400, "validation",
                "must not hold the username", "password");
        post("a password of one character repeated", "/api/users",
                "{\"username\":\"pw6\",\"name\":\"x\",\"password\":\"zzzzzzzzzzzzzzzz\"}", 400, "validation", "one character repeated", "password");
        post("no password", "/api/users", "{\"username\":\"pw7\",\"name\":\"x\"}", 400, "validation", "is required", "password");
        post("a password that is a number", "/api/users", "{\"username\":\"pw8\",\"name\":\"x\",\"password\":123456789012}", 400,
                "validation", "must be a string", "password");
        post("a login without a password", "/api/users/login", "{\"username\":\"finn\"}", 400, "validation", "is required", "password");
        post("a login without a username", "/api/users/login", "{\"password\":\"adventure-time-hero\"}", 400, "validation",
                "is required", "username");
        post("a login with an unknown field", "/api/users/login", "{\"username\":\"finn\",\"password\":\"x\",\"remember\":true}", 400,
                "validation", "is not a field", "remember");
        post("a login that is not JSON", "/api/users/login", "text/plain", "finn:adventure-time-hero", 415, "unsupported-media-type", "");
        post("a login with no body", "/api/users/login", null, 400, "malformed-request", "missing");
        get("a GET of the login route", "/api/users/login", 405, "method-not-allowed", "This route does not take GET; it takes POST");
    }

    /** The domain's own refusals. */
    private void domain() {
        post("a taken username", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"finn\",\"name\":\"Another Finn\"}", 409, "conflict", "is taken", "username");
        post("a username taken in another case", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"FiNN\",\"name\":\"Another Finn\"}", 409, "conflict", "is taken", "username");
        post("a post in an unknown thread", "/api/posts", "{\"thread\":999,\"text\":\"x\"}", 422,
                "reference-not-found", "is not an existing thread: 999", "thread");
        get("an unknown user", "/api/users/999", 404, "not-found", "No user with id 999");
        get("an unknown thread", "/api/threads/999", 404, "not-found", "");
        get("an unknown post", "/api/posts/999", 404, "not-found", "");
        get("an unknown route", "/api/usersettings", 404, "no-route", "No route has the path /api/usersettings");
        get("an unknown route below a module", "/api/users/1/posts", 404, "no-route", "");
    }

    private void post(String name, String path, String body, int status, String type, String detail, String... fields) {
        post(name, path, JSON, body, status, type, detail, fields);
    }

    private void post(String name, String path, String contentType, String body, int status, String type, String detail,
                      String... fields) {
        rows.add(new Row(name, "POST", path, contentType, null, body, false, status, type, fieldSet(fields), detail));
    }

    private void get(String name, String target, int status, String type, String detail, String... fields) {
        rows.add(new Row(name, "GET", target, null, null, null, false, status, type, fieldSet(fields), detail));
    }

    private void raw(String name, String head, int status, String type) {
        raw(name, head, null, status, type, "");
    }

    private void raw(String name, String head, int status, String type, String detail, String... fields) {
        raw(name, head, null, status, type, detail, fields);
    }

    /** {@code body}: sent as it is after the head (null: none); {@code head} spells its framing. */
    private void raw(String name, String head, String body, int status, String type, String detail, String... fields) {
        rows.add(new Row(name, head.substring(0, head.indexOf(' ')), head, null, null, body, true, status, type,
                fieldSet(fields), detail));
    }

    private static Set<String> fieldSet(String... fields) {
        return new LinkedHashSet<>(Arrays.asList(fields));
    }
}
