package forum.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;

/**
 * The keys of a token issuer that runs in another process: its JWK set fetched over HTTP, cached for
 * {@link TokenSettings#jwksCacheTtl()}, kept in use while the issuer cannot be reached (as long again), and fetched
 * again for an unknown key id at most every {@link TokenSettings#unknownKeyRefetchInterval()} (README.md, "Keys").
 *
 * <p>A lookup that finds no key means "the issuer does not publish this key" (the token is refused, 401) only if the
 * issuer's current set was fetched: that is, the last fetch got a JWK set. If the last fetch failed (the issuer down,
 * a timeout, an answer other than 200, a body that is no JWK set), the held set, if any, is an old one kept for the
 * outage: it still verifies the keys it holds, but a key id it lacks may be one the issuer has published since, so the
 * lookup fails as "the keys cannot be fetched" (503 with Retry-After), never as a bad signature telling the holder of
 * a possibly valid token to log in again while the issuer is down. Nimbus's outage tolerance alone answers the old set
 * without telling, which made such a token a 401.
 */
final class RemoteTokenKeys implements JWKSource<SecurityContext> {

    /** Connect and read timeouts of a fetch, and the largest JWK set taken: a slow issuer is an unavailable one. */
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final int READ_TIMEOUT_MS = 2_000;
    private static final int SIZE_LIMIT_BYTES = 64 * 1024;
    /** How long a lookup waits for another thread's fetch of the set before it gives up (then a 503). */
    private static final long CACHE_REFRESH_TIMEOUT_MS = 2_000;

    private final JWKSource<SecurityContext> cached;
    private final LastFetch lastFetch;

    private RemoteTokenKeys(JWKSource<SecurityContext> cached, LastFetch lastFetch) {
        this.cached = cached;
        this.lastFetch = lastFetch;
    }

    /**
     * @param url      the issuer's JWK set (RFC 7517), fetched on the first lookup, not before: the process starts
     *                 without the issuer
     * @param settings the cache time-to-live and unknown key refetch interval
     * @return the keys, as the class says
     * @throws MalformedURLException if {@code url} is not a URL
     */
    static JWKSource<SecurityContext> fetchedFrom(String url, TokenSettings settings) throws MalformedURLException {
        long ttl = settings.jwksCacheTtl().toMillis();
        LastFetch lastFetch = new LastFetch(new URLBasedJWKSetSource<>(new URL(url),
                new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES)));
        // Nimbus layers, from the issuer up: each try recorded (LastFetch), one retry, the set kept through outages,
        // refetches rate limited, the cache.
        JWKSource<SecurityContext> cached = JWKSourceBuilder.create(lastFetch)
                .cache(ttl, CACHE_REFRESH_TIMEOUT_MS)
                .rateLimited(settings.unknownKeyRefetchInterval().toMillis())
                .outageTolerant(ttl)
                .retrying(true)
                .refreshAheadCache(false)
                .build();
        return new RemoteTokenKeys(cached, lastFetch);
    }

    /**
     * @return the keys the selector matches: in the cached set, or in the set fetched again because the key id was
     *         not in it; none if the issuer's current set, as last fetched, holds no such key
     * @throws KeySourceException if no key matched and the last fetch failed (or none succeeded yet), or no set is held
     *                            at all: the issuer's current keys cannot be had, which the decoder reports as an error
     *                            that is not the token's fault (Spring Security: 503 via ProblemSecurityHandlers)
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        List<JWK> keys;
        try {
            keys = cached.get(selector, context);
        } catch (RateLimitReachedException fetchedMomentsAgo) {
            // No fetch now: the answer is the last fetch's. If it got a set, that is the issuer's current set.
            Outcome last = lastFetch.outcome;
            keys = last.failure() == null && last.set() != null ? selector.select(last.set()) : List.of();
        }
        Outcome last = lastFetch.outcome;
        if (keys.isEmpty() && (last.failure() != null || last.set() == null)) {
            throw new KeySourceException("the issuer's current JWK set could not be fetched"
                    + (last.failure() == null ? "" : ": " + last.failure().getMessage()), last.failure());
        }
        return keys;
    }

    /**
     * What the last fetch of the issuer's set came to.
     *
     * @param set     the set of the last fetch that got one, or null before one did
     * @param failure why the last fetch failed, or null if it got a set (or none was tried yet)
     */
    private record Outcome(JWKSet set, KeySourceException failure) {
    }

    /**
     * The bottom of the chain: one fetch of the issuer's set, remembering whether it got one. Every fetch of the chain
     * goes through here, so after a lookup this holds its outcome (or, under concurrent lookups, the latest one).
     */
    private static final class LastFetch implements JWKSetSource<SecurityContext> {

        private final JWKSetSource<SecurityContext> issuer;
        /** Read and written whole, so that a set and its failure are never of two different fetches. */
        volatile Outcome outcome = new Outcome(null, null);

        LastFetch(JWKSetSource<SecurityContext> issuer) {
            this.issuer = issuer;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long now, SecurityContext context)
                throws KeySourceException {
            JWKSet fetched;
            try {
                fetched = issuer.getJWKSet(refresh, now, context);
            } catch (KeySourceException failed) {
                outcome = new Outcome(outcome.set(), failed);
                throw failed;
            } catch (RuntimeException unreadable) {
                // A body the parser chokes on is an unusable answer like any other: retried, and the old set kept
                // through it, not a failure of the token (which the decoder would make a 401).
                JWKSetParseException failed = new JWKSetParseException("the issuer's JWK set could not be read: "
                        + unreadable.getMessage(), unreadable);
                outcome = new Outcome(outcome.set(), failed);
                throw failed;
            }
            outcome = new Outcome(fetched, null);
            return fetched;
        }

        @Override
        public void close() throws IOException {
            issuer.close();
        }
    }
}
