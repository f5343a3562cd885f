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
 * @param clockSkew     how far the clocks of the issuer and of this process may disagree: a token is still taken
 *                      this long after its {@code exp}, and already this long before its {@code nbf}; default
 *                      {@link #DEFAULT_CLOCK_SKEW}, zero or more
 */
@ConfigurationProperties("forum.security.jwt")
public record TokenSettings(String issuerModule, String jwksPath, String audienceClaim, Duration jwksCacheTtl,
                            Duration clockSkew) {

    /** The clock skew allowed unless set: Spring Security's own default. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    /** An unknown key id is looked up again at most this often (the issuer may have rotated its keys). */
    public static final Duration UNKNOWN_KEY_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /** The shortest cache time-to-live: a JWK set is not fetched for every token. */
    public static final Duration MIN_JWKS_CACHE_TTL = Duration.ofSeconds(2);

    /**
     * @throws IllegalArgumentException if {@code jwksCacheTtl} is shorter than {@link #MIN_JWKS_CACHE_TTL}, or
     *                                  {@code clockSkew} is negative, which Spring Boot reports as a binding failure
     *                                  of {@code forum.security.jwt}
     */
    public TokenSettings {
        audienceClaim = audienceClaim == null || audienceClaim.isBlank() ? "aud" : audienceClaim;
        jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
        if (jwksCacheTtl.compareTo(MIN_JWKS_CACHE_TTL) < 0) {
            throw new IllegalArgumentException("forum.security.jwt.jwks-cache-ttl is " + jwksCacheTtl.toMillis()
                    + " ms; set it to " + MIN_JWKS_CACHE_TTL.toSeconds() + " s or more (the default is 5 minutes)");
        }
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("forum.security.jwt.clock-skew is " + clockSkew.toMillis()
                    + " ms; set it to 0 or more (the default is " + DEFAULT_CLOCK_SKEW.toSeconds() + " s)");
        }
    }

    /**
     * How often, at most, an unknown key id makes the JWK set be fetched again: {@link #UNKNOWN_KEY_REFETCH_INTERVAL},
     * or half the cache time-to-live where that is shorter (a key published since the last fetch is then found
     * within the cache's own time, and Nimbus requires the interval to be below the time-to-live).
     */
    public Duration unknownKeyRefetchInterval() {
        Duration half = jwksCacheTtl.dividedBy(2);
        return half.compareTo(UNKNOWN_KEY_REFETCH_INTERVAL) < 0 ? half : UNKNOWN_KEY_REFETCH_INTERVAL;
    }
}
