package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.RouteAccess.Caller;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class CredentialRouteTokensUnitTest {

    private final CredentialRouteTokens tokens = new CredentialRouteTokens(List.of(
            new ContractRouteRules.Rule("things", HttpMethod.POST, "/api/things/login", Caller.ANYONE),
            new ContractRouteRules.Rule("things", HttpMethod.POST, "/api/things", Caller.ANYONE),
            new ContractRouteRules.Rule("things", HttpMethod.GET, "/api/things/{id}", Caller.ANYONE),
            new ContractRouteRules.Rule("gadgets", HttpMethod.POST, "/api/gadgets", Caller.USER)));

    @Test
    void the_writes_open_to_anyone_read_no_token_however_bad() {
        assertThat(tokens.resolve(request("POST", "/api/things/login", "Bearer not a token!"))).isNull();
        assertThat(tokens.resolve(request("POST", "/api/things", "Bearer a", "Bearer b"))).isNull();
    }

    @Test
    void every_other_route_reads_the_one_bearer_token() {
        assertThat(tokens.resolve(request("GET", "/api/things/1", "Bearer abc.def.ghi"))).isEqualTo("abc.def.ghi");
        assertThat(tokens.resolve(request("POST", "/api/gadgets", "Bearer abc.def.ghi"))).isEqualTo("abc.def.ghi");
        assertThat(tokens.resolve(request("GET", "/api/things/login"))).isNull();
        assertThatThrownBy(() -> tokens.resolve(request("GET", "/api/things/1", "Bearer not a token!")))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        invalid -> assertThat(invalid.getError().getErrorCode()).isEqualTo("invalid_token"));
    }

    @Test
    void more_than_one_credential_is_an_invalid_request() {
        for (MockHttpServletRequest ambiguous : List.of(
                request("POST", "/api/gadgets", "Bearer a", "Bearer b"),
                request("POST", "/api/gadgets", "Bearer a", "Basic Zm9vOmJhcg=="),
                request("GET", "/api/things/1", "Bearer a, Bearer b"))) {
            assertThatThrownBy(() -> tokens.resolve(ambiguous)).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                    invalid -> assertThat(invalid.getError().getErrorCode()).isEqualTo("invalid_request"));
        }
    }

    /** RFC 6750 section 2.1: {@code "Bearer" 1*SP b64token}, the scheme in any case. */
    @Test
    void one_or_more_spaces_may_come_before_the_token_and_the_scheme_is_read_in_any_case() {
        for (String field : List.of("Bearer abc.def-_~+/.ghi==", "Bearer  abc.def-_~+/.ghi==", "Bearer     abc.def-_~+/.ghi==",
                "bearer abc.def-_~+/.ghi==", "BEARER  abc.def-_~+/.ghi==")) {
            assertThat(tokens.resolve(request("GET", "/api/things/1", field))).as(field).isEqualTo("abc.def-_~+/.ghi==");
        }
    }

    /** A client whose login failed sends {@code "Bearer " + ""}: a required part is missing (400), and it says so. */
    @Test
    void a_bearer_credential_without_a_token_is_an_invalid_request_that_says_the_token_is_missing() {
        for (String field : List.of("Bearer", "Bearer ", "Bearer    ", "bearer")) {
            assertThatThrownBy(() -> tokens.resolve(request("POST", "/api/gadgets", field))).as("'%s'", field)
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, invalid -> {
                        assertThat(invalid.getError().getErrorCode()).isEqualTo("invalid_request");
                        assertThat(invalid.getError().getDescription()).isEqualTo(CredentialRouteTokens.NO_TOKEN)
                                .contains("holds no token");
                    });
        }
    }

    /**
     * RFC 6750 section 2.1 separates scheme and token by spaces only: a tab, or nothing, makes the field malformed (400
     * saying so), not the token (a 401 would have the client log in again for a token that may be good).
     */
    @Test
    void a_bearer_credential_without_a_space_before_its_token_is_an_invalid_request_that_says_so() {
        for (String field : List.of("Bearer\tabc.def.ghi", "Bearer\t abc.def.ghi", "Bearerabc.def.ghi", "bearer\u00a0abc")) {
            assertThatThrownBy(() -> tokens.resolve(request("POST", "/api/gadgets", field))).as("'%s'", field)
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, invalid -> {
                        assertThat(invalid.getError().getErrorCode()).isEqualTo("invalid_request");
                        assertThat(invalid.getError().getDescription()).isEqualTo(CredentialRouteTokens.NO_SPACE)
                                .contains("one space or more");
                    });
        }
    }

    @Test
    void a_token_that_is_not_b64token_is_an_invalid_token_and_another_scheme_is_no_token() {
        for (String field : List.of("Bearer a b", "Bearer abc=def", "Bearer \u00e9t\u00e9", "Bearer  abc\t")) {
            assertThatThrownBy(() -> tokens.resolve(request("GET", "/api/things/1", field))).as("'%s'", field)
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                            invalid -> assertThat(invalid.getError().getErrorCode()).isEqualTo("invalid_token"));
        }
        assertThat(tokens.resolve(request("POST", "/api/gadgets", "Basic Zm9vOmJhcg=="))).isNull();
        assertThat(tokens.resolve(request("POST", "/api/gadgets", "Token abc"))).isNull();
    }

    private static MockHttpServletRequest request(String method, String path, String... authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        for (String value : authorization) {
            request.addHeader("Authorization", value);
        }
        return request;
    }
}
