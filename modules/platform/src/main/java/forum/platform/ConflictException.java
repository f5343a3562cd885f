package forum.platform;

import java.util.List;

/** The request conflicts with the current state, such as a taken unique name (HTTP 409). */
public non-sealed class ConflictException extends DomainException {

    public static final String TYPE = "urn:forum:problem:conflict";

    public ConflictException(String message, FieldViolation violation) {
        super(message, List.of(violation));
    }

    @Override
    public String problemType() {
        return TYPE;
    }
}
