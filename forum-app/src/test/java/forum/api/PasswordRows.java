package forum.api;

import static forum.api.BadInputTable.get;
import static forum.api.BadInputTable.post;

import forum.api.BadInputTable.Row;
import java.util.List;

/**
 * The bad-input table's rows about credentials: passwords a sign-up refuses (400 {@code validation} on
 * {@code password}) and logins that cannot be read (a missing or unknown field, a body that is not JSON or is
 * missing, a GET of the POST-only login route). Where the rules come from: the users module's
 * {@code forum.users.internal.auth.PasswordRules} (after NIST SP 800-63B, section 3.1.1.2: 12 to 64 code points and
 * at most 72 bytes in UTF-8 once normalized to NFKC, not a common password, not holding the username, not one character
 * repeated), and the
 * login's request type read as strictly as any body ({@link BodyRows}); the README's "Identity" section ("Passwords").
 */
final class PasswordRows {

    private PasswordRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        passwords(rows);
    }

    /** Passwords a sign-up refuses (PasswordRules), and logins that cannot be read. */
    private static void passwords(List<Row> rows) {
        rows.add(post("a password of 11 characters", "/api/users", "{\"username\":\"pw1\",\"name\":\"x\",\"password\":\"abcdefghijk\"}", 400,
                "validation", "must be 12 to 64 characters long, not 11", "password"));
        rows.add(post("a password of 65 characters", "/api/users", "{\"username\":\"pw2\",\"name\":\"x\",\"password\":\"" + "ab".repeat(32)
                + "c\"}", 400, "validation", "not 65", "password"));
        rows.add(post("a password of 30 emoji (120 bytes)", "/api/users", "{\"username\":\"pw3\",\"name\":\"x\",\"password\":\""
                + "\\ud83d\\ude00".repeat(30) + "\"}", 400, "validation", "at most 72 bytes in UTF-8", "password"));
        rows.add(post("a password of 19 bytes as sent and 109 once normalized (NFKC)", "/api/users",
                "{\"username\":\"pw9\",\"name\":\"x\",\"password\":\"" + "\\ufdfa".repeat(3) + "abcdefghij\"}", 400, "validation",
                "at most 72 bytes in UTF-8", "password"));
        rows.add(post("a password of zero-width spaces", "/api/users",
                "{\"username\":\"pw10\",\"name\":\"x\",\"password\":\"" + "\\u200b".repeat(16) + "\"}", 400, "validation",
                "must not be blank", "password"));
        rows.add(post("a common password", "/api/users", "{\"username\":\"pw4\",\"name\":\"x\",\"password\":\"qwertyuiop12\"}", 400,
                "validation", "most common passwords", "password"));
        rows.add(post("a common password with digits and symbols after it", "/api/users",
                "{\"username\":\"pw5\",\"name\":\"x\",\"password\":\"Dragon2024!!\"}", 400, "validation", "most common", "password"));
        rows.add(post("a password holding the username", "/api/users",
                "{\"username\":\"bubblegum\",\"name\":\"x\",\"password\":\"my-BubbleGum-pass\"}", 400, "validation",
                "must not hold the username", "password"));
        rows.add(post("a password of one character repeated", "/api/users",
                "{\"username\":\"pw6\",\"name\":\"x\",\"password\":\"zzzzzzzzzzzzzzzz\"}", 400, "validation", "one character repeated", "password"));
        rows.add(post("no password", "/api/users", "{\"username\":\"pw7\",\"name\":\"x\"}", 400, "validation", "is required", "password"));
        rows.add(post("a password that is a number", "/api/users", "{\"username\":\"pw8\",\"name\":\"x\",\"password\":123456789012}", 400,
                "validation", "must be a string", "password"));
        rows.add(post("a login without a password", "/api/users/login", "{\"username\":\"finn\"}", 400, "validation", "is required", "password"));
        rows.add(post("a login without a username", "/api/users/login", "{\"password\":\"adventure-time-hero\"}", 400, "validation",
                "is required", "username"));
        rows.add(post("a login with an unknown field", "/api/users/login", "{\"username\":\"finn\",\"password\":\"x\",\"remember\":true}", 400,
                "validation", "is not a field", "remember"));
        rows.add(post("a login that is not JSON", "/api/users/login", "text/plain", "finn:adventure-time-hero", 415, "unsupported-media-type", ""));
        rows.add(post("a login with no body", "/api/users/login", null, 400, "malformed-request", "missing"));
        rows.add(get("a GET of the login route", "/api/users/login", 405, "method-not-allowed", "This route does not take GET; it takes POST"));
    }
}
