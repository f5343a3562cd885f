package forum.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an answer quotes back of a client's input is cut short, never split inside a character. */
class EchoedInputUnitTest {

    @Test
    void short_input_is_quoted_whole() {
        assertThat(EchoedInput.shorten("limit")).isEqualTo("limit");
        assertThat(EchoedInput.shorten("x".repeat(60))).isEqualTo("x".repeat(60));
        assertThat(EchoedInput.shorten("")).isEmpty();
        assertThat(EchoedInput.shorten(null)).isNull();
    }

    @Test
    void long_input_is_cut_to_its_first_60_characters_and_an_ellipsis() {
        assertThat(EchoedInput.shorten("1".repeat(7_900))).isEqualTo("1".repeat(60) + "...");
        assertThat(EchoedInput.shorten("x".repeat(61))).isEqualTo("x".repeat(60) + "...");
    }

    @Test
    void characters_are_counted_as_code_points_and_never_split() {
        String emoji = "\uD83D\uDE00";
        assertThat(EchoedInput.shorten(emoji.repeat(60))).isEqualTo(emoji.repeat(60));
        assertThat(EchoedInput.shorten(emoji.repeat(61))).isEqualTo(emoji.repeat(60) + "...");
        assertThat(EchoedInput.shorten("x".repeat(59) + emoji + "y")).isEqualTo("x".repeat(59) + emoji + "...");
    }

    @Test
    void shortening_twice_changes_nothing() {
        String once = EchoedInput.shorten("p".repeat(1_000));
        assertThat(EchoedInput.shorten(once)).isEqualTo(once);
    }

    /** The rule the error valve keeps for a head's bytes (RequestHead.printable), for decoded characters. */
    @Test
    void characters_that_do_not_show_as_themselves_are_written_as_code_points() {
        assertThat(EchoedInput.shorten("a\u202Eb")).isEqualTo("aU+202Eb");
        assertThat(EchoedInput.shorten("\u007F\u0085\u009B\u0000\t\n\r")).isEqualTo("U+007FU+0085U+009BU+0000U+0009U+000AU+000D");
        assertThat(EchoedInput.shorten("\u202A\u202D\u2066x\u2069\u200E\u061C")).isEqualTo("U+202AU+202DU+2066xU+2069U+200EU+061C");
        assertThat(EchoedInput.shorten("\u200B\uFEFF\u2028\u2029\u00A0\u3000")).isEqualTo("U+200BU+FEFFU+2028U+2029U+00A0U+3000");
        assertThat(EchoedInput.shorten("\uD800 \uDC00 \uE000 \uDB40\uDC01")).isEqualTo("U+D800 U+DC00 U+E000 U+E0001");
        String shown = "caf\u00e9 \u0444\u0438\u043d \u4e2d\u6587 \uD83D\uDE00 \u05e9\u05dc\u05d5\u05dd a\u0301 'x' \"y\"";
        assertThat(EchoedInput.shorten(shown)).isEqualTo(shown);
        for (int c = 0; c < 0x80; c++) {
            assertThat(EchoedInput.shows(c)).as("U+%04X", c).isEqualTo(c >= 0x20 && c < 0x7f);
        }
    }

    @Test
    void an_escape_counts_as_its_characters_and_is_never_split() {
        assertThat(EchoedInput.shorten("x".repeat(54) + "\u202E")).isEqualTo("x".repeat(54) + "U+202E");
        assertThat(EchoedInput.shorten("x".repeat(55) + "\u202E")).isEqualTo("x".repeat(55) + "...");
        assertThat(EchoedInput.shorten("x".repeat(57) + "\u202Ey")).isEqualTo("x".repeat(57) + "...");
        assertThat(EchoedInput.shorten("\u202E".repeat(1_000))).isEqualTo("U+202E".repeat(10) + "...");
    }

    @Test
    void shortening_twice_changes_nothing_with_escapes_either() {
        for (String sent : new String[] {"x".repeat(55) + "\u202E", "x".repeat(57) + "\u202Ey", "\u202E".repeat(11),
                "x".repeat(58) + "...", "x".repeat(50) + "\u0085".repeat(3), "a\u202E" + "b".repeat(100) + "...",
                "\uD83D\uDE00".repeat(59) + "\u202E", "..." + "x".repeat(70)}) {
            String once = EchoedInput.shorten(sent);
            assertThat(EchoedInput.shorten(once)).as(once).isEqualTo(once);
            assertThat(once.codePointCount(0, once.length())).as(once).isLessThanOrEqualTo(EchoedInput.MAX + 3);
            assertThat(once.codePoints().allMatch(EchoedInput::shows)).as(once).isTrue();
        }
    }

    /** A header field's value is bytes: each outside printable ASCII is written as the error valve writes it. */
    @Test
    void a_header_fields_bytes_are_quoted_as_the_error_valve_quotes_them() {
        assertThat(EchoedInput.shortenField("caf\u00c3\u00a9 \u00e2\u0080\u00ae\u007f\t")).isEqualTo("caf0xC30xA9 0xE20x800xAE0x7F0x09");
        assertThat(EchoedInput.shortenField("application/json; charset=latin1")).isEqualTo("application/json; charset=latin1");
        assertThat(EchoedInput.shortenField("\u00e9".repeat(100))).isEqualTo("0xE9".repeat(15) + "...");
        String once = EchoedInput.shortenField("a" + "\u00e9".repeat(100));
        assertThat(EchoedInput.shortenField(once)).isEqualTo(once);
        assertThat(EchoedInput.shortenField(null)).isNull();
    }

    @Test
    void a_field_violation_names_a_long_field_cut_short() {
        assertThat(new FieldViolation("a\u202Eb", "is not a field of this request").field()).isEqualTo("aU+202Eb");
        FieldViolation violation = new FieldViolation("f".repeat(5_000), "is not a field of this request");
        assertThat(violation.field()).isEqualTo("f".repeat(60) + "...");
        assertThat(violation.toString()).hasSize(64 + "is not a field of this request".length());
        assertThat(new FieldViolation("title", "must not be blank").field()).isEqualTo("title");
    }
}
