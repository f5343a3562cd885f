package forum.platform.security;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A verified token whose subject is a user this forum does not have ({@link Callers#writeAs}). An authentication
 * failure, so that Spring Security answers it as every other invalid token: 401 with {@code WWW-Authenticate: Bearer
 * error="invalid_token"} (RFC 6750 section 3.1), the message being the problem's reason.
 */
final class UnknownCallerException extends InvalidBearerTokenException {

    private static final long serialVersionUID = 1L;

    /** @param userId the token's subject */
    UnknownCallerException(long userId) {
        super("it names user " + userId + ", and this forum has no such user");
    }
}
