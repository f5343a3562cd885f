package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the firewall refused is told without the library's preamble, and what it quotes of the request cut short. */
class FirewallReasonUnitTest {

    @Test
    void the_quoted_part_of_the_request_is_cut_short() {
        String value = "v".repeat(8_000);
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the header value \"" + value
                + "\" is not allowed.")).isEqualTo("the header value \"" + "v".repeat(60) + "...\" is not allowed.");
    }

    @Test
    void a_short_reason_is_told_as_it_is() {
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the URL was not normalized."))
                .isEqualTo("the URL was not normalized.");
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the HTTP method \"FOO\" was not"
                + " included within the list of allowed HTTP methods [GET]"))
                .isEqualTo("the HTTP method \"FOO\" was not included within the list of allowed HTTP methods [GET]");
    }
}
