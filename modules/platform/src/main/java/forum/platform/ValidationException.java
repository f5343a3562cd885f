package forum.platform;

import java.util.List;

/** The input breaks the rules of its fields (HTTP 400); every failing field is listed. */
public non-sealed class ValidationException extends DomainException {

    public static final String TYPE = "urn:forum:problem:validation";

    public ValidationException(List<FieldViolation> violations) {
        super("Invalid input: " + String.join("; ", violations.stream().map(FieldViolation::toString).toList()),
                violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
    }

    @Override
    public String problemType() {
        return TYPE;
    }
}
