package forum.api;

import static forum.api.BadInputTable.post;

import forum.api.BadInputTable.Row;
import java.util.List;

/**
 * The bad-input table's rows about a JSON request body, all POSTs (writes get marceline's token from
 * {@link BadInputContract}): a body that is missing, not JSON, or JSON of another shape (400 {@code malformed-request});
 * one over the size limit (413); text a database cannot store exactly as sent, blank, missing or too long; a field
 * given twice, or one the request does not have; a value of the wrong type (400 {@code validation}, every failing
 * field named); well-formed JSON past a limit of the parser (400 {@code malformed-request} naming the limit and its
 * value: number length, nesting depth, name length). Where the rules come from: the application's strict JSON reading
 * ({@code forum.platform.web.StrictJsonConfiguration}, {@code error.BodyFieldPrecheck}, {@code error.JsonInputProblems}
 * for the wording), {@code forum.platform.Validation} (storable text, each module's lengths and required fields),
 * {@code forum.platform.web.RequestBodyLimitFilter} (the 128 KB limit); the README's "Errors" catalogue.
 */
final class BodyRows {

    /** What a username that breaks the rule of its characters is told. */
    private static final String USERNAME_RULE = "may hold only ASCII letters (a-z, A-Z), digits, '_', '.' and '-'";
    private static final String TOO_LARGE = "{\"username\":\"" + "a".repeat(140_000) + "\",\"name\":\"big\"}";

    private BodyRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        bodies(rows);
        text(rows);
        blankText(rows);
        lenientBodies(rows);
        numbers(rows);
        limits(rows);
    }

    /** Well-formed JSON past a limit of the parser: the detail says which limit, and its value. */
    private static void limits(List<Row> rows) {
        rows.add(post("an id of 2000 digits", "/api/posts", "{\"thread\":" + "7".repeat(2000) + ",\"text\":\"x\"}", 400,
                "malformed-request", "The request body holds a number of more than 1000 digits"));
        rows.add(post("a fraction of 2000 digits", "/api/threads", "{\"title\":\"x\",\"createdBy\":1." + "0".repeat(2000) + "}",
                400, "malformed-request", "The request body holds a number of more than 1000 digits"));
        rows.add(post("arrays nested 600 deep", "/api/threads", "{\"title\":\"x\",\"a\":" + "[".repeat(600) + "]".repeat(600) + "}",
                400, "malformed-request", "The request body nests arrays and objects more than 500 deep"));
        rows.add(post("objects nested 501 deep", "/api/users", "{\"a\":".repeat(501) + "1" + "}".repeat(501), 400,
                "malformed-request", "nests arrays and objects more than 500 deep"));
        rows.add(post("a field name of 50,001 characters", "/api/threads", "{\"title\":\"x\",\"" + "n".repeat(50_001) + "\":1}",
                400, "malformed-request", "The request body holds a field name of more than 50000 characters"));
    }

    /** A body that is missing, not JSON, or JSON of another shape: a malformed request. */
    private static void bodies(List<Row> rows) {
        rows.add(post("malformed JSON", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":", 400, "malformed-request", "not valid JSON (at line 1"));
        rows.add(post("JSON with a missing quote", "/api/threads", "{\"title:\"x\",\"createdBy\":1}", 400, "malformed-request", "not valid JSON"));
        rows.add(post("no body", "/api/users", null, 400, "malformed-request", "The request body is missing"));
        rows.add(post("an empty body", "/api/posts", "", 400, "malformed-request", "The request body is missing"));
        rows.add(post("an array where an object belongs", "/api/users", "[{\"username\":\"a\",\"name\":\"b\"}]", 400, "malformed-request",
                "must be a JSON object, not an array"));
        rows.add(post("a string where an object belongs", "/api/threads", "\"title\"", 400, "malformed-request", "not a string"));
        rows.add(post("a number where an object belongs", "/api/posts", "42", 400, "malformed-request", "not a whole number"));
        // Jackson reads null as no object at all; the body is there, so it is not "missing".
        rows.add(post("null where an object belongs", "/api/threads", " null\n", 400, "malformed-request",
                "The request body must be a JSON object, not null"));
        rows.add(post("null where an object belongs", "/api/posts", "null", 400, "malformed-request", ""));
        rows.add(post("a second object after the first", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"two\",\"name\":\"x\"} {}", 400, "malformed-request",
                "one JSON object and nothing after it"));
        rows.add(post("a body over the limit", "/api/users", TOO_LARGE, 413, "content-too-large", "larger than the limit"));
    }

    /** Text a database cannot store exactly as sent, on any text field; lengths counted in code points. */
    private static void text(List<Row> rows) {
        rows.add(post("NUL in a user's name", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"nul\",\"name\":\"A\\u0000B\"}", 400, "validation",
                "NUL character", "name"));
        rows.add(post("NUL in a bio", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"nul2\",\"name\":\"x\",\"bio\":\"\\u0000\"}", 400, "validation",
                "NUL character", "bio"));
        rows.add(post("NUL in a thread's title", "/api/threads", "{\"title\":\"a\\u0000\",\"createdBy\":1}", 400, "validation",
                "NUL character", "title"));
        rows.add(post("NUL in a post", "/api/posts", "{\"thread\":1,\"text\":\"\\u0000\",\"user\":1}", 400, "validation",
                "NUL character", "text"));
        rows.add(post("a lone high surrogate", "/api/posts", "{\"thread\":1,\"text\":\"half \\ud83d\",\"user\":1}", 400, "validation",
                "lone UTF-16 surrogate U+D83D", "text"));
        rows.add(post("a lone low surrogate", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"lone\",\"name\":\"\\ude00 x\"}", 400, "validation",
                "lone UTF-16 surrogate U+DE00", "name"));
        rows.add(post("a reversed surrogate pair", "/api/threads", "{\"title\":\"\\ude00\\ud83d\",\"createdBy\":1}", 400, "validation",
                "half of a character", "title"));
        rows.add(post("a control character", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"bell\",\"name\":\"ding\\u0007\"}", 400, "validation",
                "control character U+0007", "name"));
        rows.add(post("a C1 control character", "/api/posts", "{\"thread\":1,\"text\":\"\\u009b31m\",\"user\":1}", 400, "validation",
                "control character U+009B", "text"));
        rows.add(post("a name of 101 emoji", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"emoji\",\"name\":\"" + "\\ud83d\\ude00".repeat(101) + "\"}", 400,
                "validation", "must be 1 to 100 characters long, not 101", "name"));
        rows.add(post("a post of 10,001 characters", "/api/posts", "{\"thread\":1,\"text\":\"" + "x".repeat(10_001) + "\",\"user\":1}", 400,
                "validation", "not 10001", "text"));
        rows.add(post("a blank name", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"blank\",\"name\":\" \\t \"}", 400, "validation", "must not be blank", "name"));
        rows.add(post("a blank title and no author", "/api/threads", "{\"title\":\"  \"}", 400, "validation", "must not be blank", "title"));
        rows.add(post("missing user fields", "/api/users", "{\"password\":\"sign-up-password-1\"}", 400, "validation", "is required", "username", "name"));
        rows.add(post("missing post fields", "/api/posts", "{}", 400, "validation", "is required", "thread", "text"));
        rows.add(post("a username with spaces", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"a b\",\"name\":\"x\"}", 400, "validation", USERNAME_RULE, "username"));
        for (String punctuation : new String[] {".", "..", "-", "_._", "-.-"}) {
            rows.add(post("a username of punctuation only: " + punctuation, "/api/users",
                    "{\"password\":\"sign-up-password-1\",\"username\":\"" + punctuation + "\",\"name\":\"x\"}", 400, "validation",
                    "and at least one letter or digit", "username"));
        }
        rows.add(post("a username in another script", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"\\u0444\\u0438\\u043d\",\"name\":\"x\"}", 400,
                "validation", USERNAME_RULE, "username"));
        rows.add(post("a username with a letter outside ASCII", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"caf\\u00e9\",\"name\":\"x\"}", 400, "validation", USERNAME_RULE, "username"));
    }

    /**
     * Text that looks blank is blank, on every text field: Unicode white space and invisible format characters alike
     * ({@code forum.platform.Text}); a no-break space, a zero-width space or a byte order mark was stored.
     */
    private static void blankText(List<Row> rows) {
        rows.add(post("a title of a no-break space", "/api/threads", "{\"title\":\"\\u00a0\"}", 400, "validation", "must not be blank", "title"));
        rows.add(post("a title of a zero-width space", "/api/threads", "{\"title\":\"\\u200b\"}", 400, "validation", "must not be blank", "title"));
        rows.add(post("a title of a byte order mark", "/api/threads", "{\"title\":\"\\ufeff\"}", 400, "validation", "must not be blank", "title"));
        rows.add(post("a post of a word joiner and a narrow no-break space", "/api/posts", "{\"thread\":1,\"text\":\"\\u2060\\u202f\"}", 400,
                "validation", "must not be blank", "text"));
        rows.add(post("a name of a Hangul filler and direction marks", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"filler\",\"name\":\"\\u3164\\u200e\\u200f\"}", 400,
                "validation", "must not be blank", "name"));
        rows.add(post("a username of zero-width characters", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"\\u200b\\u200d\",\"name\":\"x\"}", 400,
                "validation", "must not be blank", "username"));
    }

    /** Lenient parsing: what a client sent is not what it meant. */
    private static void lenientBodies(List<Row> rows) {
        rows.add(post("a field given twice", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":\"twice\",\"username\":\"again\",\"name\":\"x\"}", 400,
                "validation", "is given more than once", "username"));
        rows.add(post("an id given twice", "/api/posts", "{\"thread\":1,\"text\":\"x\",\"user\":1,\"thread\":2}", 400, "validation",
                "is given more than once", "thread"));
        rows.add(post("an unknown field (created_by)", "/api/threads", "{\"title\":\"t\",\"createdBy\":1,\"created_by\":1}", 400,
                "validation", "is not a field of this request (its fields are: createdBy, title)", "created_by"));
        rows.add(post("an unknown field (userId)", "/api/posts", "{\"thread\":1,\"text\":\"x\",\"userId\":1}", 400, "validation",
                "is not a field of this request", "userId"));
        rows.add(post("an id field on a new user", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"id\":9,\"username\":\"withid\",\"name\":\"x\"}", 400, "validation",
                "is not a field of this request", "id"));
        rows.add(post("a field in another case", "/api/threads", "{\"Title\":\"t\",\"createdBy\":1}", 400, "validation",
                "is not a field", "Title", "title"));
    }

    /** A value of the wrong type says which type the field takes. */
    private static void numbers(List<Row> rows) {
        rows.add(post("a number where text belongs", "/api/users", "{\"password\":\"sign-up-password-1\",\"username\":5,\"name\":\"x\"}", 400, "validation",
                "must be a string, not a whole number", "username"));
        rows.add(post("true where text belongs", "/api/threads", "{\"title\":true,\"createdBy\":1}", 400, "validation",
                "must be a string, not true or false", "title"));
        rows.add(post("an array where text belongs", "/api/threads", "{\"title\":[\"x\"],\"createdBy\":1}", 400, "validation",
                "must be a string, not an array", "title"));
        rows.add(post("text where an id belongs", "/api/posts", "{\"thread\":\"1\",\"text\":\"x\",\"user\":1}", 400, "validation",
                "must be a whole number, not a string", "thread"));
        rows.add(post("a decimal where an id belongs", "/api/posts", "{\"thread\":1.0,\"text\":\"x\",\"user\":1}", 400, "validation",
                "must be a whole number", "thread"));
        rows.add(post("an exponent where an id belongs", "/api/threads", "{\"title\":\"t\",\"createdBy\":1e0}", 400, "validation",
                "must be a whole number, not a number with a fraction or an exponent", "createdBy"));
        rows.add(post("a large exponent where an id belongs", "/api/posts", "{\"thread\":1e2,\"text\":\"x\"}", 400, "validation",
                "must be a whole number, not a number with a fraction or an exponent", "thread"));

        rows.add(post("an object where an id belongs", "/api/posts", "{\"thread\":{\"id\":1},\"text\":\"x\",\"user\":1}", 400,
                "validation", "must be a whole number, not an object", "thread"));
        rows.add(post("an empty object where an id belongs", "/api/threads", "{\"title\":\"x\",\"createdBy\":{}}", 400,
                "validation", "must be a whole number, not an object", "createdBy"));
        rows.add(post("an object where the author's id belongs", "/api/posts", "{\"thread\":1,\"text\":\"x\",\"user\":{\"value\":1}}",
                400, "validation", "must be a whole number, not an object", "user"));
        rows.add(post("a non-positive id in the body", "/api/threads", "{\"title\":\"x\",\"createdBy\":0}", 400, "validation",
                "must be a positive whole number", "createdBy"));
        rows.add(post("a negative id in the body", "/api/posts", "{\"thread\":-1,\"text\":\"x\",\"user\":1}", 400, "validation",
                "must be a positive whole number", "thread"));
        // Every failing field is named, not only the first that stops the binding.
        rows.add(post("a zero id and a blank text", "/api/posts", "{\"thread\":0,\"text\":\"\"}", 400, "validation",
                "must be a positive whole number", "thread", "text"));
        rows.add(post("every field of the wrong type and an unknown one", "/api/posts",
                "{\"thread\":\"x\",\"text\":5,\"user\":\"y\",\"extra\":1}", 400, "validation", "must be a string, not a whole number", "thread", "text", "user", "extra"));
        rows.add(post("a wrong type beside a missing field", "/api/threads", "{\"createdBy\":true}", 400, "validation",
                "must be a whole number, not true or false", "createdBy", "title"));
        rows.add(post("a sign-up with a wrong type, a blank name and a short password", "/api/users",
                "{\"username\":5,\"name\":\"\",\"password\":\"x\"}", 400, "validation", "must not be blank",
                "username", "name", "password"));
        rows.add(post("a login of two wrong types", "/api/users/login", "{\"username\":[],\"password\":7}", 400, "validation",
                "must be a string, not an array", "username", "password"));
        rows.add(post("an id too large for a number", "/api/threads", "{\"title\":\"x\",\"createdBy\":99999999999999999999}", 400,
                "validation", "must be a whole number from 1 to 9223372036854775807", "createdBy"));
    }
}
