package forum.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The forum's own token settings ({@code forum.security.jwt.*}); issuer, audiences, JWKS location and the claim
 * that carries the user id are Spring Security's ({@code spring.security.oauth2.resourceserver.jwt.*}).
 *
 * @param issuerModule  the module that issues tokens and publishes their keys (the forum: {@code users}); where it
 *                      is local its keys are read in-process, where it is remote from its {@link #jwksPath}
 * @param jwksPath      the path of the issuer module's JWK set, below the module's URL
 * @param audienceClaim the claim that must hold one of the audiences: {@code aud} (RFC 7519), or {@code client_id}
 *                      for an issuer whose access tokens carry no {@code aud}, such as an Amazon Cognito user pool
 * @param jwksCacheTtl  how long fetched keys are used before they are fetched again; they are also kept, and
 *                      used, while the issuer cannot be reached, for as long again
 */
@ConfigurationProperties("forum.security.jwt")
public record TokenSettings(String issuerModule, String jwksPath, String audienceClaim, Duration jwksCacheTtl) {

    /** An unknown key id is looked up again at most this often (the issuer may have rotated its keys). */
    public static final Duration UNKNOWN_KEY_REFETCH_INTERVAL = Duration.ofSeconds(30);

    public TokenSettings {
        audienceClaim = audienceClaim == null || audienceClaim.isBlank() ? "aud" : audienceClaim;
        jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
    }
}
