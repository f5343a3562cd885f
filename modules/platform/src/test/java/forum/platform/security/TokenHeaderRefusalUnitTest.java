package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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
 * A token is refused for what its JOSE header says, and the 401's detail says that, never the catch-all "it was
 * refused": a header naming the algorithm {@code none} (RFC 7519 section 6), in any case, as unsigned (the JOSE
 * library tells {@code none}, an unsupported algorithm, and {@code None}, not a well-formed signed JWT, apart, and
 * neither is what is wrong); an encrypted token (JWE, five parts) as encrypted; a header that is no JSON object as not
 * well-formed.
 */
class TokenHeaderRefusalUnitTest {

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

    /** RFC 7516's compact serialization: five parts, the header naming a key management and a content algorithm. */
    @Test
    void an_encrypted_token_is_refused_as_encrypted() throws Exception {
        String jwe = part("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}") + ".a2V5.aXY.Y2lwaGVy.dGFn";
        assertThat(refusal(jwe)).contains("\"detail\":\"The access token is not valid: it is encrypted (JWE), and only"
                + " signed tokens (JWS) are accepted. Log in again (POST /api/users/login) for a new one\"");
    }

    @Test
    void a_header_that_is_no_json_object_is_refused_as_not_well_formed() throws Exception {
        for (String header : List.of("null", "[1]", "1", "\"ES256\"", "true", "{")) {
            String token = part(header) + "." + part(CLAIMS) + ".c2ln";
            assertThat(refusal(token)).as(header).contains("\"detail\":\"The access token is not valid: it is not a"
                    + " well-formed signed JWT. Log in again (POST /api/users/login) for a new one\"");
        }
    }

    /** {@code token} decoded as the resource server does, and its refusal answered: the 401's body. */
    private static String refusal(String token) throws Exception {
        Throwable thrown = catchThrowable(() -> decoder().decode(token));
        assertThat(thrown).as(token).isInstanceOf(BadJwtException.class);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemSecurityHandlers(null).commence(new MockHttpServletRequest("POST", "/api/threads"), response,
                new InvalidBearerTokenException(thrown.getMessage(), thrown));
        assertThat(response.getStatus()).isEqualTo(401);
        return response.getContentAsString();
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
