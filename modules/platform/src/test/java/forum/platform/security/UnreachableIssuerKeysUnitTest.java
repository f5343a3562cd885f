package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import forum.platform.security.JwkSetIssuer.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * A key id the held JWK set lacks, when the issuer's current set cannot be fetched (the issuer down, 503, 500, a body
 * that is no JWK set, no answer in time): the lookup fails as "the keys cannot be fetched" (a 503 with Retry-After),
 * not as "no such key" (a 401 telling the holder of a token the issuer may have signed with a new key to log in again,
 * while login is down); the keys the held set has still verify. A key id the issuer's freshly fetched set lacks stays
 * "no such key" (401). README.md, "Keys".
 */
class UnreachableIssuerKeysUnitTest {

    private final ECKey published = generate("published");
    /** A key the issuer starts signing with after this process fetched its set (a rotation, or another instance). */
    private final ECKey rotatedIn = generate("rotated-in");

    @Test
    void while_the_issuer_is_down_an_unknown_key_id_is_unavailable_and_a_held_key_still_found() throws Exception {
        JwkSetIssuer issuer = new JwkSetIssuer(new JWKSet(published.toPublicJWK()), Answer.KEYS);
        JWKSource<SecurityContext> keys = TokenVerification.remote(issuer.url(), settings(Duration.ofSeconds(60)));
        assertThat(keys.get(byKeyId("published"), null)).hasSize(1);

        issuer.close();
        for (int lookup = 1; lookup <= 3; lookup++) {
            // The first refetches and fails; those after it are within the refetch interval and not fetched again.
            assertThatThrownBy(() -> keys.get(byKeyId("rotated-in"), null)).as("lookup %s", lookup)
                    .isInstanceOf(KeySourceException.class).hasMessageContaining("could not be fetched");
        }
        assertThat(keys.get(byKeyId("published"), null)).as("the held key while the issuer is down").hasSize(1);
    }

    /**
     * Every way an issuer that is up can fail to give its current set, after one good fetch and before any: unknown
     * key ids are unavailable, the held set's keys are still found.
     */
    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"UNAVAILABLE", "SERVER_ERROR", "GARBAGE", "SILENT"})
    void an_issuer_that_answers_no_key_set_leaves_unknown_key_ids_unavailable(Answer failing) throws Exception {
        TokenSettings settings = settings(Duration.ofSeconds(60)); // outlasts the read timeouts of SILENT
        try (JwkSetIssuer issuer = new JwkSetIssuer(new JWKSet(published.toPublicJWK()), Answer.KEYS)) {
            JWKSource<SecurityContext> keys = TokenVerification.remote(issuer.url(), settings);
            assertThat(keys.get(byKeyId("published"), null)).hasSize(1);

            issuer.answer.set(failing);
            issuer.keys.set(new JWKSet(List.of(published.toPublicJWK(), rotatedIn.toPublicJWK())));
            assertThatThrownBy(() -> keys.get(byKeyId("rotated-in"), null)).as("an unknown key id, the issuer answering %s", failing)
                    .isInstanceOf(KeySourceException.class);
            assertThatThrownBy(() -> keys.get(byKeyId("rotated-in"), null)).as("again, within the refetch interval")
                    .isInstanceOf(KeySourceException.class);
            assertThat(keys.get(byKeyId("published"), null)).as("the held key, the issuer answering %s", failing).hasSize(1);

            JWKSource<SecurityContext> never = TokenVerification.remote(issuer.url(), settings);
            assertThatThrownBy(() -> never.get(byKeyId("published"), null)).as("no set ever fetched, the issuer answering %s", failing)
                    .isInstanceOf(KeySourceException.class);
        }
    }

    /** Once the issuer answers its set again (after the refetch interval), a key it added is found, one it lacks is not. */
    @Test
    void once_the_issuer_answers_again_a_key_it_added_is_found_and_one_it_lacks_is_not() throws Exception {
        TokenSettings settings = settings(Duration.ofSeconds(2)); // a refetch interval of 1 s
        try (JwkSetIssuer issuer = new JwkSetIssuer(new JWKSet(published.toPublicJWK()), Answer.KEYS)) {
            JWKSource<SecurityContext> keys = TokenVerification.remote(issuer.url(), settings);
            assertThat(keys.get(byKeyId("published"), null)).hasSize(1);
            issuer.answer.set(Answer.SERVER_ERROR);
            issuer.keys.set(new JWKSet(List.of(published.toPublicJWK(), rotatedIn.toPublicJWK())));
            assertThatThrownBy(() -> keys.get(byKeyId("rotated-in"), null)).isInstanceOf(KeySourceException.class);

            issuer.answer.set(Answer.KEYS);
            Thread.sleep(settings.unknownKeyRefetchInterval().toMillis() + 200);
            assertThat(keys.get(byKeyId("rotated-in"), null)).extracting(JWK::getKeyID).containsExactly("rotated-in");
            assertThat(keys.get(byKeyId("forged"), null)).as("a key id the answering issuer does not publish").isEmpty();
            assertThat(keys.get(byKeyId("forged"), null)).as("again, within the refetch interval").isEmpty();
        }
    }

    /**
     * The same through the decoder and Spring Security's provider: a token whose key the issuer's fetched set lacks is
     * a bad token ({@link InvalidBearerTokenException}: 401 invalid_token), one whose key cannot be looked up for want
     * of the current set is not ({@link AuthenticationServiceException}: ProblemSecurityHandlers' 503 unavailable).
     */
    @Test
    void through_the_decoder_an_unknown_key_is_a_bad_token_only_if_the_current_keys_were_fetched() throws Exception {
        ECKey impostor = generate("impostor");
        try (JwkSetIssuer up = new JwkSetIssuer(new JWKSet(published.toPublicJWK()), Answer.KEYS)) {
            JwtAuthenticationProvider verifier = provider(up.url());
            assertThat(verifier.authenticate(bearer(published)).getName()).isEqualTo("1");
            assertThatThrownBy(() -> verifier.authenticate(bearer(impostor)))
                    .isInstanceOf(InvalidBearerTokenException.class);
        }
        JwkSetIssuer down = new JwkSetIssuer(new JWKSet(published.toPublicJWK()), Answer.KEYS);
        JwtAuthenticationProvider verifier = provider(down.url());
        assertThat(verifier.authenticate(bearer(published)).getName()).isEqualTo("1");
        down.close();
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> verifier.authenticate(bearer(rotatedIn))).as("attempt %s", attempt)
                    .isInstanceOf(AuthenticationServiceException.class);
        }
    }

    private static JwtAuthenticationProvider provider(String jwkSetUri) {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri("urn:forum:users");
        jwt.setAudiences(List.of("urn:forum:api"));
        jwt.setJwkSetUri(jwkSetUri);
        return new JwtAuthenticationProvider(TokenVerification.decoder(jwt, settings(Duration.ofSeconds(60)), null, null));
    }

    private static BearerTokenAuthenticationToken bearer(ECKey key) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("urn:forum:users").audience("urn:forum:api").subject("1")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        signed.sign(new ECDSASigner(key));
        return new BearerTokenAuthenticationToken(signed.serialize());
    }

    private static TokenSettings settings(Duration cacheTtl) {
        return new TokenSettings("users", "/api/users/jwks.json", null, cacheTtl, null);
    }

    private static JWKSelector byKeyId(String keyId) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build());
    }

    private static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
