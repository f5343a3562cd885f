package forum.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Violations found while a body was read are told with the module's own, in one answer. */
class InputViolationsUnitTest {

    @BeforeEach
    void aRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void heldViolationsReplaceTheModulesOfTheSameFieldAndJoinTheRest() {
        InputViolations.hold(List.of(new FieldViolation("thread", "must be a positive whole number"),
                new FieldViolation("extra", "is not a field of this request")));
        assertThat(InputViolations.held()).isTrue();

        ValidationException failure = catchThrowableOfType(ValidationException.class, () -> Validation.of()
                .required("thread", null)
                .text("text", "", 1, 10)
                .check());

        assertThat(failure.violations()).extracting(FieldViolation::toString).containsExactly(
                "thread must be a positive whole number", "text must not be blank", "extra is not a field of this request");
        assertThat(InputViolations.held()).as("told once").isFalse();
    }

    @Test
    void heldViolationsFailAValidationThatFindsNothingElse() {
        InputViolations.hold(List.of(new FieldViolation("bio", "must be a string, not a whole number")));

        ValidationException failure = catchThrowableOfType(ValidationException.class, () -> Validation.of()
                .text("bio", null, 0, 1000)
                .check());

        assertThat(failure.violations()).extracting(FieldViolation::field).containsExactly("bio");
    }

    @Test
    void withoutHeldViolationsAValidValidationPasses() {
        Validation.of().text("text", "fine", 1, 10).check();
        assertThat(InputViolations.mergeInto(List.of())).isEmpty();
    }

    @Test
    void aProblemNamesTenViolationsAndCountsTheRest() {
        List<FieldViolation> many = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new FieldViolation("p" + i, "is not a parameter")).toList();
        ValidationException failure = new ValidationException(many);
        assertThat(failure.violations()).hasSize(10);
        assertThat(failure.getMessage()).startsWith("Invalid input: p0 is not a parameter; p1").endsWith("p9 is not a parameter; and 2 more");
    }
}
