package forum.platform.security;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.Topology;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How this process verifies a token: its signature with a key of the issuer (RS256 or ES256 only, so {@code alg:
 * none} and HMAC tokens are refused), its expiry (allowing {@code forum.security.jwt.clock-skew}, 60 s unless set,
 * for clocks that disagree), issuer and audience, and that the claim naming the user holds a forum user id. The keys
 * come from, in this order:
 * <ol>
 *   <li>{@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}: an external issuer's JWK set;</li>
 *   <li>the issuer module, where it runs in this process ({@link LocalTokenKeys});</li>
 *   <li>the issuer module's JWK set at its remote URL (the load balancer) and {@code forum.security.jwt.jwks-path}.</li>
 * </ol>
 * A fetched JWK set is cached for {@code forum.security.jwt.jwks-cache-ttl}, kept in use while the issuer cannot be
 * reached, and fetched again for an unknown key id at most every 30 s (or half the time-to-live, if shorter); the process
 * starts without the issuer. A token it cannot verify because the issuer's current keys cannot be fetched is an error
 * of the decoder (503), not a bad token (401): see {@link RemoteTokenKeys}.
 * A token whose signature verified is remembered for as long ({@link RecentlyVerifiedTokens}); its claims are checked
 * on every request.
 */
final class TokenVerification {

    private static final Logger log = LoggerFactory.getLogger(TokenVerification.class);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    /** Verified tokens remembered per process ({@link RecentlyVerifiedTokens}): at most a few MB. */
    static final long VERIFIED_TOKENS_KEPT = 4_096;
    /** The reason of an unsigned token's refusal, as {@link ProblemSecurityHandlers} tells it. */
    static final String UNSIGNED = "unsigned token: its header names the algorithm none";
    /** The reason of a token whose header is JSON's {@code null}; "Malformed", as the JOSE library says it. */
    static final String NULL_HEADER = "Malformed token: its header is null, not a JSON object";
    /** The reason of a token not written in canonical unpadded base64url; "Malformed", as the JOSE library says it. */
    static final String NOT_BASE64URL = "Malformed token: a part is not canonical unpadded base64url (RFC 7515 section 2)";

    private TokenVerification() {
    }

    /**
     * @param local    the issuer module's keys where it runs in this process, else null
     * @param topology this process's topology (extraction-runtime), where the issuer module's URL comes from; null
     *                 when the application carries no module metadata (every module local)
     * @throws InvalidTopologyException if no key source can be found, or the issuer or audiences are not set
     */
    static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt, TokenSettings settings, LocalTokenKeys local,
                              Topology topology) {
        if (jwt.getIssuerUri() == null || jwt.getIssuerUri().isBlank()) {
            throw new InvalidTopologyException("No token issuer is set: set spring.security.oauth2.resourceserver.jwt.issuer-uri"
                    + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) to the issuer every token must name");
        }
        if (jwt.getAudiences() == null || jwt.getAudiences().isEmpty()) {
            throw new InvalidTopologyException("No token audience is set: set spring.security.oauth2.resourceserver.jwt.audiences"
                    + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES) to the audience every token must name");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys(jwt, settings, local, topology)));
        // Access tokens of the users module are plain JWTs; RFC 9068 access tokens say "at+jwt".
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // Spring's validators below check the claims.
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(new RecentlyVerifiedTokens(processor, settings.jwksCacheTtl(),
                VERIFIED_TOKENS_KEPT, Ticker.systemTicker()));
        // The issuer is compared as text (JwtIssuerValidator): Spring's default converter tries to make a URL of it,
        // and for a URN such as urn:forum:users that fails on every token, after three class lookups for a handler.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        decoder.setJwtValidator(validator(jwt, settings));
        return token -> {
            refuseUnsigned(token);
            refuseNonCanonical(token);
            return decoder.decode(token);
        };
    }

    /**
     * An unsigned token ({@code "alg": "none"}, RFC 7519 section 6, in any case: {@code None} is no algorithm either)
     * is refused as what it is, not as a token whose signature does not verify or that is not well-formed, as the JOSE
     * library tells the two spellings.
     *
     * @param token the token as sent
     * @throws BadJwtException if its JOSE header names the algorithm {@code none}, in any case ({@link #UNSIGNED}), or
     *                         is JSON's {@code null} ({@link #NULL_HEADER}); a token whose header cannot be read is left
     *                         to the decoder, which refuses it as not well-formed
     */
    static void refuseUnsigned(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return;
        }
        Map<String, Object> header;
        try {
            header = JSONObjectUtils.parse(Base64URL.from(token.substring(0, dot)).decodeToString());
        } catch (ParseException | RuntimeException unreadable) {
            return;
        }
        if (header == null) {
            // JSON's null, which the JOSE library reads as no header at all and then fails on with a null pointer.
            throw new BadJwtException(NULL_HEADER);
        }
        Object algorithm = header.get("alg");
        if (algorithm instanceof String name && name.equalsIgnoreCase("none")) {
            throw new BadJwtException(UNSIGNED);
        }
    }

    /**
     * A token whose parts are not canonical unpadded base64url (RFC 7515 section 2: no {@code =}, and the bits after
     * the last whole byte zero, RFC 4648 section 3.5) is refused as malformed before any part is decoded. The JOSE
     * library reads such parts too, so one signed token would otherwise verify under several spellings, and each
     * spelling would be a token of its own to every cache of tokens.
     *
     * @param token the token as sent
     * @throws BadJwtException {@link #NOT_BASE64URL} if a part holds a character outside the base64url alphabet,
     *                         has a length no base64url text has (4n + 1), or ends in bits that are not zero
     */
    static void refuseNonCanonical(String token) {
        int start = 0;
        for (int end = token.indexOf('.'); ; end = token.indexOf('.', start)) {
            if (!isCanonicalBase64Url(token, start, end < 0 ? token.length() : end)) {
                throw new BadJwtException(NOT_BASE64URL);
            }
            if (end < 0) {
                return;
            }
            start = end + 1;
        }
    }

    /** Whether {@code text[from, to)} is base64url as RFC 7515 writes it: no padding, the unused low bits zero. */
    private static boolean isCanonicalBase64Url(String text, int from, int to) {
        int last = 0;
        for (int i = from; i < to; i++) {
            last = base64UrlValue(text.charAt(i));
            if (last < 0) {
                return false;
            }
        }
        return switch ((to - from) % 4) {
            case 1 -> false;
            case 2 -> (last & 0x0F) == 0;
            case 3 -> (last & 0x03) == 0;
            default -> true;
        };
    }

    /** A character's value in the base64url alphabet (RFC 4648 section 5), or -1. */
    private static int base64UrlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt, TokenSettings settings) {
        List<String> audiences = jwt.getAudiences();
        String userIdClaim = jwt.getPrincipalClaimName() == null ? "sub" : jwt.getPrincipalClaimName();
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(settings.clockSkew()),
                new RequiredExpiry(),
                new JwtIssuerValidator(jwt.getIssuerUri()),
                new JwtClaimValidator<Object>(settings.audienceClaim(), value -> namesOneOf(value, audiences)),
                new JwtClaimValidator<Object>(userIdClaim, TokenVerification::isUserId));
    }

    private static JWKSource<SecurityContext> keys(OAuth2ResourceServerProperties.Jwt jwt, TokenSettings settings,
                                                   LocalTokenKeys local, Topology topology) {
        if (jwt.getJwkSetUri() != null && !jwt.getJwkSetUri().isBlank()) {
            log.info("Tokens: verified with the keys at {}", jwt.getJwkSetUri());
            return remote(jwt.getJwkSetUri(), settings);
        }
        if (local != null) {
            log.info("Tokens: verified with the keys of the {} module in this process", settings.issuerModule());
            return new ImmutableJWKSet<>(local.publicKeys());
        }
        String module = settings.issuerModule();
        if (module == null || settings.jwksPath() == null) {
            throw new InvalidTopologyException("This process cannot find the keys to verify tokens with: set"
                    + " spring.security.oauth2.resourceserver.jwt.jwk-set-uri, or forum.security.jwt.issuer-module and"
                    + " forum.security.jwt.jwks-path to the module that issues them");
        }
        URI issuer = topology == null ? null : topology.remoteModules().get(module);
        if (issuer == null) {
            // Only a partial context gets here (a module test that boots some modules' beans): the issuer module
            // neither runs here nor elsewhere. Such a context verifies no token: a write with one is a 503.
            log.warn("Tokens: the {} module runs neither here nor elsewhere ({}); no token can be verified", module, topology);
            return (selector, context) -> {
                throw new KeySourceException("the " + module + " module is not reachable from this process");
            };
        }
        String url = issuer.toString().replaceFirst("/+$", "") + settings.jwksPath();
        log.info("Tokens: verified with the keys of the remote {} module at {}", settings.issuerModule(), url);
        return remote(url, settings);
    }

    /**
     * The key source of a process where the issuer module is remote: its JWK set fetched from {@code url}, cached, kept
     * through outages and fetched again for unknown key ids, as {@link TokenSettings} says ({@link RemoteTokenKeys}).
     * A lookup that cannot get the issuer's current keys fails (503); one the current keys do not match finds none (401).
     *
     * @throws InvalidTopologyException if {@code url} is not a URL
     */
    static JWKSource<SecurityContext> remote(String url, TokenSettings settings) {
        try {
            return RemoteTokenKeys.fetchedFrom(url, settings);
        } catch (MalformedURLException malformed) {
            throw new InvalidTopologyException("The JWK set URL '" + url + "' is not a URL: " + malformed.getMessage());
        }
    }

    private static boolean namesOneOf(Object value, List<String> audiences) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).anyMatch(audiences::contains);
        }
        return value != null && audiences.contains(String.valueOf(value));
    }

    /** The forum's user ids are positive whole numbers; a token naming anything else names no forum user. */
    private static boolean isUserId(Object value) {
        String text = String.valueOf(value);
        return text.matches("[1-9][0-9]{0,18}");
    }

    /** A token without an expiry would be valid forever: refused. */
    private static final class RequiredExpiry implements OAuth2TokenValidator<Jwt> {
        @Override
        public OAuth2TokenValidatorResult validate(Jwt token) {
            return token.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no expiry (exp)", null));
        }
    }
}
