package forum.users.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import forum.platform.CredentialsRejectedException;
import forum.platform.FieldViolation;
import forum.platform.ValidationException;
import forum.users.Credentials;
import forum.users.internal.auth.ClientBudgets;
import forum.users.internal.auth.LoginThrottle;
import forum.users.internal.auth.SigningKeys;
import forum.users.internal.auth.TokenIssuer;
import forum.users.internal.persistence.CredentialStore;
import forum.users.internal.persistence.UserRepository;
import forum.users.internal.persistence.UserRow;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A login of an unknown user costs what a wrong password costs: exactly one check of the password against a hash of
 * the same kind and cost, so that the time of the answer does not tell who has an account. Both count an attempt. A
 * password is checked in NFKC, and one longer than bcrypt reads (72 bytes) is wrong, however it starts.
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
    private final UserRepository users = mock(UserRepository.class);
    private final UserService service = new UserService(users, credentials, encoder, throttle,
            new TokenIssuer(SigningKeys.from(null, true), "urn:forum:users", List.of("urn:forum:api"),
                    Duration.ofMinutes(15), Clock.systemUTC()), SigningKeys.from(null, true),
            mock(PlatformTransactionManager.class), mock(ClientBudgets.class),
            new ClientBudgets.Budget("sign-up", 20, Duration.ofHours(1), "too many"));

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
        verify(throttle).attempt("finn", "in-process");
        verify(throttle).attempt("nobody", "in-process");
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

    /**
     * bcrypt reads 72 bytes and ignores the rest: a password of exactly 72 bytes (24 characters of 3 bytes each) with
     * anything after it would match. It is a wrong password, counted as one, however long.
     */
    @Test
    void a_password_longer_than_72_bytes_is_wrong_even_when_its_first_72_bytes_are_right() {
        String password = "\u20ac\u6f22\u5b57".repeat(8);
        assertThat(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);
        when(credentials.findByUsernameKey("euro")).thenReturn(Optional.of(new CredentialStore.Stored(7, encoder.encode(password))));
        when(users.findById(7L)).thenReturn(Optional.of(new UserRow(7L, "euro", "euro", "Euro", "")));

        for (String longer : List.of(password + "WRONG-SUFFIX", password + "x", password.repeat(3))) {
            assertThatThrownBy(() -> service.login(new Credentials("euro", longer))).as(longer)
                    .isInstanceOf(CredentialsRejectedException.class);
        }
        verify(throttle, times(3)).attempt("euro", "in-process");
        verify(throttle, never()).succeeded(anyString(), anyString());
        assertThat(service.login(new Credentials("euro", password)).accessToken()).isNotBlank();
    }

    /** NIST SP 800-63B 5.1.1.2: the same password typed in another Unicode form is the same password. */
    @Test
    void a_password_is_checked_in_nfkc_whatever_form_it_is_typed_in() {
        String stored = Normalizer.normalize("caf\u00e9-au-lait-noir", Normalizer.Form.NFKC);
        when(credentials.findByUsernameKey("barista")).thenReturn(Optional.of(new CredentialStore.Stored(8, encoder.encode(stored))));
        when(users.findById(8L)).thenReturn(Optional.of(new UserRow(8L, "barista", "barista", "Barista", "")));

        for (String typed : List.of("caf\u00e9-au-lait-noir", "cafe\u0301-au-lait-noir", "\uff43\uff41\uff46\u00e9-au-lait-noir")) {
            assertThat(service.login(new Credentials("barista", typed)).accessToken()).as(typed).isNotBlank();
        }
        verify(credentials, never()).replace(anyLong(), anyString());
    }

    /**
     * A password hashed as sent, before passwords were normalized, still logs in as sent, and its hash is replaced by
     * one of its normalized form, which then logs in in any form.
     */
    @Test
    void a_password_hashed_before_normalization_logs_in_and_is_hashed_again_normalized() {
        String asSent = "\uff46\uff55\uff4c\uff4c-width-password";
        when(credentials.findByUsernameKey("wide")).thenReturn(Optional.of(new CredentialStore.Stored(9, encoder.encode(asSent))));
        when(users.findById(9L)).thenReturn(Optional.of(new UserRow(9L, "wide", "wide", "Wide", "")));

        assertThat(service.login(new Credentials("wide", asSent)).accessToken()).isNotBlank();

        verify(credentials).replace(eq(9L), argThat(hash -> encoder.real.matches("full-width-password", hash)));
        assertThatThrownBy(() -> service.login(new Credentials("wide", "full-width-passwordX")))
                .isInstanceOf(CredentialsRejectedException.class);
    }

    /**
     * What sign-up could never have stored is refused before the throttle counts it or any hash is looked up or
     * checked: a lone surrogate would be hashed as '?', and bcrypt reads "p", NUL, "p" as "p".
     */
    @Test
    void a_login_that_sign_up_could_never_have_stored_is_refused_before_it_is_counted_or_checked() {
        String[][] rows = {
                {"finn", "adventure-time-her\ud800", "password"},
                {"finn", "adventure-time-hero\u0000adventure-time-hero", "password"},
                {"finn", " ", "password"},
                {"fi\udfffnn", "adventure-time-hero", "username"},
                {"finn?", "adventure-time-hero", "username"}};
        for (String[] row : rows) {
            assertThatThrownBy(() -> service.login(new Credentials(row[0], row[1]))).as(row[0] + " " + row[1])
                    .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.violations())
                            .extracting(FieldViolation::field).containsExactly(row[2]));
        }
        verify(throttle, never()).attempt(anyString(), anyString());
        verify(throttle, never()).failed(any());
        verify(credentials, never()).findByUsernameKey(anyString());
        assertThat(encoder.checkedAgainst).isEmpty();
    }
}
