package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** What the error page says of the client faults Tomcat finds after the application began. */
class ProblemErrorControllerUnitTest {

    @Test
    void a_malformed_chunked_body_is_named() {
        assertThat(ProblemErrorController.clientFault(new BadRequestException("Invalid chunk header"), true))
                .hasValueSatisfying(detail -> assertThat(detail).contains("chunked transfer coding is malformed"));
        assertThat(ProblemErrorController.clientFault(new IOException(new BadRequestException("x")), false))
                .hasValueSatisfying(detail -> assertThat(detail).contains("ended before its Content-Length"));
    }

    @Test
    void a_body_that_ends_early_says_before_what() {
        assertThat(ProblemErrorController.clientFault(new IOException(new EOFException("eof")), false))
                .hasValueSatisfying(detail -> assertThat(detail).contains("ended before its Content-Length"));
        assertThat(ProblemErrorController.clientFault(new EOFException("eof"), true))
                .hasValueSatisfying(detail -> assertThat(detail).contains("ended before its last chunk"));
    }

    @Test
    void parameters_that_do_not_decode_are_named() {
        assertThat(ProblemErrorController.clientFault(new InvalidParameterException("Character decoding failed"), false))
                .hasValueSatisfying(detail -> assertThat(detail).contains("could not be decoded"));
    }

    @Test
    void any_other_failure_is_left_to_the_status() {
        assertThat(ProblemErrorController.clientFault(new IllegalStateException("ours"), false)).isEmpty();
        assertThat(ProblemErrorController.clientFault(null, true)).isEmpty();
    }
}
