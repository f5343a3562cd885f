package forum.platform;

import java.util.List;

/**
 * The input breaks the rules of its fields (HTTP 400); every failing field is listed, up to {@link #LISTED} of
 * them: a query string of a thousand unknown parameters gets an answer of ten, and the detail says how many more
 * there are.
 */
public non-sealed class ValidationException extends DomainException {

    public static final String TYPE = "urn:forum:problem:validation";

    /** At most this many violations are named, in the detail and in {@code errors}. */
    public static final int LISTED = 10;

    /**
     * @param violations every violation found, in the order they are to be told; not empty
     * @throws IllegalArgumentException if there is none
     */
    public ValidationException(List<FieldViolation> violations) {
        super(describe(violations), violations.subList(0, Math.min(LISTED, violations.size())));
    }

    /**
     * The detail of a problem about these violations: {@code "Invalid input: "} and each named violation,
     * separated by {@code "; "}, then {@code "; and N more"} for those past {@link #LISTED}.
     *
     * @param violations every violation found; not empty
     * @return the detail
     * @throws IllegalArgumentException if there is none
     */
    public static String describe(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        String named = String.join("; ", violations.stream().limit(LISTED).map(FieldViolation::toString).toList());
        int more = violations.size() - LISTED;
        return "Invalid input: " + named + (more > 0 ? "; and " + more + " more" : "");
    }

    @Override
    public String problemType() {
        return TYPE;
    }
}
