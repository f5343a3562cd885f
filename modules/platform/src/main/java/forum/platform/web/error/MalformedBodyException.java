package forum.platform.web.error;

import forum.platform.web.problem.ProblemType;
import java.io.IOException;
import org.springframework.http.ProblemDetail;

/**
 * Thrown while a body is read ({@link BodyFieldPrecheck}) when its bytes cannot be a JSON object: text that is not
 * UTF-8 ({@link Utf8Body#fault}), or the JSON literal {@code null}, which Jackson reads as no body at all. Answered by
 * {@link ProblemDetailsAdvice} as a 400 {@code malformed-request} whose detail is this exception's message.
 */
final class MalformedBodyException extends IOException {

    /** @param detail what is wrong with the body and what to send, in the client's terms */
    MalformedBodyException(String detail) {
        super(detail);
    }

    /** The 400 problem that says what is wrong with the body. */
    ProblemDetail problem() {
        return ProblemType.MALFORMED_REQUEST.problem(getMessage());
    }
}
