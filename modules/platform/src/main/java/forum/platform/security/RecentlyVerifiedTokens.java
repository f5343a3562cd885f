package forum.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.JWTProcessor;
import java.text.ParseException;
import java.time.Duration;

/**
 * A {@link JWTProcessor} that remembers the signed tokens it has verified: a client sends the same access token with
 * every request for its whole lifetime, and checking its ES256 signature again each time was the largest part of a
 * write's CPU (BENCHMARKS.md, "The cost of one cross-module call"). Only the signature, header and key check of the
 * processor it wraps is remembered; Spring Security's validators (expiry, issuer, audience, user id) still run on every
 * request, so an expired token is refused at its expiry as before.
 *
 * <p>The key is the token exactly as sent: other bytes are another token and are verified. A token that fails is never
 * remembered. A remembered token is forgotten after {@code timeToLive}, the JWK set cache's own time-to-live
 * ({@link TokenSettings#jwksCacheTtl()}), so a key the issuer withdraws stops being trusted within the time it already
 * did, or sooner once more than {@code maximumTokens} are remembered (Caffeine's size eviction picks which).
 */
final class RecentlyVerifiedTokens implements JWTProcessor<SecurityContext> {

    private final JWTProcessor<SecurityContext> verifier;
    private final Cache<String, JWTClaimsSet> verified;

    /**
     * @param verifier      the processor that checks a token's signature and header
     * @param timeToLive    how long a verified token is remembered
     * @param maximumTokens how many are remembered at most (a token is about 0.5 KB, its claims about 1 KB)
     * @param ticker        the clock of the time-to-live ({@link Ticker#systemTicker()} outside tests)
     */
    RecentlyVerifiedTokens(JWTProcessor<SecurityContext> verifier, Duration timeToLive, long maximumTokens, Ticker ticker) {
        this.verifier = verifier;
        // Evictions run on the thread that adds a token, not later on the common pool: the bound holds as soon as a token
        // is added (an asynchronous eviction let a third token stay in a cache of two under load), and a new token per
        // login is rare enough that the request that brings it can pay for it.
        this.verified = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumTokens).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public JWTClaimsSet process(String token, SecurityContext context) throws ParseException, BadJOSEException, JOSEException {
        return process(JWTParser.parse(token), context);
    }

    @Override
    public JWTClaimsSet process(JWT token, SecurityContext context) throws BadJOSEException, JOSEException {
        return token instanceof SignedJWT signed ? process(signed, context) : verifier.process(token, context);
    }

    @Override
    public JWTClaimsSet process(PlainJWT token, SecurityContext context) throws BadJOSEException, JOSEException {
        return verifier.process(token, context);
    }

    /**
     * @return the claims of {@code token}, remembered if these exact bytes were verified within the time-to-live
     * @throws BadJOSEException if the wrapped processor refuses the token (never remembered)
     */
    @Override
    public JWTClaimsSet process(SignedJWT token, SecurityContext context) throws BadJOSEException, JOSEException {
        String sent = token.getParsedString();
        if (sent == null) {
            return verifier.process(token, context); // built in this process, not parsed: nothing to key on
        }
        JWTClaimsSet claims = verified.getIfPresent(sent);
        if (claims == null) {
            claims = verifier.process(token, context);
            verified.put(sent, claims);
        }
        return claims;
    }

    @Override
    public JWTClaimsSet process(EncryptedJWT token, SecurityContext context) throws BadJOSEException, JOSEException {
        return verifier.process(token, context);
    }
}
