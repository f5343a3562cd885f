package forum.users.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A username in the logs is the first 16 hex digits of its SHA-256, never the username. */
class LogNamesUnitTest {

    @Test
    void a_username_is_the_first_64_bits_of_its_sha_256_in_hex() {
        // printf %s finn | sha256sum
        assertThat(LogNames.username("finn")).isEqualTo(FINN_SHA_256.substring(0, 16));
        assertThat(LogNames.username("finn")).hasSize(16).doesNotContain("finn");
        assertThat(LogNames.username("Finn")).isNotEqualTo(LogNames.username("finn"));
        assertThat(LogNames.username(null)).isEqualTo(LogNames.username(""));
    }

    static final String FINN_SHA_256 = "e0e2087b3efad83c23c899efb0059a16d9ee9d4ef51349c6066548b8d01f1ab8";
}
