package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the firewall refused is told without the library's preamble, and what it quotes of the request cut short. */
class FirewallReasonUnitTest {

    @Test
    void the_quoted_part_of_the_request_is_cut_short() {
        String value = "v".repeat(8_000);
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the header: \"X-A \" has a value \""
                + value + "\" that is not allowed.")).isEqualTo("the header field X-A has a value \"" + "v".repeat(60)
                + "...\" that is not allowed");
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the parameter name \"" + value
                + "\" is not allowed.")).isEqualTo("the parameter name \"" + "v".repeat(60) + "...\" is not allowed.");
    }

    /**
     * A header field is bytes, read one character a byte: the two bytes of U+0085 in UTF-8 are quoted as the bytes they
     * are, as the error valve quotes a head, not as one byte shown as a letter and the next as a code point.
     */
    @Test
    void a_header_field_is_quoted_as_bytes() {
        // Spring Security 7's messages, as StrictHttpFirewall writes them (the space after the name is its own).
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the header: \"If-None-Match \""
                + " has a value \"\u00c2\u0085abc\" that is not allowed.")).isEqualTo("the header field If-None-Match has a"
                + " value \"0xC20x85abc\" that is not allowed");
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the header: \"If-Match \""
                + " has a value \"\"a\"\u0085\" that is not allowed.")).as("a value holding quotes").isEqualTo("the header"
                + " field If-Match has a value \"\"a\"0x85\" that is not allowed");
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the header name \"X-\u00e9\" is"
                + " not allowed.")).isEqualTo("the header field name \"X-0xE9\" is not allowed");
    }

    @Test
    void a_short_reason_is_told_as_it_is() {
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the URL was not normalized."))
                .isEqualTo("the URL was not normalized.");
        assertThat(ProblemSecurityHandlers.firewallReason("The request was rejected because the HTTP method \"FOO\" was not"
                + " included within the list of allowed HTTP methods [GET]"))
                .isEqualTo("the HTTP method \"FOO\" was not included within the list of allowed HTTP methods [GET]");
    }

    /** What the firewall refuses in a path is named for what it encodes, and nothing invisible is quoted raw. */
    @Test
    void a_string_refused_in_a_path_is_named_for_what_it_is() {
        String preamble = "The request was rejected because the URL contained a potentially malicious String \"";
        assertThat(ProblemSecurityHandlers.firewallReason(preamble + "%0a\""))
                .isEqualTo("the path holds a line break (%0a), which no path of this server holds");
        assertThat(ProblemSecurityHandlers.firewallReason(preamble + "%0D\""))
                .isEqualTo("the path holds a line break (%0D), which no path of this server holds");
        assertThat(ProblemSecurityHandlers.firewallReason(preamble + "%E2%80%A8\""))
                .isEqualTo("the path holds a line separator (%E2%80%A8, U+2028), which no path of this server holds");
        assertThat(ProblemSecurityHandlers.firewallReason(preamble + "\u2029\""))
                .isEqualTo("the path holds a paragraph separator (U+2029), which no path of this server holds");
        assertThat(ProblemSecurityHandlers.firewallReason(preamble + "\\\""))
                .isEqualTo("the path holds '\\', which no path of this server holds");
    }
}
