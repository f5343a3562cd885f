package forum.platform.security;

import forum.platform.RouteAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which bearer token a request carries, for Spring Security's resource server: the {@code Authorization} header only,
 * read by RFC 6750 section 2.1's grammar, {@code "Bearer" 1*SP b64token} (the scheme in any case, one space or more
 * before the token), with these rules of the forum's around it.
 * <ul>
 *   <li>The routes that obtain credentials are not read for a token at all: the writes a contract opens to anyone
 *       ({@link RouteAccess.Caller#ANYONE} on a method other than GET, HEAD or OPTIONS), which are signing up and
 *       logging in. Neither acts as a caller, and they are where a client whose token has expired or gone bad gets
 *       a new one; a client that sends its stale header with every call must not be refused there. The request is
 *       anonymous, as one without a token is.</li>
 *   <li>Anywhere else, a request with more than one credential (two {@code Authorization} header fields, or one
 *       field holding a comma-separated list) is ambiguous: it is refused with RFC 6750's {@code invalid_request}
 *       (section 3.1, 400) rather than authenticated with whichever came first. So is a {@code Bearer} credential
 *       without a token ({@link #NO_TOKEN}): a required part is missing (a client whose login failed and that sent
 *       {@code "Bearer " + token} with no token); and so is one whose scheme and token are not separated by a space
 *       ({@link #NO_SPACE}: {@code Bearer<TAB>token}, {@code Bearertoken}), where the token may be good and only the
 *       field's syntax is wrong, so that a new token would not help.</li>
 *   <li>A {@code Bearer} credential whose token is not {@code b64token} is an {@code invalid_token} (401).
 *       A credential of another scheme ({@code Basic}) is not a bearer token: the request is anonymous.</li>
 * </ul>
 */
final class CredentialRouteTokens implements BearerTokenResolver {

    /** The description of the {@code invalid_request} for a {@code Bearer} credential that holds no token. */
    static final String NO_TOKEN = "the Authorization header field names the Bearer scheme but holds no token";

    /**
     * The description of the {@code invalid_request} for a {@code Bearer} credential whose scheme and token are not
     * separated by spaces (a tab, or nothing).
     */
    static final String NO_SPACE = "Bearer and the token must be separated by one space or more (RFC 6750 section 2.1),"
            + " with no other character between them";

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String SCHEME = "Bearer";
    /** RFC 6750's b64token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final RequestMatcher credentialRoutes;

    /** @param rules every contract route's rule; the writes among them open to anyone are read for no token */
    CredentialRouteTokens(List<ContractRouteRules.Rule> rules) {
        List<RequestMatcher> open = rules.stream()
                .filter(rule -> rule.caller() == RouteAccess.Caller.ANYONE && !READS.contains(rule.method()))
                .map(rule -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.path()))
                .toList();
        this.credentialRoutes = open.isEmpty() ? request -> false : new OrRequestMatcher(open);
    }

    /**
     * @return the request's bearer token; null if it sends none (or a credential of another scheme), or if it is for a
     *         route that obtains credentials
     * @throws OAuth2AuthenticationException {@code invalid_request} if the request carries more than one credential, a
     *                                       {@code Bearer} credential with no token, or one without a space before its
     *                                       token; {@code invalid_token} if its bearer token is not {@code b64token}
     *                                       syntax
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
        return bearerToken(fields.getFirst());
    }

    /** The token of one {@code Authorization} field: {@code "Bearer" 1*SP b64token}, the scheme in any case. */
    private static String bearerToken(String field) {
        if (!field.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String rest = field.substring(SCHEME.length());
        String token = rest.replaceFirst("^ +", "");
        if (token.isBlank()) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(NO_TOKEN));
        }
        if (token.length() == rest.length()) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(NO_SPACE));
        }
        if (!B64TOKEN.matcher(token).matches()) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return token;
    }
}
