package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * One signed token has one spelling: parts in unpadded base64url whose unused low bits are zero (RFC 7515 section 2).
 * The JOSE library also reads {@code =} padding and non-zero unused bits, which decode to the same bytes, so without
 * the check each variant of a token verified as the token itself. In: a token signed with a test key, and variants of
 * it; out: the claims, or a {@link BadJwtException} saying the token is malformed.
 */
class CanonicalBase64UrlTokenUnitTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final ECKey key = key();
    private final JwtDecoder decoder = decoder(key);

    @Test
    void the_token_as_signed_verifies() throws JOSEException {
        assertThat(decoder.decode(signed()).getSubject()).isEqualTo("1");
    }

    @Test
    void padding_or_non_zero_unused_bits_in_any_part_are_refused_as_malformed() throws JOSEException {
        String token = signed();
        String[] parts = token.split("\\.");
        // ES256: a 64-byte signature is 86 characters (4n + 2), whose last one carries 4 unused bits.
        assertThat(parts[2].length() % 4).isEqualTo(2);
        List<String> variants = List.of(
                token + "=",
                token + "==",
                parts[0] + "=." + parts[1] + "." + parts[2],
                withUnusedBits(parts[2], 0b0001, parts[0] + "." + parts[1] + "."),
                withUnusedBits(parts[2], 0b1000, parts[0] + "." + parts[1] + "."),
                token.replace('-', '+').replace('_', '/'));
        for (String variant : variants) {
            if (variant.equals(token)) {
                continue; // replacing '-' and '_' changed nothing in this token
            }
            assertThatThrownBy(() -> decoder.decode(variant)).as(variant).isInstanceOf(BadJwtException.class)
                    .hasMessageContaining("Malformed");
        }
    }

    @Test
    void each_length_and_alphabet_rule_holds_on_its_own() {
        assertThatCode(() -> TokenVerification.refuseNonCanonical("QQ.QUI.QUJD..")).doesNotThrowAnyException();
        for (String bad : List.of("QR", "QUJ", "Q", "QUJDR", "QU=", "QU I", "QU+", "QU/", "QUé")) {
            assertThatThrownBy(() -> TokenVerification.refuseNonCanonical("QUJD." + bad)).as(bad)
                    .isInstanceOf(BadJwtException.class).hasMessage(TokenVerification.NOT_BASE64URL);
        }
    }

    /** The token's signature with {@code bits} set in its last character's unused low bits. */
    private static String withUnusedBits(String signature, int bits, String prefix) {
        int last = ALPHABET.indexOf(signature.charAt(signature.length() - 1));
        return prefix + signature.substring(0, signature.length() - 1) + ALPHABET.charAt(last | bits);
    }

    private String signed() throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("1").issuer("urn:forum:users").audience("urn:forum:api")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static JwtDecoder decoder(ECKey key) {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri("urn:forum:users");
        jwt.setAudiences(List.of("urn:forum:api"));
        TokenSettings settings = new TokenSettings("users", "/api/users/jwks.json", null, null, null);
        return TokenVerification.decoder(jwt, settings, () -> new JWKSet(key.toPublicJWK()), null);
    }

    private static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("canonical").generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
