package forum.platform;

import java.util.List;

/** The input is well formed but refers to something that does not exist (HTTP 422). */
public non-sealed class ReferenceNotFoundException extends DomainException {

    public static final String TYPE = "urn:forum:problem:reference-not-found";

    public ReferenceNotFoundException(List<FieldViolation> violations) {
        super(describe(violations), violations);
    }

    private static String describe(List<FieldViolation> violations) {
        return "Referenced resource does not exist: " + String.join("; ",
                violations.stream().map(FieldViolation::toString).toList());
    }

    @Override
    public String problemType() {
        return TYPE;
    }
}
