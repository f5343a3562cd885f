package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keys of a process whose token issuer is remote, fetched from the issuer's JWK set over real HTTP: a key id the
 * issuer does not publish finds no key however often it is asked (so its token is a 401), never an error that the
 * keys cannot be fetched (a 503 telling the holder of a forged or retired token to try again); and asking does not
 * make the issuer be fetched more than once per refetch interval. An issuer that fails before any set was fetched
 * leaves every lookup failing, never finding "no key".
 */
class RemoteTokenKeysUnitTest {

    @Test
    void an_unknown_key_id_finds_no_key_every_time_and_is_looked_up_at_most_once_per_interval() throws Exception {
        ECKey published = new ECKeyGenerator(Curve.P_256).keyID("published").generate();
        try (JwkSetIssuer issuer = new JwkSetIssuer(new JWKSet(published.toPublicJWK()), JwkSetIssuer.Answer.KEYS)) {
            TokenSettings settings = new TokenSettings("users", "/api/users/jwks.json", null, Duration.ofSeconds(60), null);
            JWKSource<SecurityContext> keys = TokenVerification.remote(issuer.url(), settings);

            assertThat(keys.get(byKeyId("published"), null)).extracting(JWK::getKeyID).containsExactly("published");
            for (int i = 0; i < 8; i++) {
                List<JWK> found = keys.get(byKeyId("forged-" + (i % 2)), null);
                assertThat(found).as("lookup %s of an unknown key id", i + 1).isEmpty();
            }
            assertThat(keys.get(byKeyId("published"), null)).as("the published key is still found").hasSize(1);
            assertThat(issuer.fetches.get()).as("fetches of the JWK set within one 30 s refetch interval").isBetween(1, 3);
        }
    }

    /**
     * An issuer that fails while no key set was ever fetched: every lookup is "the keys cannot be fetched" (so a 503
     * telling the holder to try again), those within the refetch interval too, never "no such key" (a 401 telling a
     * holder of a possibly valid token to log in while login is down); once the issuer answers and the interval is
     * over, the key is found.
     */
    @Test
    void while_the_issuer_fails_and_no_key_set_is_held_every_lookup_is_unavailable_until_it_answers() throws Exception {
        ECKey published = new ECKeyGenerator(Curve.P_256).keyID("published").generate();
        try (JwkSetIssuer issuer = new JwkSetIssuer(new JWKSet(published.toPublicJWK()), JwkSetIssuer.Answer.UNAVAILABLE)) {
            // A 2 s time-to-live makes the refetch interval 1 s.
            TokenSettings settings = new TokenSettings("users", "/api/users/jwks.json", null, Duration.ofSeconds(2), null);
            JWKSource<SecurityContext> keys = TokenVerification.remote(issuer.url(), settings);

            for (int i = 0; i < 8; i++) {
                int lookup = i + 1;
                assertThatThrownBy(() -> keys.get(byKeyId("published"), null))
                        .as("lookup %s while the issuer answers 503", lookup)
                        .isInstanceOf(KeySourceException.class)
                        .isNotInstanceOf(RateLimitReachedException.class);
            }
            int fetchesWhileDown = issuer.fetches.get();
            // Nimbus's rate limit lets two lookups through per interval, and each tries the issuer twice (retrying).
            assertThat(fetchesWhileDown).as("fetches for 8 lookups within one 1 s refetch interval").isBetween(1, 4);

            issuer.answer.set(JwkSetIssuer.Answer.KEYS);
            Thread.sleep(settings.unknownKeyRefetchInterval().toMillis() + 200);
            assertThat(keys.get(byKeyId("published"), null)).extracting(JWK::getKeyID).containsExactly("published");
            assertThat(keys.get(byKeyId("forged"), null)).as("an unknown key id once a set is held").isEmpty();
            assertThat(keys.get(byKeyId("forged"), null)).as("asked again within the interval").isEmpty();
        }
    }

    private static JWKSelector byKeyId(String keyId) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build());
    }
}
