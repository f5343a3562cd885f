package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The problem of a body framed twice; finding the Content-Length field is {@link RequestHead}'s (its unit test). */
class AmbiguousFramingValveUnitTest {

    @Test
    void the_problem_says_to_send_one_framing() {
        assertThat(AmbiguousFramingValve.problem().getDetail()).contains("Content-Length", "Transfer-Encoding", "send one");
        assertThat(AmbiguousFramingValve.problem().getStatus()).isEqualTo(400);
    }
}
