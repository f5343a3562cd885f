package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content-Type values by RFC 9110's grammar: what is a media type and what is not. */
class MediaTypeSyntaxUnitTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {";;;", "json", "application/", "/json", "/", "a/b;charset", ";charset=utf-8", "\"junk\"",
            "application/json; charset=\"utf-8", "application/json;=x", "application/json; charset=", "", "  ",
            "application/json x", "application /json", "application/json;charset=utf 8", "text/plain,text/html", "application/json; charset = utf-8",
            "application/json; charset=\"a\u0001\""})
    void a_value_that_is_not_a_media_type_is_refused(String value) {
        assertThat(MediaTypeSyntax.parse(value)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json;charset=UTF-8",
            "application/json ;charset=x", "application/json;;", "text/plain;;", "application/json; charset=\"utf-8\"",
            "application/merge-patch+json", "a/b; x=\"quoted \\\" value\"", "application/json; charset=\"\"", " application/json "})
    void a_media_type_is_read(String value) {
        assertThat(MediaTypeSyntax.parse(value)).isPresent();
    }

    @Test
    void type_and_parameter_names_are_read_in_lower_case_with_values_unquoted() {
        var mediaType = MediaTypeSyntax.parse("Application/JSON; Charset=\"UTF-8\"; q=1").orElseThrow();
        assertThat(mediaType.essence()).isEqualTo("application/json");
        assertThat(mediaType.parameters()).isEqualTo(Map.of("charset", "UTF-8", "q", "1"));
    }
}
