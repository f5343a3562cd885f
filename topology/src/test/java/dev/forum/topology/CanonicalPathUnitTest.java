package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.topology.CanonicalPath.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CanonicalPathUnitTest {

    /** Paths a client may send as they are: nothing in them changes when decoded and normalised. */
    static final List<String> CANONICAL = List.of("/", "/api/", "/api/posts", "/api/posts/1", "/api/posts/in-thread/1",
            "/api/posts/", "/api/users/x-y.z", "/api/posts/a%20b", "/api/posts/caf%C3%A9", "/api/posts/caf%c3%a9",
            "/api/posts/100%25", "/api/posts/what%3F", "/api/posts/a%23b", "/api/posts/%22q%22", "/api/posts/...",
            "/api/posts/.hidden", "/api/posts/a..b", "/api/posts/~me", "/api/posts/a:b@c", "/api/posts/!$&'()*+,=", "/api/posts/a%40b", "/api/posts/a%3Bb", "/api/posts/a%3A%2B",
            "/api/posts/%00", "/api/posts/%7F", "/api/postsettings", "/actuator/health/readiness");

    /** Paths that decode or normalise to something else, with the first violation each one shows. */
    static final List<Object[]> NON_CANONICAL = List.of(
            new Object[] {"/api/post%73/1", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/post%53/1", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/%61pi/posts", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/posts/%31", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/posts/1%7E", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/posts/1%7e", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/posts/a%2Db", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/posts/a%5fb", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/posts%2F1", Violation.ENCODED_SEPARATOR},
            new Object[] {"/api/posts%2f1", Violation.ENCODED_SEPARATOR},
            new Object[] {"/api%2Fposts%2F1", Violation.ENCODED_SEPARATOR},
            new Object[] {"/api/posts%5C1", Violation.ENCODED_SEPARATOR},
            new Object[] {"/api/posts%5c..%5c/users", Violation.ENCODED_SEPARATOR},
            new Object[] {"/api/posts/%2e%2e/users", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/posts/%2E", Violation.NEEDLESS_ESCAPE},
            new Object[] {"/api/posts/./1", Violation.DOT_SEGMENT},
            new Object[] {"/api/posts/../users/1", Violation.DOT_SEGMENT},
            new Object[] {"/api/posts/..", Violation.DOT_SEGMENT},
            new Object[] {"/api/posts/.", Violation.DOT_SEGMENT},
            new Object[] {"/./api/posts", Violation.DOT_SEGMENT},
            new Object[] {"/api/posts//1", Violation.EMPTY_SEGMENT},
            new Object[] {"//api/posts/1", Violation.EMPTY_SEGMENT},
            new Object[] {"/api/posts/1//", Violation.EMPTY_SEGMENT},
            new Object[] {"/api/posts;x=1/1", Violation.PATH_PARAMETER},
            new Object[] {"/api/posts/1;jsessionid=abc", Violation.PATH_PARAMETER},
            new Object[] {"/api/posts/;/1", Violation.PATH_PARAMETER},
            new Object[] {"/api/posts/a%zz", Violation.MALFORMED_ESCAPE},
            new Object[] {"/api/posts/a%2", Violation.MALFORMED_ESCAPE},
            new Object[] {"/api/posts/a%", Violation.MALFORMED_ESCAPE},
            new Object[] {"/api/posts/a%%41", Violation.MALFORMED_ESCAPE},
            new Object[] {"/api/posts/%G1", Violation.MALFORMED_ESCAPE},
            new Object[] {"/api/posts/%\u0663\u0663", Violation.MALFORMED_ESCAPE},
            new Object[] {"/api/posts%2F..%2F/1;x", Violation.ENCODED_SEPARATOR});

    @Test
    void canonical_paths_have_no_violation() {
        for (String path : CANONICAL) {
            assertEquals(Set.of(), CanonicalPath.violations(path), path);
            assertEquals(Set.of(), byRegex(path), path);
        }
    }

    @Test
    void non_canonical_paths_report_their_first_violation() {
        for (Object[] row : NON_CANONICAL) {
            assertEquals(Optional.of(row[1]), CanonicalPath.violation((String) row[0]), (String) row[0]);
        }
    }

    @Test
    void only_paths_are_judged() {
        assertEquals(Optional.empty(), CanonicalPath.violation("*"));
        assertEquals(Optional.empty(), CanonicalPath.violation(""));
        assertEquals(Optional.empty(), CanonicalPath.violation(null));
    }

    @Test
    void every_escape_of_every_byte_in_either_case_is_judged_alike_by_the_regexes_and_the_definition() {
        int needless = 0;
        for (int b = 0; b < 256; b++) {
            String upper = String.format(Locale.ROOT, "%02X", b);
            for (String code : List.of(upper, upper.toLowerCase(Locale.ROOT), mixed(upper))) {
                String path = "/api/posts/x%" + code + "y";
                assertEquals(CanonicalPath.violations(path), byRegex(path), path);
                char c = (char) b;
                boolean unreserved = Character.isLetterOrDigit(c) && b < 128 || "-._~".indexOf(c) >= 0;
                assertEquals(unreserved, CanonicalPath.violations(path).contains(Violation.NEEDLESS_ESCAPE), path);
                assertEquals(b == '/' || b == '\\', CanonicalPath.violations(path).contains(Violation.ENCODED_SEPARATOR), path);
                if (unreserved) {
                    needless++;
                }
            }
        }
        assertEquals(3 * 66, needless, "26 + 26 letters, 10 digits and -._~, in three spellings each");
    }

    @Test
    void the_regexes_agree_with_the_definition_on_generated_paths() {
        String[] parts = {"", "/", "//", ".", "..", "a", "%", "%2", "%2e", "%2E", "%2f", "%41", "%7e", "%20", "%zz", ";", "x=1",
            "%3b", "...", "~", "%5c", "%40"};
        List<String> paths = new ArrayList<>();
        for (String a : parts) {
            for (String b : parts) {
                for (String c : parts) {
                    paths.add("/" + a + b + "/" + c);
                    paths.add("/api/" + a + "/" + b + c);
                }
            }
        }
        for (String path : paths) {
            assertEquals(CanonicalPath.violations(path), byRegex(path), path);
        }
    }

    @Test
    void the_regexes_can_be_written_into_a_load_balancer_configuration() {
        for (Violation violation : Violation.values()) {
            // HAProxy takes it in single quotes: no quote; no space or '#', which other tools read as a separator or comment.
            assertFalse(violation.regex().matches(".*['\" #].*"), violation.regex());
            assertTrue(violation.detail().endsWith("."), violation.detail());
        }
    }

    private static Set<Violation> byRegex(String path) {
        Set<Violation> found = EnumSet.noneOf(Violation.class);
        for (Violation violation : Violation.values()) {
            if (Pattern.compile(violation.regex(), Pattern.CASE_INSENSITIVE).matcher(path).find()) {
                found.add(violation);
            }
        }
        return found;
    }

    private static String mixed(String upper) {
        return upper.substring(0, 1).toLowerCase(Locale.ROOT) + upper.substring(1);
    }
}
