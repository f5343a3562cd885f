package forum.platform;

import java.util.List;

/** The addressed resource does not exist (HTTP 404). */
public non-sealed class ResourceNotFoundException extends DomainException {

    public static final String TYPE = "urn:forum:problem:not-found";

    public ResourceNotFoundException(String message) {
        super(message, List.of());
    }

    @Override
    public String problemType() {
        return TYPE;
    }
}
