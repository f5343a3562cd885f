package forum.api;

import static forum.api.BadInputTable.postEncoded;

import forum.api.BadInputTable.Row;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bad-input table's rows about a JSON body's encoding: bytes that are not UTF-8 (400 {@code malformed-request},
 * the detail naming the offset of the first bad byte), on every kind of body route, in values and in field names:
 * overlong forms (which Jackson decoded as the character they spell: {@code 0xC0 0xBC} was {@code <}), UTF-16
 * surrogates encoded in UTF-8, code points past U+10FFFF, continuation bytes with no lead, characters cut short,
 * bytes that never occur in UTF-8; and bodies in UTF-16 or UTF-32, with a byte order mark or without (which Jackson
 * guessed from the first bytes), and raw NUL bytes. JSON exchanged between systems is UTF-8 (RFC 8259 section 8.1;
 * RFC 3629 says which byte sequences are UTF-8). Where the rule is kept: {@code forum.platform.web.error.Utf8Body},
 * applied to every JSON body by {@code error.BodyFieldPrecheck}; the README's "Errors" catalogue. A UTF-8 byte order
 * mark is taken ({@link AcceptedTextContract}).
 */
final class EncodingRows {

    private static final Charset BYTES = StandardCharsets.ISO_8859_1;
    private static final String NOT_UTF_8 = "The request body is not valid UTF-8: at byte offset ";
    private static final String SIGN_UP = "{\"password\":\"sign-up-password-1\",\"name\":\"x\",\"username\":\"";

    private EncodingRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        notUtf8(rows);
        otherEncodings(rows);
    }

    /** Byte sequences RFC 3629 rules out, spelt one byte per character (<code>&#92;u00c0</code> is the byte 0xC0). */
    private static void notUtf8(List<Row> rows) {
        rows.add(bytes("an overlong <script> in a title", "/api/threads",
                "{\"title\":\"\u00c0\u00bcscript\u00c0\u00bealert(1)\u00c0\u00bc/script\u00c0\u00be\"}",
                NOT_UTF_8 + "10, 0xC0 0xBC is an overlong form of U+003C"));
        rows.add(bytes("an overlong / in two bytes in a post", "/api/posts", "{\"thread\":1,\"text\":\"..\u00c0\u00af..\"}",
                "0xC0 0xAF is an overlong form of U+002F"));
        rows.add(bytes("an overlong / in three bytes in a username", "/api/users", SIGN_UP + "a\u00e0\u0080\u00afb\"}",
                "0xE0 0x80 0xAF is an overlong form of U+002F"));
        rows.add(bytes("an overlong m in a username (admmin)", "/api/users", SIGN_UP + "ad\u00c1\u00admin\"}",
                "0xC1 0xAD is an overlong form of U+006D"));
        rows.add(bytes("an overlong / in four bytes in a login", "/api/users/login",
                "{\"username\":\"finn\u00f0\u0080\u0080\u00af\",\"password\":\"adventure-time-hero\"}",
                "0xF0 0x80 0x80 0xAF is an overlong form of U+002F"));
        rows.add(bytes("a code point past U+10FFFF in a title", "/api/threads", "{\"title\":\"\u00f4\u0090\u0080\u0080\"}",
                NOT_UTF_8 + "10, 0xF4 0x90 0x80 0x80 encodes U+110000, past U+10FFFF"));
        rows.add(bytes("a lead byte past U+10FFFF in a post", "/api/posts", "{\"thread\":1,\"text\":\"\u00f5\u0080\u0080\u0080\"}",
                "encodes U+140000, past U+10FFFF"));
        rows.add(bytes("an emoji as two surrogates encoded in UTF-8 (CESU-8)", "/api/users",
                SIGN_UP + "ok\",\"bio\":\"\u00ed\u00a0\u00bd\u00ed\u00b8\u0080\"}", "encodes U+D83D, a UTF-16 surrogate"));
        rows.add(bytes("a continuation byte with no lead in a title", "/api/threads", "{\"title\":\"a\u0080b\"}",
                NOT_UTF_8 + "11, 0x80 is a continuation byte with no character begun before it"));
        rows.add(bytes("a character cut short in a post", "/api/posts", "{\"thread\":1,\"text\":\"\u00e2\u0082\"}",
                "0xE2 0x82 begins a character of 3 bytes that is cut short"));
        rows.add(bytes("Latin-1 text sent as JSON", "/api/threads", "{\"title\":\"caf\u00e9\"}",
                NOT_UTF_8 + "13, 0xE9 begins a character of 3 bytes that is cut short"));
        rows.add(bytes("a byte UTF-8 never holds in a password", "/api/users/login",
                "{\"username\":\"finn\",\"password\":\"adventure-time-hero\u00ff\"}", "0xFF is a byte that UTF-8 never holds"));
        rows.add(bytes("an overlong form in an unknown field's name", "/api/threads", "{\"title\":\"t\",\"x\u00c0\u00afy\":1}",
                "0xC0 0xAF is an overlong form"));
        rows.add(bytes("an overlong form in a body that is not JSON", "/api/posts", "not json \u00c0\u00bc", NOT_UTF_8 + "9,"));
        rows.add(bytes("a character cut short at the end of the body", "/api/threads", "{\"title\":\"t\"}\u00c3",
                NOT_UTF_8 + "13, 0xC3 begins a character of 2 bytes that is cut short"));
    }

    /** UTF-16 and UTF-32, with a byte order mark or without, and raw NUL bytes. */
    private static void otherEncodings(List<Row> rows) {
        String thread = "{\"title\":\"u16\"}";
        String mark = "is a UTF-16 or UTF-32 byte order mark";
        String nul = "is a NUL byte, which JSON text never holds";
        rows.add(postEncoded("UTF-16 with a byte order mark", "/api/threads", StandardCharsets.UTF_16, thread, 400,
                "malformed-request", NOT_UTF_8 + "0, 0xFE 0xFF " + mark));
        rows.add(postEncoded("UTF-16LE with a byte order mark", "/api/threads", Charset.forName("x-UTF-16LE-BOM"), thread, 400,
                "malformed-request", "0xFF 0xFE " + mark));
        rows.add(postEncoded("UTF-16BE without a byte order mark", "/api/threads", StandardCharsets.UTF_16BE, thread, 400,
                "malformed-request", "at byte offset 0 " + nul));
        rows.add(postEncoded("UTF-16LE without a byte order mark", "/api/users/login", StandardCharsets.UTF_16LE,
                "{\"username\":\"finn\",\"password\":\"adventure-time-hero\"}", 400, "malformed-request", "at byte offset 1 " + nul));
        rows.add(postEncoded("UTF-32 without a byte order mark", "/api/posts", Charset.forName("UTF-32"),
                "{\"thread\":1,\"text\":\"u32\"}", 400, "malformed-request", "most likely UTF-16 or UTF-32"));
        rows.add(postEncoded("UTF-32LE with a byte order mark", "/api/users", Charset.forName("X-UTF-32LE-BOM"),
                SIGN_UP + "u32\"}", 400, "malformed-request", mark));
        rows.add(postEncoded("a raw NUL byte in a title", "/api/threads", StandardCharsets.UTF_8, "{\"title\":\"a\u0000b\"}", 400,
                "malformed-request", "at byte offset 11 " + nul + " (a NUL character in a string is written \\u0000)"));
        rows.add(postEncoded("a raw NUL byte between fields", "/api/users", StandardCharsets.UTF_8,
                "{\"password\":\"sign-up-password-1\",\u0000\"name\":\"x\",\"username\":\"nul\"}", 400, "malformed-request", nul));
        rows.add(postEncoded("two UTF-8 byte order marks", "/api/threads", StandardCharsets.UTF_8, "\uFEFF\uFEFF" + thread, 400,
                "malformed-request", "not valid JSON"));
    }

    /** A 400 malformed-request for a POST of {@code body} spelt as bytes. */
    private static Row bytes(String name, String path, String body, String detail) {
        return postEncoded(name, path, BYTES, body, 400, "malformed-request", detail);
    }
}
