package forum.platform.security;

import forum.platform.RouteAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which bearer token a request carries, for Spring Security's resource server: Spring's own resolver (RFC 6750
 * section 2.1, the {@code Authorization} header only), with two rules of the forum's around it.
 * <ul>
 *   <li>The routes that obtain credentials are not read for a token at all: the writes a contract opens to anyone
 *       ({@link RouteAccess.Caller#ANYONE} on a method other than GET, HEAD or OPTIONS), which are signing up and
 *       logging in. Neither acts as a caller, and they are where a client whose token has expired or gone bad gets
 *       a new one; a client that sends its stale header with every call must not be refused there. The request is
 *       anonymous, as one without a token is.</li>
 *   <li>Anywhere else, a request with more than one credential (two {@code Authorization} header fields, or one
 *       field holding a comma-separated list) is ambiguous: it is refused with RFC 6750's {@code invalid_request}
 *       (section 3.1, 400) rather than authenticated with whichever came first.</li>
 * </ul>
 */
final class CredentialRouteTokens implements BearerTokenResolver {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RequestMatcher credentialRoutes;
    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    /** @param rules every contract route's rule; the writes among them open to anyone are read for no token */
    CredentialRouteTokens(List<ContractRouteRules.Rule> rules) {
        List<RequestMatcher> open = rules.stream()
                .filter(rule -> rule.caller() == RouteAccess.Caller.ANYONE && !READS.contains(rule.method()))
                .map(rule -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.path()))
                .toList();
        this.credentialRoutes = open.isEmpty() ? request -> false : new OrRequestMatcher(open);
    }

    /**
     * @return the request's bearer token; null if it sends none, or if it is for a route that obtains credentials
     * @throws OAuth2AuthenticationException {@code invalid_request} if the request carries more than one credential,
     *                                       {@code invalid_token} if its bearer credential is not token68 syntax
     */
    @Override
    public String resolve(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null || credentialRoutes.matches(request)) {
            return null;
        }
        List<String> fields = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (fields.size() > 1) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("the request has " + fields.size()
                    + " Authorization header fields; send exactly one"));
        }
        if (fields.size() == 1 && fields.getFirst().contains(",")) {
            // No credential holds a comma (token68); a list is two fields joined, by the client or a proxy.
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("the Authorization header field"
                    + " holds a list of credentials; send exactly one"));
        }
        return standard.resolve(request);
    }
}
