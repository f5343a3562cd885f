package forum.users.internal.auth;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import forum.users.AccessToken;
import forum.users.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs access tokens (JWT, RFC 7519) with the active signing key, through Spring Security's Nimbus encoder. A token
 * names the user (its id as {@code sub}, its username as {@code preferred_username}), the issuer ({@code iss}), the
 * audience ({@code aud}), when it was issued and when it expires (the lifetime, 15 minutes by default) and has a
 * unique id ({@code jti}); its header names the key ({@code kid}) and algorithm.
 */
public final class TokenIssuer {

    private final SigningKeys keys;
    private final NimbusJwtEncoder encoder;
    private final String issuer;
    private final List<String> audience;
    private final Duration lifetime;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, String issuer, List<String> audience, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(keys.privateKeys()));
        this.issuer = issuer;
        this.audience = List.copyOf(audience);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token for this user, as the login route answers it. */
    public AccessToken issue(User user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(audience)
                .subject(Long.toString(user.id().value()))
                .claim("preferred_username", user.username())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.from(keys.algorithm().getName()))
                .keyId(keys.active().getKeyID())
                .type("JWT")
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, "Bearer", lifetime.toSeconds());
    }
}
