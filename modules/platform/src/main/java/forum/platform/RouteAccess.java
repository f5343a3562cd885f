package forum.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a route of a module's contract: every method of a {@link ModuleApi} interface says it, and every
 * process's security rules are derived from it (forum.platform.security). A route without it does not start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RouteAccess {

    Caller value();

    /** The callers a route admits, in Spring Security's terms. */
    enum Caller {
        /**
         * Anyone, with or without a token ({@code permitAll}). On a read, a token that is sent must still be valid
         * (RFC 6750: 401 {@code invalid_token}). A write open to anyone (signing up, logging in: the routes that
         * obtain credentials) reads no token at all, so a client with an expired or bad one can still get a new one.
         */
        ANYONE,
        /** A user with a valid access token ({@code authenticated}); without one, 401. */
        USER
    }
}
