package forum.api;

import static forum.api.BadInputTable.JSON;
import static forum.api.BadInputTable.get;
import static forum.api.BadInputTable.post;
import static forum.api.BadInputTable.raw;

import forum.api.BadInputTable.Row;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The bad-input table's rows whose input is long and quoted back: every place a problem quotes what the client sent
 * (a value, a field or parameter name, a path, a method, a media type, a charset, a content coding) quotes at most
 * its first 60 characters and {@code ...}, so that no answer grows with the input ({@link BadInputContract} bounds
 * every problem's size besides its {@code instance}, the path as sent). Where the rule is kept:
 * {@code forum.platform.EchoedInput}, and {@code forum.platform.FieldViolation} for every field's name; the README's
 * "Errors".
 */
final class EchoRows {

    /** What 60 characters of {@code c} and the cut look like. */
    private static String cut(String c) {
        return c.repeat(60) + "...";
    }

    private EchoRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        query(rows);
        body(rows);
        request(rows);
        unseen(rows);
    }

    /** Query values and names, whichever check refuses them. */
    private static void query(List<Row> rows) {
        rows.add(get("a limit of 7,000 digits", "/api/users?limit=" + "1".repeat(7_000), 400, "validation",
                "must be from 1 to 1000, not " + cut("1"), "limit"));
        rows.add(get("a limit of 7,000 letters", "/api/threads?limit=" + "x".repeat(7_000), 400, "validation",
                "not '" + cut("x") + "'", "limit"));
        rows.add(get("an unknown parameter of 7,000 letters", "/api/posts?" + "p".repeat(7_000) + "=1", 400, "validation",
                "is not a parameter of this route", cut("p")));
        rows.add(get("a path id of 7,000 letters", "/api/users/" + "x".repeat(7_000), 400, "validation",
                "not '" + cut("x") + "'", "id"));
        rows.add(raw("a long parameter name with a value that is not UTF-8", "GET /api/users?" + "n".repeat(5_000)
                + "=%FF HTTP/1.1\r\n", 400, "validation", "has a bad percent-encoding", cut("n")));
        rows.add(raw("a long value that is not UTF-8", "GET /api/users?limit=" + "%FF".repeat(2_000) + " HTTP/1.1\r\n", 400,
                "validation", "'" + cut("%FF").substring(0, 60) + "...' decodes to bytes that are not UTF-8", "limit"));
        rows.add(raw("a long parameter name that is not a percent-encoding", "GET /api/users?%ZZ" + "n".repeat(5_000)
                + "=1 HTTP/1.1\r\n", 400, "validation", "is a parameter name with a bad percent-encoding",
                "%ZZ" + "n".repeat(57) + "..."));
    }

    /** Field names of a JSON body: 45 KB of long unknown names gets ten of them, each cut. */
    private static void body(List<Row> rows) {
        List<String> names = IntStream.range(0, 45).mapToObj(i -> String.format("%02d", i) + "f".repeat(998)).toList();
        String fields = names.stream().map(name -> "\"" + name + "\":1").collect(Collectors.joining(","));
        rows.add(post("45 unknown fields of 1,000 letters", "/api/threads", "{\"title\":\"t\"," + fields + "}", 400,
                "validation", "; and 35 more", names.stream().limit(10).map(name -> name.substring(0, 60) + "...")
                        .toArray(String[]::new)));
        rows.add(post("a field of 5,000 letters given twice", "/api/threads",
                "{\"title\":\"t\",\"" + "d".repeat(5_000) + "\":1,\"" + "d".repeat(5_000) + "\":2}", 400, "validation",
                "is given more than once", cut("d")));
    }

    /** The path, the method and the header fields a problem quotes. */
    private static void request(List<Row> rows) {
        rows.add(get("a path of 7,000 letters that no route has", "/api/" + "x".repeat(7_000), 404, "no-route",
                "No route has the path /api/" + "x".repeat(55) + "..."));
        rows.add(raw("a non-canonical path of 5,000 letters", "GET /api/./" + "x".repeat(5_000) + " HTTP/1.1\r\n", 400,
                "non-canonical-path", "Send it as /api/" + "x".repeat(55) + "..."));
        rows.add(raw("a method of 3,000 letters", "FOO".repeat(1_000) + " /api/users HTTP/1.1\r\n", 501, "not-implemented",
                "does not implement the method " + cut("FOO").substring(0, 60) + "..."));
        rows.add(new Row("a charset of 5,000 letters", "POST", "/api/threads", JSON + "; charset=" + "k".repeat(5_000), null,
                "{\"title\":\"t\"}", false, 415, "unsupported-media-type", Set.of(), "not charset=" + cut("k")));
        rows.add(new Row("a media type of 5,000 letters", "POST", "/api/threads", "text/plain;x=" + "y".repeat(5_000), null,
                "{\"title\":\"t\"}", false, 415, "unsupported-media-type", Set.of(), "not text/plain;x=" + "y".repeat(47) + "..."));
        rows.add(raw("a Content-Encoding of 1,000 codings", "POST /api/threads HTTP/1.1\r\nContent-Encoding: "
                + "gzip, ".repeat(1_000) + "br\r\n" + "Content-Type: application/json\r\nContent-Length: 2\r\n", "{}", 415,
                "unsupported-media-type", "content coding " + "gzip, ".repeat(10) + "..."));
    }

    /**
     * A character that does not show as itself (a control character, DEL, C1, a bidi override or isolate, a zero-width
     * or format character, a separator) is quoted as U+XXXX, as the error valve quotes a head's bytes as 0xNN.
     */
    private static void unseen(List<Row> rows) {
        rows.add(get("a bidi override in a limit", "/api/users?limit=%E2%80%AE1", 400, "validation",
                "must be a whole number in plain digits, like 10, not 'U+202E1'", "limit"));
        rows.add(get("DEL and a C1 control in a path id", "/api/users/%7F%C2%85", 400, "validation",
                "not 'U+007FU+0085'", "id"));
        rows.add(get("a tab and a line separator in an offset", "/api/threads?offset=1%09%E2%80%A8", 400, "validation",
                "not '1U+0009U+2028'", "offset"));
        rows.add(get("a right-to-left isolate in an unknown parameter", "/api/posts?a%E2%81%A7b=1", 400, "validation",
                "is not a parameter of this route", "aU+2067b"));
        rows.add(post("a bidi override in an unknown field", "/api/threads", "{\"title\":\"t\",\"x\u202ey\":1}", 400,
                "validation", "is not a field of this request", "xU+202Ey"));
        rows.add(post("a zero-width space in a field given twice", "/api/threads",
                "{\"title\":\"t\",\"d\u200b\":1,\"d\u200b\":2}", 400, "validation", "is given more than once", "dU+200B"));
        // A header field's value is bytes: one outside printable ASCII is quoted as the byte (raw rows send UTF-8).
        rows.add(raw("a charset outside ASCII", "POST /api/threads HTTP/1.1\r\nContent-Type: application/json;"
                + " charset=caf\u00e9\r\nContent-Length: 2\r\n", "{}", 400, "bad-request",
                "The Content-Type header 'application/json; charset=caf0xC30xA9' is not a media type"));
        rows.add(raw("an entity tag outside ASCII", "GET /api/users/1 HTTP/1.1\r\nIf-None-Match: \u00e9\r\n", 400,
                "bad-request", "not 0xC30xA9"));
        rows.add(raw("a C1 control in a header value, refused by the firewall", "GET /api/users/1 HTTP/1.1\r\n"
                + "If-None-Match: \u0085abc\r\n", 400, "bad-request", "the header field If-None-Match has a value \"0xC20x85abc\""));
        rows.add(get("a long limit of bidi overrides", "/api/users?limit=" + "%E2%80%AE".repeat(300), 400, "validation",
                "not '" + "U+202E".repeat(10) + "...'", "limit"));
    }
}
