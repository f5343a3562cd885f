package forum.users.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import forum.platform.FieldViolation;
import forum.platform.Validation;
import forum.platform.ValidationException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesUnitTest {

    private static List<String> broken(String username, String password) {
        Validation validation = Validation.of();
        PasswordRules.check(validation, username, password);
        ValidationException failure = catchThrowableOfType(ValidationException.class, validation::check);
        return failure == null ? List.of() : failure.violations().stream().map(FieldViolation::message).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vampire-queen-1000", "correct horse battery staple", "Tr0ub4dor&3-xyz", "\u00e9t\u00e9 \u00e0 la plage!",
            "abcdefghijkl", "dragonfly-wings", "2024dragon!!!", "\u4e16\u754c\u4f60\u597d\u4e16\u754c\u4f60\u597d\u4e16\u754c\u4f60\u597d"})
    void a_long_enough_uncommon_password_passes(String password) {
        assertThat(broken("someone", password)).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            someone | short-pass1         | must be 12 to 64 characters long, not 11
            someone | "            "      | must not be blank
            someone | qwertyuiop12        | is one of the most common passwords; choose one that is not
            someone | QWERTYUIOP          | must be 12 to 64 characters long, not 10
            someone | Password123!        | is one of the most common passwords; choose one that is not
            someone | iloveyou123         | must be 12 to 64 characters long, not 11
            someone | sunshine2024!!      | is one of the most common passwords; choose one that is not
            someone | 1234567890123       | is one of the most common passwords; choose one that is not
            someone | 12345678901234567   | is one of the most common passwords; choose one that is not
            someone | "monkey 2024 !!"     | is one of the most common passwords; choose one that is not
            someone | aaaaaaaaaaaaaaa     | must not be one character repeated
            bubblegum | my-BUBBLEGUM-pass | must not hold the username
            """)
    void a_password_breaking_a_rule_is_refused_with_the_rule(String username, String password, String rule) {
        assertThat(broken(username, password)).containsExactly(rule);
    }

    @org.junit.jupiter.api.Test
    void lengths_count_characters_and_bytes_are_bounded_for_bcrypt() {
        assertThat(broken("someone", "\uD83D\uDE00\uD83D\uDE01".repeat(10))).containsExactly(
                "must be at most 72 bytes in UTF-8; use fewer characters from outside ASCII");
        assertThat(broken("someone", "x".repeat(64) + "y")).containsExactly("must be 12 to 64 characters long, not 65");
        assertThat(broken("someone", null)).containsExactly("is required");
        assertThat(broken("someone", "pass\u0000word-long")).singleElement().asString().contains("NUL");
    }

    /** The rules read the password in NFKC; a length that differs from what the client counted says why. */
    @org.junit.jupiter.api.Test
    void a_length_changed_by_normalization_says_so() {
        String accents = "cafe\u0301-latte1";
        assertThat(accents.codePointCount(0, accents.length())).isEqualTo(12);
        assertThat(broken("someone", accents)).containsExactly("must be 12 to 64 characters long, not 11 (counted in"
                + " Unicode NFKC, the form every password is checked in; as sent it has 12)");
        String ligatures = "\ufb00".repeat(33);
        assertThat(broken("someone", ligatures)).containsExactly("must be 12 to 64 characters long, not 66 (counted in"
                + " Unicode NFKC, the form every password is checked in; as sent it has 33)");
        assertThat(broken("someone", "caf\u00e9-latte1")).as("the same password sent composed").containsExactly(
                "must be 12 to 64 characters long, not 11");
    }

    /** Blank characters at either end are kept in the password but not counted, and the refusal says so. */
    @org.junit.jupiter.api.Test
    void blank_ends_do_not_count_and_the_refusal_says_so() {
        assertThat(broken("someone", "   short-pass1   ")).containsExactly(
                "must be 12 to 64 characters long, not counting blank characters at either end, not 11");
        assertThat(broken("someone", "          abcd-xyz")).containsExactly(
                "must be 12 to 64 characters long, not counting blank characters at either end, not 8");
        assertThat(broken("someone", "\u3000abcd-xyz-pq\u2003")).as("any blank, not only U+0020").containsExactly(
                "must be 12 to 64 characters long, not counting blank characters at either end, not 11");
        assertThat(broken("someone", "  correct-horse-battery  ")).as("long enough without its blank ends").isEmpty();
        assertThat(broken("someone", "short  pass-1")).as("inner blanks count").isEmpty();
    }
}
