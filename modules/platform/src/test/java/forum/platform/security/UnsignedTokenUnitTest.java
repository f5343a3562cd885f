package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A token whose header names the algorithm {@code none} (RFC 7519 section 6), in any case, is refused as unsigned: the
 * JOSE library tells {@code none} (an unsupported algorithm) and {@code None} (not a well-formed signed JWT) apart,
 * and neither is what is wrong.
 */
class UnsignedTokenUnitTest {

    private static final String CLAIMS = "{\"sub\":\"1\",\"iss\":\"urn:forum:users\",\"aud\":\"urn:forum:api\",\"exp\":4102444800}";

    @Test
    void alg_none_in_any_case_is_refused_as_unsigned() {
        JwtDecoder decoder = decoder();
        for (String algorithm : List.of("none", "None", "NONE", "nOnE")) {
            for (String signature : List.of("", "c2lnbmVk")) {
                String token = part("{\"alg\":\"" + algorithm + "\"}") + "." + part(CLAIMS) + "." + signature;
                assertThatThrownBy(() -> decoder.decode(token)).as(algorithm).isInstanceOf(BadJwtException.class)
                        .hasMessage(TokenVerification.UNSIGNED);
            }
        }
    }

    @Test
    void other_algorithms_and_unreadable_headers_are_left_to_the_decoder() {
        JwtDecoder decoder = decoder();
        for (String token : List.of(part("{\"alg\":\"HS256\"}") + "." + part(CLAIMS) + ".c2ln", "not-a-token",
                part("{\"alg\":[\"none\"]}") + "." + part(CLAIMS) + ".", "%%%." + part(CLAIMS) + ".")) {
            assertThatThrownBy(() -> decoder.decode(token)).as(token).isInstanceOf(BadJwtException.class)
                    .message().isNotEqualTo(TokenVerification.UNSIGNED);
        }
    }

    @Test
    void the_401_says_the_token_is_unsigned() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemSecurityHandlers(null).commence(new MockHttpServletRequest("GET", "/api/users/1"), response,
                new InvalidBearerTokenException(TokenVerification.UNSIGNED));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("The access token is not valid: it is unsigned (alg none), and"
                + " unsigned tokens are not accepted: only tokens the issuer signed are");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"").contains("unsigned");
    }

    private static JwtDecoder decoder() {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri("urn:forum:users");
        jwt.setAudiences(List.of("urn:forum:api"));
        TokenSettings settings = new TokenSettings("users", "/api/users/jwks.json", null, null, null);
        return TokenVerification.decoder(jwt, settings, () -> new JWKSet(key().toPublicJWK()), null);
    }

    private static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("unsigned").generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
