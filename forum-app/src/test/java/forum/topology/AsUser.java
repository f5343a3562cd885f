package forum.topology;

import com.nimbusds.jwt.SignedJWT;
import forum.users.Credentials;
import forum.users.UsersApi;
import java.text.ParseException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Runs a contract call as a user, the way a request of theirs would: their verified token in the security context,
 * so a call to a remote module carries it (token relay) and the module verifies it.
 */
final class AsUser {

    private AsUser() {
    }

    /** A real token, from the users module's login route (in-process or over HTTP, as {@code users} is). */
    static String login(UsersApi users, String username, String password) {
        return users.login(new Credentials(username, password)).accessToken();
    }

    static <T> T call(String token, Supplier<T> action) {
        try {
            SignedJWT parsed = SignedJWT.parse(token);
            Jwt jwt = Jwt.withTokenValue(token).headers(headers -> headers.putAll(parsed.getHeader().toJSONObject()))
                    .claims(claims -> {
                        try {
                            claims.putAll(parsed.getJWTClaimsSet().toJSONObject());
                        } catch (ParseException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .claim("iat", parsed.getJWTClaimsSet().getIssueTime().toInstant())
                    .claim("exp", parsed.getJWTClaimsSet().getExpirationTime().toInstant())
                    .build();
            SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
            return action.get();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
