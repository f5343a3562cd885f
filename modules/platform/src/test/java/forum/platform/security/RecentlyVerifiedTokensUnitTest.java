package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A verified token is remembered by its exact bytes for the JWK set's time-to-live: its signature is not checked again,
 * its claims are, and a token that failed, or any other bytes, is checked each time.
 */
class RecentlyVerifiedTokensUnitTest {

    private final ECKey key = generate("remembered");
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final RecentlyVerifiedTokens processor = new RecentlyVerifiedTokens(countingVerifier(key),
            Duration.ofMinutes(5), 2, nanos::get);

    @Test
    void the_same_token_is_verified_once_within_the_time_to_live_then_again() throws Exception {
        String token = token(key, Instant.now().plusSeconds(600));

        JWTClaimsSet first = processor.process(token, null);
        JWTClaimsSet again = processor.process(JWTParser.parse(token), null);
        assertThat(again).isEqualTo(first);
        assertThat(signatureChecks).hasValue(1);

        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        processor.process(token, null);
        assertThat(signatureChecks).as("forgotten after the JWK set's time-to-live").hasValue(2);
    }

    @Test
    void other_bytes_are_another_token_and_a_refused_token_is_checked_every_time() throws Exception {
        String token = token(key, Instant.now().plusSeconds(600));
        processor.process(token, null);
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + token(key, Instant.now().plusSeconds(700)).split("\\.")[2];
        String forged = token(generate("remembered"), Instant.now().plusSeconds(600)); // same key id, another key

        for (String refused : List.of(otherSignature, forged, otherSignature)) {
            assertThatThrownBy(() -> processor.process(refused, null)).isInstanceOf(BadJWSException.class);
        }
        assertThat(signatureChecks).hasValue(4);
    }

    @Test
    void at_most_the_given_number_of_tokens_is_remembered() throws Exception {
        List<String> tokens = List.of(token(key, Instant.now().plusSeconds(600)), token(key, Instant.now().plusSeconds(601)),
                token(key, Instant.now().plusSeconds(602)));
        for (int round = 0; round < 3; round++) {
            for (String token : tokens) {
                processor.process(token, null);
            }
        }
        assertThat(signatureChecks.get()).as("three tokens through a cache of two").isGreaterThan(3);
    }

    @Test
    void a_remembered_token_is_still_refused_once_it_has_expired() throws Exception {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri("urn:forum:users");
        jwt.setAudiences(List.of("urn:forum:api"));
        TokenSettings settings = new TokenSettings("users", "/api/users/jwks.json", null, null, Duration.ZERO);
        JwtDecoder decoder = TokenVerification.decoder(jwt, settings, () -> new JWKSet(key.toPublicJWK()), null);
        String shortLived = token(key, Instant.now().plusSeconds(2));

        assertThat(decoder.decode(shortLived).getSubject()).isEqualTo("1");
        assertThat(decoder.decode(shortLived).getClaimAsString("iss")).as("the issuer stays text").isEqualTo("urn:forum:users");
        Thread.sleep(Duration.ofMillis(2_100));
        assertThatThrownBy(() -> decoder.decode(shortLived)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    private DefaultJWTProcessor<SecurityContext> countingVerifier(ECKey trusted) {
        DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>() {
            @Override
            public JWTClaimsSet process(SignedJWT token, SecurityContext context)
                    throws com.nimbusds.jose.proc.BadJOSEException, JOSEException {
                signatureChecks.incrementAndGet();
                return super.process(token, context);
            }
        };
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(trusted.toPublicJWK()))));
        verifier.setJWTClaimsSetVerifier((claims, context) -> { });
        return verifier;
    }

    private static String token(ECKey signer, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("urn:forum:users").audience("urn:forum:api").subject("1")
                .issueTime(new Date()).expirationTime(Date.from(expires)).build();
        SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).build(), claims);
        signed.sign(new ECDSASigner(signer));
        return signed.serialize();
    }

    private static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
