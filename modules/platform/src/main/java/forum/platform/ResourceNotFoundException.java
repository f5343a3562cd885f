package forum.platform;

import java.util.List;

/** The addressed resource does not exist (HTTP 404). */
public non-sealed class ResourceNotFoundException extends DomainException {

    public ResourceNotFoundException(String message) {
        super(message, List.of());
    }
}
