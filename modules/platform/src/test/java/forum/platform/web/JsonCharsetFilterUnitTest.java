package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Content-Type headers of a request body the filter refuses, and the charset label it names. */
class JsonCharsetFilterUnitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            application/json                               | -
            application/json;charset=UTF-8                 | -
            application/json; charset=utf-8                | -
            application/json; charset="UTF-8"              | -
            application/json; charset=UTF8                 | -
            application/json; charset=ISO-8859-1           | ISO-8859-1
            application/json;charset=utf-16                | utf-16
            application/json; charset="windows-1252"       | windows-1252
            application/json; charset=klingon              | klingon
            application/problem+json; charset=latin1       | latin1
            application/merge-patch+json; charset=US-ASCII | US-ASCII
            text/plain; charset=ISO-8859-1                 | -
            application/x-www-form-urlencoded; charset=ISO-8859-1 | -
            not a media type                               | -
            ;;;                                            | -
            ;charset=latin1                                | -
            application/json; charset=""                   | ''
            """)
    void a_json_body_labelled_with_anything_but_utf8_is_refused(String contentType, String refusedLabel) {
        assertThat(JsonCharsetFilter.nonUtf8Charset(contentType)).isEqualTo(refusedLabel);
    }
}
