package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The JWK set cache settings: every time-to-live a process accepts makes a key source (Nimbus refuses a refetch
 * interval that is not below the time-to-live), and one too short to cache anything is refused naming the setting.
 */
class TokenSettingsUnitTest {

    @Test
    void an_unknown_key_id_is_looked_up_at_most_every_30_s_or_half_the_cache_time_to_live() {
        assertThat(settings(null).jwksCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings(null).unknownKeyRefetchInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings(Duration.ofSeconds(60)).unknownKeyRefetchInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings(Duration.ofSeconds(10)).unknownKeyRefetchInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings(Duration.ofSeconds(2)).unknownKeyRefetchInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void every_accepted_time_to_live_makes_a_remote_key_source() {
        for (Duration ttl : new Duration[] {Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(59), Duration.ofMinutes(5), Duration.ofHours(1)}) {
            assertThat(TokenVerification.remote("http://127.0.0.1:9/api/users/jwks.json", settings(ttl))).as("ttl %s", ttl)
                    .isNotNull();
        }
    }

    @Test
    void a_time_to_live_too_short_to_cache_is_refused_naming_the_setting() {
        for (Duration ttl : new Duration[] {Duration.ZERO, Duration.ofMillis(1999), Duration.ofSeconds(-5)}) {
            assertThatIllegalArgumentException().as("ttl %s", ttl).isThrownBy(() -> settings(ttl))
                    .withMessageContaining("forum.security.jwt.jwks-cache-ttl").withMessageContaining("2 s or more");
        }
    }

    @Test
    void the_clock_skew_is_60_s_unless_set_and_never_negative() {
        assertThat(settings(null).clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(new TokenSettings("users", "/api/users/jwks.json", null, null, Duration.ZERO).clockSkew()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenSettings("users", "/api/users/jwks.json", null, null,
                Duration.ofSeconds(-1))).withMessageContaining("forum.security.jwt.clock-skew").withMessageContaining("0 or more");
    }

    private static TokenSettings settings(Duration ttl) {
        return new TokenSettings("users", "/api/users/jwks.json", null, ttl, null);
    }
}
