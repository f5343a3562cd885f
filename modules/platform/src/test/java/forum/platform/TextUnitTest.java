package forum.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One rule for the characters around a text: what is stripped is exactly what makes a text blank, white space and
 * invisible format characters alike, and characters that belong to the one before them are kept.
 */
class TextUnitTest {

    /** Each looks blank; before the rule, NBSP, ZWSP and BOM texts were stored while em and ideographic spaces were stripped. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0020", "0009", "000A", "00A0", "1680", "2003", "2007", "202F", "2028", "205F", "3000",
            "00AD", "061C", "180E", "200B", "200C", "200D", "200E", "200F", "202A", "202E", "2060", "2063", "2066", "2069",
            "FEFF", "115F", "1160", "3164", "FFA0", "2800"})
    void each_white_space_or_invisible_character_alone_is_blank_and_stripped_away(String hex) {
        String character = Character.toString(Integer.parseInt(hex, 16));
        assertThat(Text.isBlankCharacter(character.codePointAt(0))).isTrue();
        assertThat(Text.isBlank(character.repeat(3))).isTrue();
        assertThat(Text.strip(character + "x" + character)).isEqualTo("x");
        assertThat(violations(character)).containsExactly(new FieldViolation("title", "must not be blank"));
    }

    @Test
    void blank_characters_inside_a_text_are_kept() {
        assertThat(Text.strip("\u200b\u00a0Hi\u200bthere \u3000you\ufeff\u2060")).isEqualTo("Hi\u200bthere \u3000you");
        assertThat(Text.strip("\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67")).as("an emoji joined by ZWJ")
                .isEqualTo("\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67");
    }

    /** Variation selectors, tag characters and combining marks belong to the character before them: not blank. */
    @Test
    void characters_that_belong_to_the_one_before_them_are_not_stripped() {
        for (String text : List.of("I \u2764\ufe0f", "\ud83c\udff4\udb40\udc67\udb40\udc62\udb40\udc65\udb40\udc6e\udb40\udc67\udb40\udc7f",
                "cafe\u0301", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629")) {
            assertThat(Text.strip(text)).as(text).isEqualTo(text);
            assertThat(Text.isBlank(text)).isFalse();
        }
        assertThat(Text.isBlankCharacter(0xFE0F)).isFalse();
        assertThat(Text.isBlankCharacter(0xE007F)).isFalse();
        assertThat(Text.isBlankCharacter('x')).isFalse();
    }

    /**
     * A character that belongs to another, with none to belong to (alone, or after nothing but blank characters), draws
     * nothing: such a text is blank, though nothing of it is stripped.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\ufe0f", "\u034f", "\udb40\udc20", "\udb40\udc01", "\u180b", "\u17b4\u17b5", "\ufe00\ufe0f",
            " \u20e3", "\u0301\u0301", "\u200b\udb40\udd00", "\u2800\u2800", "\u0903"})
    void a_text_of_characters_that_belong_to_another_and_nothing_else_is_blank(String text) {
        assertThat(Text.isBlank(text)).isTrue();
        assertThat(violations(text)).containsExactly(new FieldViolation("title", "must not be blank"));
        assertThat(violations("x" + text)).as("with a character to belong to").isEmpty();
    }

    @Test
    void lengths_are_counted_without_the_blank_characters_around_a_text() {
        assertThat(violations("\u200b" + "x".repeat(5) + "\u00a0\ufeff")).isEmpty();
        assertThat(violations("\u200bxxxxxx\u00a0")).containsExactly(new FieldViolation("title", "must be 1 to 5 characters long, not 6"));
        assertThat(Text.strip(null)).isNull();
        assertThat(Text.isBlank(null)).isTrue();
    }

    private static List<FieldViolation> violations(String title) {
        try {
            Validation.of().text("title", title, 1, 5).check();
            return List.of();
        } catch (ValidationException failed) {
            return failed.violations();
        }
    }
}
