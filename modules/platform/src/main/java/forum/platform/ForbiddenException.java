package forum.platform;

import java.util.List;

/**
 * The caller is known but may not do this (HTTP 403): for example a body that names another user as its author.
 * The fields at fault are listed.
 */
public non-sealed class ForbiddenException extends DomainException {

    public static final String TYPE = "urn:forum:problem:forbidden";

    public ForbiddenException(String message, FieldViolation violation) {
        super(message, List.of(violation));
    }

    @Override
    public String problemType() {
        return TYPE;
    }
}
