package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Clocks disagree, so a token is still taken {@code forum.security.jwt.clock-skew} after its {@code exp} (60 s unless
 * set, Spring Security's default) and already that long before its {@code nbf}; set to zero, not a second past.
 */
class TokenClockSkewUnitTest {

    private final ECKey key = generate();

    @Test
    void a_token_is_taken_up_to_60_s_after_its_expiry_unless_the_skew_is_set() throws Exception {
        JwtDecoder byDefault = decoder(null);
        assertThat(byDefault.decode(token(Instant.now().minusSeconds(45), null)).getSubject()).isEqualTo("1");
        assertThatThrownBy(() -> byDefault.decode(token(Instant.now().minusSeconds(75), null)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");

        JwtDecoder none = decoder(Duration.ZERO);
        assertThatThrownBy(() -> none.decode(token(Instant.now().minusSeconds(2), null)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");

        JwtDecoder fiveMinutes = decoder(Duration.ofMinutes(5));
        assertThat(fiveMinutes.decode(token(Instant.now().minusSeconds(240), null)).getSubject()).isEqualTo("1");
    }

    @Test
    void a_token_is_taken_as_much_before_its_not_before_time() throws Exception {
        Instant expires = Instant.now().plusSeconds(600);
        assertThat(decoder(null).decode(token(expires, Instant.now().plusSeconds(45))).getSubject()).isEqualTo("1");
        assertThatThrownBy(() -> decoder(Duration.ZERO).decode(token(expires, Instant.now().plusSeconds(45))))
                .isInstanceOf(JwtValidationException.class);
    }

    private JwtDecoder decoder(Duration clockSkew) {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri("urn:forum:users");
        jwt.setAudiences(List.of("urn:forum:api"));
        TokenSettings settings = new TokenSettings("users", "/api/users/jwks.json", null, null, clockSkew);
        return TokenVerification.decoder(jwt, settings, () -> new JWKSet(key.toPublicJWK()), null);
    }

    private String token(Instant expires, Instant notBefore) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("urn:forum:users").audience("urn:forum:api")
                .subject("1").issueTime(Date.from(Instant.now().minusSeconds(900))).expirationTime(Date.from(expires));
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims.build());
        signed.sign(new ECDSASigner(key));
        return signed.serialize();
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("skew").generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
