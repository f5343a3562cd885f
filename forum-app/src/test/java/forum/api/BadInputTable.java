package forum.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bad-input table: every kind of request the forum refuses, with the status, problem type and failing
 * fields it must be answered with. Each kind has several inputs, not one example. {@link BadInputContract} runs
 * it on H2 and on PostgreSQL and checks that nothing was written. The rows are kept by kind of bad input, one
 * file each ({@link BodyRows}, {@link QueryRows}, {@link PathRows}, {@link ContainerRows}, {@link HeaderFieldRows},
 * {@link MethodRows}, {@link MediaTypeRows}, {@link PasswordRows}, {@link DomainRows}, {@link EncodingRows},
 * {@link EchoRows}, {@link PreconditionRows}), each saying where its rules
 * come from; this class puts them together and holds what they share: the {@link Row} and the ways to make one.
 */
final class BadInputTable {

    /**
     * One request and what it must get. {@code raw}: sent byte for byte, as no HTTP client would send it;
     * {@code halfClose}: a raw request after which the client closes its side of the connection; {@code charset}: how
     * the body's text becomes bytes (not raw rows, always UTF-8): UTF-8, UTF-16 or UTF-32 for a body in another
     * encoding, ISO-8859-1 for a body that spells bytes, one per character (<code>"&#92;u00c0"</code> sends the byte 0xC0);
     * {@code withoutHost}: a raw request sent without the Host field every other one gets.
     */
    record Row(String name, String method, String target, String contentType, String accept, String body, boolean raw,
               int status, String type, Set<String> fields, String detailOrMessage, boolean halfClose, Charset charset,
               boolean withoutHost) {

        Row(String name, String method, String target, String contentType, String accept, String body, boolean raw,
            int status, String type, Set<String> fields, String detailOrMessage) {
            this(name, method, target, contentType, accept, body, raw, status, type, fields, detailOrMessage, false);
        }

        Row(String name, String method, String target, String contentType, String accept, String body, boolean raw,
            int status, String type, Set<String> fields, String detailOrMessage, boolean halfClose) {
            this(name, method, target, contentType, accept, body, raw, status, type, fields, detailOrMessage, halfClose,
                    StandardCharsets.UTF_8, false);
        }

        /** A row whose body is sent in {@code charset}. */
        Row(String name, String method, String target, String contentType, String accept, String body, boolean raw,
            int status, String type, Set<String> fields, String detailOrMessage, boolean halfClose, Charset charset) {
            this(name, method, target, contentType, accept, body, raw, status, type, fields, detailOrMessage, halfClose,
                    charset, false);
        }

        /** A raw row, sent without the Host field if {@code withoutHost}. */
        Row(String name, String method, String target, String contentType, String accept, String body, boolean raw,
            int status, String type, Set<String> fields, String detailOrMessage, boolean halfClose, boolean withoutHost) {
            this(name, method, target, contentType, accept, body, raw, status, type, fields, detailOrMessage, halfClose,
                    StandardCharsets.UTF_8, withoutHost);
        }

        /** The body as sent, or null for none. */
        byte[] bodyBytes() {
            return body == null ? null : body.getBytes(charset);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The Content-Type of a JSON body. */
    static final String JSON = "application/json";

    private BadInputTable() {
    }

    /**
     * Every row, each kind in turn.
     *
     * @return a new, modifiable list of all the rows
     */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        BodyRows.addTo(rows);
        QueryRows.addTo(rows);
        PathRows.addTo(rows);
        ContainerRows.addTo(rows);
        HeaderFieldRows.addTo(rows);
        MethodRows.addTo(rows);
        MediaTypeRows.addTo(rows);
        PasswordRows.addTo(rows);
        DomainRows.addTo(rows);
        EncodingRows.addTo(rows);
        EchoRows.addTo(rows);
        PreconditionRows.addTo(rows);
        return rows;
    }

    /**
     * A POST of {@code body} as JSON to {@code path}, expecting {@code status} with the problem type {@code type}, a
     * detail or message containing {@code detail} and exactly {@code fields} named.
     */
    static Row post(String name, String path, String body, int status, String type, String detail, String... fields) {
        return post(name, path, JSON, body, status, type, detail, fields);
    }

    /** As {@link #post(String, String, String, int, String, String, String...)}, labelled {@code contentType} (null: none). */
    static Row post(String name, String path, String contentType, String body, int status, String type, String detail,
                    String... fields) {
        return new Row(name, "POST", path, contentType, null, body, false, status, type, fieldSet(fields), detail);
    }

    /**
     * A POST to {@code path} of {@code body} encoded as {@code charset} (see {@link Row}), labelled
     * {@code application/json}; expecting what {@link #post} describes.
     */
    static Row postEncoded(String name, String path, Charset charset, String body, int status, String type, String detail,
                           String... fields) {
        return new Row(name, "POST", path, JSON, null, body, false, status, type, fieldSet(fields), detail, false, charset);
    }

    /** A GET of {@code target} (a path and query), expecting what {@link #post} describes. */
    static Row get(String name, String target, int status, String type, String detail, String... fields) {
        return new Row(name, "GET", target, null, null, null, false, status, type, fieldSet(fields), detail);
    }

    /** A raw request {@code head} with no body, expecting {@code status} and {@code type}, any detail, no fields. */
    static Row raw(String name, String head, int status, String type) {
        return raw(name, head, null, status, type, "");
    }

    /** A raw request {@code head} with no body, expecting what {@link #post} describes. */
    static Row raw(String name, String head, int status, String type, String detail, String... fields) {
        return raw(name, head, null, status, type, detail, fields);
    }

    /**
     * A raw request: {@code head} (its request line and header fields, each ending in CRLF; it spells its framing),
     * then {@code body} sent as it is (null: none); expecting what {@link #post} describes.
     */
    static Row raw(String name, String head, String body, int status, String type, String detail, String... fields) {
        return new Row(name, head.substring(0, head.indexOf(' ')), head, null, null, body, true, status, type,
                fieldSet(fields), detail);
    }

    private static Set<String> fieldSet(String... fields) {
        return new LinkedHashSet<>(Arrays.asList(fields));
    }
}
