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

    private static MockHttpServletRequest request(String method, String path, String... authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        for (String value : authorization) {
            request.addHeader("Authorization", value);
        }
        return request;
    }
}
