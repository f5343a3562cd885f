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

    @Test
    void a_field_violation_names_a_long_field_cut_short() {
        FieldViolation violation = new FieldViolation("f".repeat(5_000), "is not a field of this request");
        assertThat(violation.field()).isEqualTo("f".repeat(60) + "...");
        assertThat(violation.toString()).hasSize(64 + "is not a field of this request".length());
        assertThat(new FieldViolation("title", "must not be blank").field()).isEqualTo("title");
    }
}
