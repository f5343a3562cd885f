package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.web.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathUnitTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/api", "/api/", "/api/posts", "/api/posts/1", "/api/posts/in-thread/1",
            "/api/users/%7C", "/api/users/%7c", "/api/users/%C3%A9", "/api/users/a%20b", "/api/users/%25", "/api/x.y",
            "/api/...", "/api/.hidden", "/api/users/1/", "/actuator/health/readiness"})
    void a_canonical_path_passes(String path) {
        assertThat(CanonicalPath.violation(path)).as(path).isEmpty();
        assertThat(CanonicalPath.canonical(path)).isEqualTo(path.replace("%7c", "%7c"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            /api/post%73/1          | '%73' encodes 's', which is sent as it is          | /api/posts/1
            /api/POST%53/1          | '%53' encodes 'S', which is sent as it is          | /api/POSTS/1
            /api/posts%2F1          | '%2F' is an encoded '/'                            | /api/posts/1
            /api/posts%2f1          | '%2f' is an encoded '/'                            | /api/posts/1
            /api/posts%5C1          | '%5C' is an encoded '\\'                           | /api/posts/1
            /api/posts/%31          | '%31' encodes '1', which is sent as it is          | /api/posts/1
            /api/posts/%2e%2e/users | '%2e' encodes '.', which is sent as it is          | /api/users
            /api/%7Eme              | '%7E' encodes '~', which is sent as it is          | /api/~me
            /api/a%2Db%5Fc          | '%2D' encodes '-', which is sent as it is          | /api/a-b_c
            /api/posts/./1          | it has a dot segment ('.')                         | /api/posts/1
            /api/posts/../users/1   | it has a dot segment ('..')                        | /api/users/1
            /api/posts/..           | it has a dot segment ('..')                        | /api
            /../api/users           | it has a dot segment ('..')                        | /api/users
            /api//posts             | it has an empty segment ('//')                     | /api/posts
            //api/posts             | it has an empty segment ('//')                     | /api/posts
            /api/posts//            | it has an empty segment ('//')                     | /api/posts/
            /api/posts;x=1/1        | it has a ';' (path parameters are not used here)   | /api/posts/1
            /api/posts/1;jsessionid=A | it has a ';' (path parameters are not used here) | /api/posts/1
            api/posts               | a path starts with '/'                             | /api/posts
            """)
    void a_non_canonical_path_is_refused_with_why_and_what_to_send(String path, String why, String canonical) {
        assertThat(CanonicalPath.violation(path)).contains(why);
        assertThat(CanonicalPath.canonical(path)).isEqualTo(canonical);
        var problem = CanonicalPath.problem(path, why);
        assertThat(problem.getType()).isEqualTo(ProblemType.NON_CANONICAL_PATH.uri());
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("The path is not canonical: " + why + ". Send it as " + canonical);
    }

    /** A '%' that starts no escape: the detail says what it is and how a '%' is sent, and offers no path to send. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/users/%ZZ   | %ZZ
            /api/users/%     | %
            /api/posts/%4    | %4
            /api/posts/a%zz  | %zz
            """)
    void a_malformed_escape_is_named_and_no_path_is_offered(String path, String escape) {
        String why = CanonicalPath.violation(path).orElseThrow();
        assertThat(why).isEqualTo("'" + escape + "' is not a percent-encoding ('%' and two hex digits): send a '%' itself as %25");
        assertThat(CanonicalPath.problem(path, why).getDetail())
                .isEqualTo("The path is not canonical: " + why).doesNotContain("Send it as");
    }

    /** A path whose canonical form would still be refused is not offered either. */
    @Test
    void a_path_that_would_still_be_refused_is_not_offered() {
        assertThat(CanonicalPath.problem("/api/post%73/%zz", "'%73' encodes 's', which is sent as it is").getDetail())
                .doesNotContain("Send it as");
    }
}
