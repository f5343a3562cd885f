package forum.users.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import forum.platform.CredentialsRejectedException;
import forum.users.Credentials;
import forum.users.internal.auth.LoginThrottle;
import forum.users.internal.auth.SigningKeys;
import forum.users.internal.auth.TokenIssuer;
import forum.users.internal.persistence.CredentialStore;
import forum.users.internal.persistence.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A login of an unknown user costs what a wrong password costs: exactly one check of the password against a hash of
 * the same kind and cost, so that the time of the answer does not tell who has an account. Both count a failure.
 */
class UserServiceLoginUnitTest {

    /** The real encoder, recording every hash a password is checked against. */
    static final class RecordingEncoder implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final List<String> checkedAgainst = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checkedAgainst.add(encoded);
            return real.matches(raw, encoded);
        }
    }

    private final RecordingEncoder encoder = new RecordingEncoder();
    private final CredentialStore credentials = mock(CredentialStore.class);
    private final LoginThrottle throttle = mock(LoginThrottle.class);
    private final String finnsHash = encoder.encode("adventure-time-hero");
    private final UserService service = new UserService(mock(UserRepository.class), credentials, encoder, throttle,
            new TokenIssuer(SigningKeys.from(null, true), "urn:forum:users", List.of("urn:forum:api"),
                    Duration.ofMinutes(15), Clock.systemUTC()), SigningKeys.from(null, true));

    @Test
    void an_unknown_user_is_checked_against_a_hash_of_the_same_cost_as_a_known_one() {
        when(credentials.findByUsernameKey("finn")).thenReturn(Optional.of(new CredentialStore.Stored(2, finnsHash)));
        when(credentials.findByUsernameKey("nobody")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.login(new Credentials("finn", "wrong-password-here")))
                .isInstanceOf(CredentialsRejectedException.class);
        assertThatThrownBy(() -> service.login(new Credentials("nobody", "wrong-password-here")))
                .isInstanceOf(CredentialsRejectedException.class).hasMessage("The username or the password is wrong");

        assertThat(encoder.checkedAgainst).hasSize(2);
        String known = encoder.checkedAgainst.get(0);
        String unknown = encoder.checkedAgainst.get(1);
        assertThat(known).isEqualTo(finnsHash);
        // Same algorithm and cost: "{bcrypt}$2a$10$".
        assertThat(unknown).isNotEqualTo(known).startsWith(known.substring(0, known.indexOf('$', 12) + 1));
        verify(throttle).failed("finn", "in-process");
        verify(throttle).failed("nobody", "in-process");
        verify(throttle, never()).succeeded(anyString(), anyString());
    }

    @Test
    void a_username_in_another_case_logs_in_as_the_user_and_counts_against_the_same_name() {
        when(credentials.findByUsernameKey("finn")).thenReturn(Optional.of(new CredentialStore.Stored(2, finnsHash)));

        assertThatThrownBy(() -> service.login(new Credentials("FiNN", "wrong-password-here")))
                .isInstanceOf(CredentialsRejectedException.class);

        assertThat(encoder.checkedAgainst).as("checked against Finn's own hash").containsExactly(finnsHash);
        verify(credentials, never()).findByUsernameKey("FiNN");
    }
}
