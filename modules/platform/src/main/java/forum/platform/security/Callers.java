package forum.platform.security;

import forum.platform.FieldViolation;
import forum.platform.ForbiddenException;
import forum.platform.ReferenceNotFoundException;
import java.util.Optional;
import java.util.function.LongFunction;
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
    private static long author(String field, Long claimed) {
        long caller = userId().orElseThrow(() -> new IllegalStateException("a write without a verified caller"));
        if (claimed != null && claimed != caller) {
            throw new ForbiddenException("You write as user " + caller + "; the request names user " + claimed + " as "
                    + field, new FieldViolation(field, "must be you (user " + caller + ") or left out, not user " + claimed));
        }
        return caller;
    }

    /**
     * Runs a write as its author, the caller ({@link #author}). A validly signed token may still name a user this
     * forum does not have (its database restored from before the user signed up, or a token of another deployment
     * that shares the signing keys): the write's own check of its author then finds no such user, which is the
     * token's fault, not the body's, so it is refused as a token is (401 {@code invalid_token}), not as input (422
     * naming a field the body may not even have sent).
     *
     * @param field   the body's author field, e.g. {@code createdBy}; the write names its author by this field when
     *                it refuses one that does not exist
     * @param claimed the author the body names, or null
     * @param write   the write, given the caller's user id
     * @param <T>     what the write returns
     * @return what the write returned
     * @throws ForbiddenException if the body names another user (HTTP 403), before the write runs
     * @throws org.springframework.security.oauth2.server.resource.InvalidBearerTokenException if the caller's user
     *         does not exist (HTTP 401, answered by Spring Security's exception translation); nothing was written
     * @throws ReferenceNotFoundException as the write throws it, for any other reference that does not exist
     */
    public static <T> T writeAs(String field, Long claimed, LongFunction<T> write) {
        long author = author(field, claimed);
        try {
            return write.apply(author);
        } catch (ReferenceNotFoundException missing) {
            if (missing.violations().stream().anyMatch(violation -> violation.field().equals(field))) {
                throw new UnknownCallerException(author);
            }
            throw missing;
        }
    }
}
