package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A Host field is a host with an optional port of 0 to 65535, and each fault is named; the same host, told two ways. */
class HostFieldUnitTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "localhost", "localhost:8080", "localhost:", "127.0.0.1:80", "[::1]", "[::1]:443",
            "[2001:db8::1]:65535", "Forum.Example.", "a:0", "a:00080", "xn--caf-dma.example", "a-b.c1"})
    void a_host_with_an_optional_port_in_range_is_taken(String value) {
        assertThat(HostField.fault(value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            localhost:99999       | has the port 99999, which is no TCP port: send the server's port, from 0 to 65535
            a:65536               | has the port 65536, which is no TCP port
            a:99999999999         | has the port 99999999999, which is no TCP port
            a:0000065536          | has the port 0000065536, which is no TCP port
            localhost:x           | has the port 'x', which is not a number: send the port in decimal digits
            localhost:80a         | has the port '80a', which is not a number
            localhost:-1          | has the port '-1', which is not a number
            a b                   | 'a b' holds a space, which no host name here may hold
            a_b                   | holds '_', which no host name here may hold
            a/b                   | holds '/'
            a%20b                 | holds '%'
            [::1                  | opens an IPv6 address with '[' and does not close it with ']'
            [::1]x                | has 'x' after its IPv6 address
            [::1]:x               | has the port 'x', which is not a number
            [v1.x]                | '[v1.x]', which is not an IPv6 address in brackets
            [fe80::1%25eth0]      | which is not an IPv6 address in brackets
            ::1                   | holds more than one ':'
            a:1:2                 | holds more than one ':'
            :80                   | has no host before its ':'
            a..b                  | names the host 'a..b', which is not a name
            -a                    | names the host '-a', which is not a name
            a-.b                  | names the host 'a-.b', which is not a name
            """)
    void each_fault_is_named(String value, String detail) {
        assertThat(HostField.fault(value)).hasValueSatisfying(fault -> assertThat(fault)
                .startsWith("The Host header field '" + value + "'").contains(detail).contains("RFC"));
    }

    @Test
    void a_byte_outside_ascii_or_a_control_character_is_shown_as_a_byte() {
        assertThat(HostField.fault("caf\u00c3\u00a9")).hasValueSatisfying(fault -> assertThat(fault)
                .startsWith("The Host header field 'caf0xC30xA9'").contains("a byte outside ASCII (0xC3)", "xn--"));
        assertThat(HostField.fault("a\u007fb")).hasValueSatisfying(fault -> assertThat(fault)
                .contains("'a0x7Fb' holds a control character (0x7F)"));
    }

    @ParameterizedTest(name = "{0} and Host {1}, https {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            localhost:80    | localhost      | false | true
            localhost       | localhost:80   | false | true
            LOCALHOST:80    | localhost      | false | true
            localhost:      | localhost      | false | true
            localhost:443   | LocalHost      | true  | true
            localhost       | localhost:443  | true  | true
            [::1]:80        | [::1]          | false | true
            [::1]:80        | [::1]:         | false | true
            localhost:8080  | localhost:8080 | false | true
            localhost:08080 | localhost:8080 | false | true
            localhost:443   | localhost      | false | false
            localhost:80    | localhost      | true  | false
            localhost:8080  | localhost      | false | false
            other           | localhost      | false | false
            other:80        | localhost:80   | false | false
            localhost:99999 | localhost      | false | false
            localhost:x     | localhost      | false | false
            """)
    void the_same_host_is_the_same_in_any_case_and_with_or_without_its_default_port(String target, String host,
                                                                                      boolean https, boolean same) {
        assertThat(HostField.sameHost(target, host, https)).isEqualTo(same);
    }
}
