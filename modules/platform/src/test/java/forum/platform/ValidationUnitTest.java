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
                .text("username", "", 3, 20)
                .matches("handle", "Not Valid!", NAME, "may only contain a-z, 0-9 and _")
                .required("thread", null)
                .range("age", 7, 13, 150)
                .text("title", "ok title", 1, 100)
                .check());

        assertThat(failure.violations()).containsExactly(
                new FieldViolation("username", "is required"),
                new FieldViolation("handle", "may only contain a-z, 0-9 and _"),
                new FieldViolation("thread", "is required"),
                new FieldViolation("age", "must be between 13 and 150"));
        assertThat(failure).hasMessage("Invalid input: username is required; handle may only contain a-z, 0-9 and _;"
                + " thread is required; age must be between 13 and 150");
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
                .containsExactly(new FieldViolation("name", "must be 3 to 5 characters long"));
        assertThat(violations(() -> Validation.of().text("name", "abcdef", 3, 5).check()))
                .containsExactly(new FieldViolation("name", "must be 3 to 5 characters long"));
    }

    @Test
    void missingOrBlankRequiredTextIsRequired() {
        assertThat(violations(() -> Validation.of().text("name", null, 1, 5).check()))
                .containsExactly(new FieldViolation("name", "is required"));
        assertThat(violations(() -> Validation.of().text("name", " \t ", 1, 5).check()))
                .containsExactly(new FieldViolation("name", "is required"));
    }

    @Test
    void optionalTextMayBeMissingButNotTooLong() {
        assertThatCode(() -> Validation.of().text("bio", null, 0, 5).text("bio", "  ", 0, 5).check())
                .doesNotThrowAnyException();
        assertThat(violations(() -> Validation.of().text("bio", "abcdef", 0, 5).check()))
                .containsExactly(new FieldViolation("bio", "must be 0 to 5 characters long"));
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
                .containsExactly(new FieldViolation("limit", "must be between 1 and 1000"));
        assertThat(violations(() -> Paging.check(1001, 0)))
                .containsExactly(new FieldViolation("limit", "must be between 1 and 1000"));
        assertThat(violations(() -> Paging.check(-5, 0))).extracting(FieldViolation::field).containsExactly("limit");
    }

    @Test
    void pagingRefusesNegativeOffsetsAndReportsBothProblemsAtOnce() {
        assertThat(violations(() -> Paging.check(10, -1))).extracting(FieldViolation::field).containsExactly("offset");
        assertThat(violations(() -> Paging.check(10, Paging.MAX_OFFSET + 1))).extracting(FieldViolation::field)
                .containsExactly("offset");
        assertThat(violations(() -> Paging.check(0, -1))).extracting(FieldViolation::field)
                .containsExactly("limit", "offset");
    }
}
