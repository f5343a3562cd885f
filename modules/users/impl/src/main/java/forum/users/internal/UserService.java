package forum.users.internal;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.CredentialsRejectedException;
import forum.platform.Paging;
import forum.platform.Text;
import forum.platform.Validation;
import forum.platform.web.ClientAddress;
import forum.users.AccessToken;
import forum.users.Credentials;
import forum.users.NewUser;
import forum.users.User;
import forum.users.UserId;
import forum.users.UserNotFoundException;
import forum.users.UsernameTakenException;
import forum.users.UsersApi;
import forum.users.internal.auth.LoginThrottle;
import forum.users.internal.auth.PasswordRules;
import forum.users.internal.auth.SigningKeys;
import forum.users.internal.auth.TokenIssuer;
import forum.users.internal.persistence.CredentialStore;
import forum.users.internal.persistence.UserRepository;
import forum.users.internal.persistence.UserRow;
import forum.users.internal.persistence.UsernameKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users module in-process: what other modules get when they ask for {@link UsersApi}. */
@Service
@ConditionalOnLocalModule("users")
class UserService implements UsersApi {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]+");
    /** What a username that breaks {@link #USERNAME} is told. */
    static final String USERNAME_RULE = "may hold only ASCII letters (a-z, A-Z), digits, '_', '.' and '-'";

    private final UserRepository users;
    private final CredentialStore credentials;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final TokenIssuer tokens;
    private final SigningKeys keys;
    /** Checked when no user has the username, so that an unknown user takes as long as a wrong password. */
    private final String unknownUserHash;

    UserService(UserRepository users, CredentialStore credentials, PasswordEncoder passwords, LoginThrottle throttle,
                TokenIssuer tokens, SigningKeys keys) {
        this.users = users;
        this.credentials = credentials;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.keys = keys;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    public List<User> list(int limit, int offset) {
        Paging.check(limit, offset);
        return users.findPage(limit, offset).stream().map(UserRow::toUser).toList();
    }

    @Override
    public User get(UserId id) {
        return users.findById(id.value()).map(UserRow::toUser).orElseThrow(() -> new UserNotFoundException(id));
    }

    /** The user and their password hash are written together or not at all. */
    @Override
    @Transactional(transactionManager = "usersTransactionManager")
    public User create(NewUser user) {
        Validation validation = Validation.of()
                .text("username", user.username(), 1, 40)
                .matches("username", user.username(), USERNAME, USERNAME_RULE)
                .text("name", user.name(), 1, 100)
                .text("bio", user.bio(), 0, 1000);
        PasswordRules.check(validation, user.username(), user.password());
        validation.check();
        String username = Text.strip(user.username());
        // Taken in any case: 'BMO' beside 'bmo' would be an easy impersonation. The check answers the usual case;
        // the unique key in the database (V5) decides a race between processes, answered the same below.
        if (users.existsByUsernameKey(UsernameKey.of(username))) {
            throw new UsernameTakenException(username);
        }
        try {
            User created = users.save(UserRow.from(user)).toUser();
            credentials.save(created.id().value(), passwords.encode(user.password()));
            return created;
        } catch (DuplicateKeyException raced) {
            throw new UsernameTakenException(username);
        }
    }

    /**
     * Finds the user by username in any case (usernames are unique regardless of case, so it names one user at most),
     * checks the password against the stored hash (against a made-up one for an unknown username, so both take
     * the same time), counts a failure against this username from this client's address, and answers a token.
     */
    @Override
    public AccessToken login(Credentials login) {
        Validation.of().text("username", login.username(), 1, 40).required("password", login.password()).check();
        String username = Text.strip(login.username());
        String client = ClientAddress.current();
        throttle.checkAllowed(username, client);
        Optional<CredentialStore.Stored> stored = credentials.findByUsernameKey(UsernameKey.of(username));
        boolean matches = passwords.matches(login.password(), stored.map(CredentialStore.Stored::passwordHash).orElse(unknownUserHash));
        if (!matches || stored.isEmpty()) {
            throttle.failed(username, client);
            throw new CredentialsRejectedException();
        }
        throttle.succeeded(username, client);
        return tokens.issue(get(new UserId(stored.get().userId())));
    }

    @Override
    public Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject();
    }
}
