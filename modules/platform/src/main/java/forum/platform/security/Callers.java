package forum.platform.security;

import forum.platform.FieldViolation;
import forum.platform.ForbiddenException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the user id of the request's verified token, and the rule that a user writes only as themself.
 */
public final class Callers {

    private Callers() {
    }

    /** The verified caller's user id, if the request carries a valid token. */
    public static Optional<Long> userId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && authentication.isAuthenticated()) {
            return Optional.of(Long.parseLong(token.getName()));
        }
        return Optional.empty();
    }

    /** The verified caller's token as sent, to relay to the modules called on its behalf. */
    public static Optional<String> token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && authentication.isAuthenticated()) {
            return Optional.of(token.getToken().getTokenValue());
        }
        return Optional.empty();
    }

    /**
     * The author of a write: the caller. A body may leave the author out or name the caller; one that names
     * another user is refused.
     *
     * @param field   the body's author field, e.g. {@code createdBy}
     * @param claimed the author the body names, or null
     * @return the caller's user id
     * @throws ForbiddenException if the body names another user (HTTP 403)
     * @throws IllegalStateException if the request has no verified caller (the route's security rule must require one)
     */
    public static long author(String field, Long claimed) {
        long caller = userId().orElseThrow(() -> new IllegalStateException("a write without a verified caller"));
        if (claimed != null && claimed != caller) {
            throw new ForbiddenException("You write as user " + caller + "; the request names user " + claimed + " as "
                    + field, new FieldViolation(field, "must be you (user " + caller + ") or left out, not user " + claimed));
        }
        return caller;
    }
}
