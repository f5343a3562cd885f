package forum.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ValidationUnitTest {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    private static List<FieldViolation> violations(Runnable check) {
        ValidationException failure = catchThrowableOfType(ValidationException.class, check::run);
        assertThat(failure).as("expected a ValidationException").isNotNull();
        return failure.violations();
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ValidationException failure = catchThrowableOfType(ValidationException.class, () -> Validation.of()
                .text("username", null, 3, 20)
                .matches("handle", "Not Valid!", NAME, "may only contain a-z, 0-9 and _")
                .required("thread", null)
                .range("age", 7, 13, 150)
                .text("title", "ok title", 1, 100)
                .check());

        assertThat(failure.violations()).containsExactly(
                new FieldViolation("username", "is required"),
                new FieldViolation("handle", "may only contain a-z, 0-9 and _"),
                new FieldViolation("thread", "is required"),
                new FieldViolation("age", "must be from 13 to 150, not 7"));
        assertThat(failure).hasMessage("Invalid input: username is required; handle may only contain a-z, 0-9 and _;"
                + " thread is required; age must be from 13 to 150, not 7");
        assertThat(failure.problemType()).isEqualTo("urn:forum:problem:validation");
    }

    @Test
    void validInputPasses() {
        assertThatCode(() -> Validation.of()
                .text("username", "alice", 3, 20)
                .matches("username", "alice_2", NAME, "rule")
                .required("thread", 5L)
                .range("age", 13, 13, 150)
                .check()).doesNotThrowAnyException();
    }

    @Test
    void textBoundsCountTheTrimmedCharacters() {
        assertThatCode(() -> Validation.of().text("name", "  abc  ", 3, 3).check()).doesNotThrowAnyException();
        assertThatCode(() -> Validation.of().text("name", "abcde", 3, 5).check()).doesNotThrowAnyException();

        assertThat(violations(() -> Validation.of().text("name", " ab ", 3, 5).check()))
                .containsExactly(new FieldViolation("name", "must be 3 to 5 characters long, not 2"));
        assertThat(violations(() -> Validation.of().text("name", "abcdef", 3, 5).check()))
                .containsExactly(new FieldViolation("name", "must be 3 to 5 characters long, not 6"));
    }

    @Test
    void missingRequiredTextIsRequiredAndBlankTextIsBlank() {
        assertThat(violations(() -> Validation.of().text("name", null, 1, 5).check()))
                .containsExactly(new FieldViolation("name", "is required"));
        assertThat(violations(() -> Validation.of().text("name", " \t ", 1, 5).check()))
                .containsExactly(new FieldViolation("name", "must not be blank"));
        assertThat(violations(() -> Validation.of().text("name", "", 1, 5).check()))
                .containsExactly(new FieldViolation("name", "must not be blank"));
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        String sixtyEmoji = "\uD83D\uDE00".repeat(60);
        assertThat(sixtyEmoji).hasSize(120);
        assertThatCode(() -> Validation.of().text("name", sixtyEmoji, 1, 60).check()).doesNotThrowAnyException();
        assertThat(violations(() -> Validation.of().text("name", sixtyEmoji, 1, 59).check()))
                .containsExactly(new FieldViolation("name", "must be 1 to 59 characters long, not 60"));
        String combining = "e\u0301".repeat(3);
        assertThat(violations(() -> Validation.of().text("name", combining, 1, 5).check()))
                .containsExactly(new FieldViolation("name", "must be 1 to 5 characters long, not 6"));
    }

    @Test
    void textThatCannotBeStoredAsSentIsRefusedWithWhereItIs() {
        assertThat(violations(() -> Validation.of().text("name", "A\u0000B", 1, 5).check()))
                .containsExactly(new FieldViolation("name", "must not hold the NUL character (U+0000, at character 2)"));
        assertThat(violations(() -> Validation.of().text("bio", "ok \uD83D", 0, 50).check()))
                .containsExactly(new FieldViolation("bio", "must not hold half of a character (the lone UTF-16 surrogate U+D83D at character 4): send the whole character"));
        assertThat(violations(() -> Validation.of().text("bio", "\uDE00x", 0, 50).check()))
                .extracting(FieldViolation::message).singleElement().asString().contains("U+DE00 at character 1");
        assertThat(violations(() -> Validation.of().text("title", "bell\u0007", 1, 50).check()))
                .containsExactly(new FieldViolation("title", "must not hold the control character U+0007 (at character 5)"));
        assertThat(violations(() -> Validation.of().text("title", "\u0085x", 1, 50).check()))
                .extracting(FieldViolation::message).singleElement().asString().contains("U+0085");
        assertThat(violations(() -> Validation.of().text("username", "\u0000", 1, 5)
                .matches("username", "\u0000", NAME, "rule").check())).hasSize(1);
    }

    @Test
    void tabsLineBreaksAndWholeEmojiAreStorable() {
        assertThatCode(() -> Validation.of().text("bio", "line 1\r\nline 2\ttab \uD83D\uDE00", 0, 50).check())
                .doesNotThrowAnyException();
    }

    @Test
    void optionalTextMayBeMissingButNotTooLong() {
        assertThatCode(() -> Validation.of().text("bio", null, 0, 5).text("bio", "  ", 0, 5).check())
                .doesNotThrowAnyException();
        assertThat(violations(() -> Validation.of().text("bio", "abcdef", 0, 5).check()))
                .containsExactly(new FieldViolation("bio", "must be 0 to 5 characters long, not 6"));
    }

    @Test
    void patternsApplyToTheTrimmedTextAndSkipMissingText() {
        assertThatCode(() -> Validation.of().matches("name", " alice ", NAME, "rule").check()).doesNotThrowAnyException();
        assertThatCode(() -> Validation.of().matches("name", null, NAME, "rule").check()).doesNotThrowAnyException();
        assertThat(violations(() -> Validation.of().matches("name", "Alice", NAME, "is lowercase").check()))
                .containsExactly(new FieldViolation("name", "is lowercase"));
    }

    @Test
    void aValidationExceptionNeedsAViolation() {
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagingAcceptsLimitsFrom1To1000AndOffsetsFrom0() {
        assertThatCode(() -> Paging.check(1, 0)).doesNotThrowAnyException();
        assertThatCode(() -> Paging.check(Paging.DEFAULT_LIMIT, 0)).doesNotThrowAnyException();
        assertThatCode(() -> Paging.check(1000, 5_000_000)).doesNotThrowAnyException();
        assertThatCode(() -> Paging.check(1000, Paging.MAX_OFFSET)).doesNotThrowAnyException();
        assertThat(Paging.MAX_LIMIT).isEqualTo(1000);
        assertThat(Paging.DEFAULT_LIMIT).isEqualTo(100);
    }

    @Test
    void pagingRefusesLimitsOutside1To1000() {
        assertThat(violations(() -> Paging.check(0, 0)))
                .containsExactly(new FieldViolation("limit", "must be from 1 to 1000, not 0"));
        assertThat(violations(() -> Paging.check(1001, 0)))
                .containsExactly(new FieldViolation("limit", "must be from 1 to 1000, not 1001"));
        assertThat(violations(() -> Paging.check(-5, 0))).extracting(FieldViolation::field).containsExactly("limit");
    }

    @Test
    void pagingRefusesNegativeOffsetsAndReportsBothProblemsAtOnce() {
        assertThat(violations(() -> Paging.check(10, -1))).extracting(FieldViolation::field).containsExactly("offset");
        assertThat(violations(() -> Paging.check(10, Paging.MAX_OFFSET + 1)))
                .containsExactly(new FieldViolation("offset", "must be from 0 to 1000000000, not 1000000001"));
        assertThat(violations(() -> Paging.check(0, -1))).extracting(FieldViolation::field)
                .containsExactly("limit", "offset");
    }
}
