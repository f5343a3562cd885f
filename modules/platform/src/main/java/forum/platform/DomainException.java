package forum.platform;

import java.util.List;

/**
 * A domain outcome that is not a success. Each subtype stands for one HTTP status, so the same outcome
 * reads the same whether a module is called in-process or over HTTP.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ResourceNotFoundException, ConflictException, ReferenceNotFoundException, ValidationException,
        ForbiddenException, CredentialsRejectedException, RateLimitedException {

    private final List<FieldViolation> violations;

    protected DomainException(String message, List<FieldViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /**
     * The problem {@code type} this outcome is answered with over HTTP; a remote caller turns a problem
     * of this type back into the same outcome.
     */
    public abstract String problemType();

    /** The fields at fault, if the outcome is about input; empty otherwise. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
