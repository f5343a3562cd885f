package forum.platform.security;

import forum.platform.EchoedInput;
import forum.platform.web.UnroutedRequests;
import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's refusals as problems of the catalogue: 401 with a {@code WWW-Authenticate: Bearer} challenge
 * (RFC 6750 section 3), 400 {@code invalid_request} for more than one credential or a {@code Bearer} credential without
 * a token or without a space before it, 404 or 405 for a request without a token that no route takes (as with one),
 * 403, and 503 when a token cannot be verified for want of the issuer's current keys (none were fetched, or its key id
 * is not among those held and they cannot be fetched again: {@link RemoteTokenKeys}): that is not the client's fault,
 * and a retry may pass.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AuthenticationFailureHandler,
        AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

    private final UnroutedRequests unrouted;

    /** @param unrouted what MVC answers a request no route takes, so that a 404 or 405 comes before a 401 */
    ProblemSecurityHandlers(UnroutedRequests unrouted) {
        this.unrouted = unrouted;
    }

    /** Requests without a token, or with one that is not valid. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException unverifiable) {
            log.warn("A token could not be verified: {}", unverifiable.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemResponses.write(request, response, ProblemType.UNAVAILABLE.problem("The token cannot be verified now: the keys"
                    + " of its issuer cannot be fetched. Try again shortly"));
            return;
        }
        if (failure instanceof InsufficientAuthenticationException && unrouted.answerIfUnrouted(request, response)) {
            // No credentials, for a path or method no route takes: answered as MVC does with a token (404, 405).
            return;
        }
        if (failure instanceof OAuth2AuthenticationException oauth
                && OAuth2ErrorCodes.INVALID_REQUEST.equals(oauth.getError().getErrorCode())) {
            // RFC 6750 section 3.1: a request that repeats its credential, or leaves out its token, is malformed (400),
            // not unauthorised.
            String reason = String.valueOf(oauth.getError().getDescription());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\", error_description=\""
                    + reason.replace("\"", "'") + "\"");
            ProblemResponses.write(request, response, ProblemType.BAD_REQUEST.problem(switch (reason) {
                case CredentialRouteTokens.NO_TOKEN -> "The request sends no access token: " + reason
                        + ". Log in (POST /api/users/login) and send Authorization: Bearer <token>";
                case CredentialRouteTokens.NO_SPACE -> "The request's Authorization header field is malformed: " + reason
                        + " (Authorization: Bearer <token>)";
                default -> "The request's credentials are ambiguous: " + reason + " (Authorization: Bearer <token>)";
            }));
            return;
        }
        boolean invalid = failure instanceof OAuth2AuthenticationException;
        String reason = invalid ? description(failure) : null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, reason == null ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + reason.replace("\"", "'") + "\"");
        ProblemDetail problem = ProblemType.UNAUTHORIZED.problem(invalid
                ? "The access token is not valid: " + reason + ". Log in again (POST /api/users/login) for a new one"
                : "This route needs an access token: log in (POST /api/users/login) and send Authorization: Bearer <token>");
        ProblemResponses.write(request, response, problem);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        commence(request, response, failure);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        ProblemResponses.write(request, response, ProblemType.FORBIDDEN.problem("Your access token does not allow this request"));
    }

    /** Spring Security's firewall refused the request (characters it does not allow in the URL or a header). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemResponses.write(request, response, ProblemType.BAD_REQUEST.problem("The request was refused: "
                + firewallReason(rejected.getMessage())));
    }

    /** Spring Security's {@code StrictHttpFirewall} refusing a header value, after the preamble. */
    private static final Pattern HEADER_VALUE = Pattern.compile(
            "the header: \"(.*)\" has a value \"(.*)\" that is not allowed\\.?", Pattern.DOTALL);
    /** The same firewall refusing a header name. */
    private static final Pattern HEADER_NAME = Pattern.compile(
            "the header name \"(.*)\" is not allowed\\.?", Pattern.DOTALL);

    /**
     * @param message the firewall's message, which quotes what it refused ({@code the header value "..." is not
     *                allowed}, {@code the URL contained a potentially malicious String "%0a"})
     * @return the reason in the client's terms: a string the firewall refuses in a path named for what it encodes
     *         (a line break, a line or paragraph separator, NUL), with any character that would not show quoted as
     *         {@code U+XXXX}; otherwise the message without the library's preamble, its quoted part cut short
     *         ({@link EchoedInput}), a header field's name or value as bytes ({@link EchoedInput#shortenField})
     */
    static String firewallReason(String message) {
        String reason = String.valueOf(message).replaceFirst("^The request was rejected because ", "");
        String blocked = "the URL contained a potentially malicious String \"";
        if (reason.startsWith(blocked) && reason.endsWith("\"")) {
            String sent = reason.substring(blocked.length(), reason.length() - 1);
            return "the path holds " + pathString(sent) + ", which no path of this server holds";
        }
        // A header field's name and value are bytes (one character each as the container reads them): quoted as bytes,
        // as the error valve quotes a head. The value may hold '"' itself, hence the greedy match to the known ending.
        Matcher value = HEADER_VALUE.matcher(reason);
        if (value.matches()) {
            return "the header field " + EchoedInput.shortenField(value.group(1).strip()) + " has a value \""
                    + EchoedInput.shortenField(value.group(2)) + "\" that is not allowed";
        }
        Matcher name = HEADER_NAME.matcher(reason);
        if (name.matches()) {
            return "the header field name \"" + EchoedInput.shortenField(name.group(1)) + "\" is not allowed";
        }
        int open = reason.indexOf('"');
        int close = reason.lastIndexOf('"');
        return open < 0 || close <= open ? reason
                : reason.substring(0, open + 1) + EchoedInput.shorten(reason.substring(open + 1, close)) + reason.substring(close);
    }

    /** A string the firewall refuses in a path, named for what it is, with what was sent. */
    private static String pathString(String sent) {
        String shown = visible(sent);
        return switch (sent.toLowerCase(java.util.Locale.ROOT)) {
            case "%0a", "%0d", "\n", "\r" -> "a line break (" + shown + ")";
            case "%e2%80%a8", "\u2028" -> "a line separator (" + (sent.startsWith("%") ? shown + ", " : "") + "U+2028)";
            case "%e2%80%a9", "\u2029" -> "a paragraph separator (" + (sent.startsWith("%") ? shown + ", " : "") + "U+2029)";
            case "%00", "\u0000" -> "the NUL character (" + shown + ")";
            default -> "'" + shown + "'";
        };
    }

    /** {@code text} with every character that is not printable ASCII written as {@code U+XXXX}. */
    private static String visible(String text) {
        StringBuilder shown = new StringBuilder();
        EchoedInput.shorten(text).codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                shown.appendCodePoint(c);
            } else {
                shown.append(String.format("U+%04X", c));
            }
        });
        return shown.toString();
    }

    /** What is wrong with a token, in RFC 6750's terms and without library names. */
    private static String description(AuthenticationException failure) {
        if (failure instanceof UnknownCallerException unknown) {
            return unknown.getMessage();
        }
        String text = failure instanceof InvalidBearerTokenException || failure instanceof OAuth2AuthenticationException
                ? String.valueOf(failure.getMessage()) : "";
        if (text.contains(TokenVerification.UNSIGNED)) {
            return "it is unsigned (alg none), and unsigned tokens are not accepted: only tokens the issuer signed are";
        }
        if (text.contains("Encrypted JWT")) {
            return "it is encrypted (JWE), and only signed tokens (JWS) are accepted";
        }
        if (text.contains("expired")) {
            return "it has expired";
        }
        if (text.contains("used before")) {
            return "it is not valid yet: its nbf (not before) is later than now, beyond the clocks' allowed skew";
        }
        if (text.contains("iss")) {
            return "it names another issuer";
        }
        if (text.contains("aud") || text.contains("client_id")) {
            return "it is meant for another audience";
        }
        if (text.contains("Malformed") || text.contains("malformed") || text.contains("Invalid unsecured")
                || text.contains("Invalid JWT") || text.contains("parse")) {
            return "it is not a well-formed signed JWT";
        }
        if (text.contains("Signed JWT rejected") || text.contains("signature") || text.contains("no matching key")
                || text.contains("algorithm")) {
            return "its signature does not verify with the issuer's current keys";
        }
        if (text.contains("sub") || text.contains("principal")) {
            return "it names no forum user";
        }
        if (text.contains("exp")) {
            return "it has no expiry";
        }
        return "it was refused";
    }
}
