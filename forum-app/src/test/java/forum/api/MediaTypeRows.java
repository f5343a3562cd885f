package forum.api;

import static forum.api.BadInputTable.JSON;
import static forum.api.BadInputTable.post;

import forum.api.BadInputTable.Row;
import java.util.List;
import java.util.Set;

/**
 * The bad-input table's rows about media types: a {@code Content-Type} that is not a media type at all (400
 * {@code bad-request}, on every route, reads too), a body that is not JSON, has no {@code Content-Type} or is JSON
 * labelled with a charset other than UTF-8 (415 {@code unsupported-media-type}), and an {@code Accept} asking for
 * HTML or XML, which never hides the real status. Where the rules come from: RFC 9110 section 8.3.1 (the field's
 * grammar, read by {@code forum.platform.web.MediaTypeSyntax}), RFC 8259 section 8.1 (JSON is UTF-8), both applied
 * by {@code forum.platform.web.JsonCharsetFilter}, and {@code forum.platform.web.error.ProblemDetailsAdvice} (415
 * for any other type; a problem whatever {@code Accept} says); the README's "Errors" catalogue.
 */
final class MediaTypeRows {

    private MediaTypeRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        contentTypes(rows);
        accepts(rows);
        charsetsOnContent(rows);
    }

    /** A Content-Type that cannot be read (400) or names a format or charset that is not taken (415). */
    private static void contentTypes(List<Row> rows) {
        for (String notAMediaType : List.of(";;;", "json", "application/", "a/b;charset", ";charset=utf-8", "\"junk\"",
                "application/json; charset=\"utf-8", "application/json;=x")) {
            rows.add(new Row("Content-Type " + notAMediaType + " on a read", "GET", "/api/users/1", notAMediaType, null, null,
                    false, 400, "bad-request", Set.of(), "is not a media type"));
            rows.add(post("Content-Type " + notAMediaType + " on a login", "/api/users/login", notAMediaType,
                    "{\"username\":\"finn\",\"password\":\"adventure-time-hero\"}", 400, "bad-request", "is not a media type"));
            rows.add(post("Content-Type " + notAMediaType + " on a write", "/api/threads", notAMediaType,
                    "{\"title\":\"t\",\"createdBy\":1}", 400, "bad-request", "is not a media type"));
        }
        rows.add(post("a charset the JVM does not know on a type that is not JSON", "/api/posts", "text/plain; charset=klingon", "x",
                415, "unsupported-media-type", "not 'text/plain; charset=klingon'"));
        rows.add(post("a body that is not JSON", "/api/posts", "text/plain", "hello", 415, "unsupported-media-type", "not text/plain"));
        rows.add(post("JSON labelled Latin-1", "/api/threads", "application/json; charset=ISO-8859-1",
                "{\"title\":\"caf\u00e9\",\"createdBy\":1}", 415, "unsupported-media-type", "not charset=ISO-8859-1"));
        rows.add(post("JSON labelled UTF-16", "/api/posts", "application/json;charset=UTF-16", "{\"thread\":1,\"text\":\"x\"}", 415,
                "unsupported-media-type", "sent as UTF-8 (RFC 8259)"));
        rows.add(post("JSON labelled with a quoted Windows charset", "/api/users", "application/json; charset=\"windows-1252\"",
                "{\"username\":\"latin\",\"name\":\"L\",\"bio\":\"\",\"password\":\"not-stored-at-all-9\"}", 415,
                "unsupported-media-type", "not charset=windows-1252"));
        rows.add(post("JSON labelled with a charset that does not exist", "/api/users/login", "application/json; charset=klingon",
                "{\"username\":\"finn\",\"password\":\"adventure-time-hero\"}", 415, "unsupported-media-type",
                "not charset=klingon"));
        rows.add(post("a form body", "/api/users", "application/x-www-form-urlencoded", "username=a&name=b", 415, "unsupported-media-type", ""));
        rows.add(post("no Content-Type", "/api/threads", null, "{\"title\":\"t\",\"createdBy\":1}", 415, "unsupported-media-type",
                "has no Content-Type"));
    }

    /** The Accept header never changes an answer, not even a problem's. */
    private static void accepts(List<Row> rows) {
        rows.add(new Row("an unknown user, asked for as HTML", "GET", "/api/users/999", null, "text/html", null, false, 404,
                "not-found", Set.of(), "No user with id 999"));
        rows.add(new Row("a bad id, asked for as XML", "GET", "/api/threads/x", null, "application/xml", null, false, 400,
                "validation", Set.of("id"), ""));
        rows.add(new Row("a bad write, asked for as HTML", "POST", "/api/users", JSON, "text/html", "{}", false, 400,
                "validation", Set.of("username", "name", "password"), "is required"));
    }

    /**
     * A charset labels content (RFC 9110 8.3): refused on any request that has some, a read and a chunked body too; a
     * request without content is not refused for it (a GET labelled so is served, as one labelled text/plain is).
     */
    private static void charsetsOnContent(List<Row> rows) {
        rows.add(BadInputTable.raw("JSON labelled Latin-1 in chunks", "POST /api/threads HTTP/1.1\r\nContent-Type:"
                + " application/json; charset=latin1\r\nTransfer-Encoding: chunked\r\n", "d\r\n{\"title\":\"t\"}\r\n0\r\n\r\n",
                415, "unsupported-media-type", "not charset=latin1"));
        rows.add(BadInputTable.raw("JSON labelled Latin-1 on a read with content", "GET /api/users HTTP/1.1\r\nContent-Type:"
                + " application/json; charset=latin1\r\nContent-Length: 2\r\n", "{}", 415, "unsupported-media-type",
                "not charset=latin1"));
    }
}
