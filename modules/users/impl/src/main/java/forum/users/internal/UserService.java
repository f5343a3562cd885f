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
import forum.users.internal.auth.ClientBudgets;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The users module in-process: what other modules get when they ask for {@link UsersApi}. */
@Service
@ConditionalOnLocalModule("users")
class UserService implements UsersApi {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    /** The characters a username may hold; a login is held to this rule only, as names stored before may be. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]+");
    /** What a username that breaks {@link #USERNAME} is told. */
    static final String USERNAME_RULE = "may hold only ASCII letters (a-z, A-Z), digits, '_', '.' and '-'";
    /**
     * A new username: {@link #USERNAME}'s characters, at least one a letter or digit, so that no user is named by
     * punctuation alone ({@code .}, {@code ..}, {@code -}), names that read as paths or placeholders.
     */
    private static final Pattern NEW_USERNAME = Pattern.compile("[A-Za-z0-9_.-]*[A-Za-z0-9][A-Za-z0-9_.-]*");
    /** What a new username that breaks {@link #NEW_USERNAME} is told. */
    static final String NEW_USERNAME_RULE = USERNAME_RULE + ", and at least one letter or digit";

    private final UserRepository users;
    private final CredentialStore credentials;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final TokenIssuer tokens;
    private final SigningKeys keys;
    private final TransactionTemplate writes;
    private final ClientBudgets budgets;
    private final ClientBudgets.Budget signUps;
    /** Checked when no user has the username, so that an unknown user takes as long as a wrong password. */
    private final String unknownUserHash;

    /**
     * @param transactions the users module's transactions (each write raises the module's data version)
     * @param budgets      the per-address budgets, on the module's connections
     * @param signUps      the sign-ups (users created) an address may make per window
     */
    UserService(UserRepository users, CredentialStore credentials, PasswordEncoder passwords, LoginThrottle throttle,
                TokenIssuer tokens, SigningKeys keys,
                @Qualifier("usersTransactionManager") PlatformTransactionManager transactions,
                ClientBudgets budgets, @Qualifier("signUpBudget") ClientBudgets.Budget signUps) {
        this.users = users;
        this.credentials = credentials;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.keys = keys;
        this.writes = new TransactionTemplate(transactions);
        this.budgets = budgets;
        this.signUps = signUps;
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

    /**
     * Checks the new user, hashes their password (normalized, {@link PasswordRules#normalized}) before any transaction
     * begins, then writes the user and the hash together or not at all. Hashing takes a tenth of a second or more:
     * inside the transaction it held the new username's unique key all that time, and a sign-up of the same name at
     * the same moment waited for it (on H2, retrying its insert all the while and spending an id on every try).
     *
     * <p>Each user created spends one sign-up of the client address's budget ({@link ClientBudgets}): checked after the
     * fields and before the username is looked up or the hash made (a refused address learns nothing and costs no
     * hashing), checked again and spent in the transaction that writes
     * the user, so that a refused sign-up writes nothing and a sign-up that writes nothing spends nothing.
     *
     * @throws forum.platform.RateLimitedException when the address has made its sign-ups of the window
     */
    @Override
    public User create(NewUser user) {
        String password = PasswordRules.normalized(user.password());
        Validation validation = Validation.of()
                .text("username", user.username(), 1, 40)
                .matches("username", user.username(), NEW_USERNAME, NEW_USERNAME_RULE)
                .text("name", user.name(), 1, 100)
                .text("bio", user.bio(), 0, 1000);
        PasswordRules.check(validation, user.username(), user.password());
        validation.check();
        String username = Text.strip(user.username());
        // A refused address learns nothing more, not even whether the name is taken.
        String client = ClientAddress.current();
        budgets.purgeIfDue();
        budgets.peek(signUps, client);
        // Taken in any case: 'BMO' beside 'bmo' would be an easy impersonation. The check answers the usual case;
        // the unique key in the database (V5) decides a race between processes, answered the same below.
        if (users.existsByUsernameKey(UsernameKey.of(username))) {
            throw new UsernameTakenException(username);
        }
        String hash = passwords.encode(password);
        for (int tries = 1; ; tries++) {
            try {
                return writes.execute(status -> {
                    budgets.check(signUps, client);
                    budgets.spend(signUps, client);
                    User created = users.save(UserRow.from(user)).toUser();
                    credentials.save(created.id().value(), hash);
                    return created;
                });
            } catch (ClientBudgets.Raced raced) {
                // Another sign-up from this address spent its first one at the same moment: count on top of it.
                if (tries == 3) {
                    throw raced;
                }
            } catch (DuplicateKeyException raced) {
                throw new UsernameTakenException(username);
            }
        }
    }

    /**
     * Refuses first, as sign-up would, a username or password that no sign-up could have stored: the same 400
     * {@code validation} problem naming the field, made of the input alone (so it tells nothing of whether the user
     * exists), before the throttle counts anything or any hash is looked up or checked ({@link #checkLogin}). Then
     * counts the attempt against this username from this client's address (refused while the pair is blocked),
     * finds the user by username in any case (usernames are unique regardless of case, so it names one user at
     * most), checks the password in NFKC against the stored hash (against a made-up one for an unknown username, so
     * both take the same time) and answers a token; a success clears the count, and a failure lets the throttle log
     * the block it earned, if any ({@link LoginThrottle#failed}). A password of more than 72 bytes is
     * wrong whatever its first 72 bytes are: bcrypt would read only those. A password stored before passwords were
     * normalized is also checked as sent, and on a match stored again normalized.
     */
    @Override
    public AccessToken login(Credentials login) {
        checkLogin(login);
        String username = Text.strip(login.username());
        String client = ClientAddress.current();
        LoginThrottle.Attempt attempt = throttle.attempt(username, client);
        boolean succeeded = false;
        Optional<CredentialStore.Stored> stored;
        boolean asSentBeforeNormalization;
        String password = PasswordRules.normalized(login.password());
        try {
            stored = credentials.findByUsernameKey(UsernameKey.of(username));
            String hash = stored.map(CredentialStore.Stored::passwordHash).orElse(unknownUserHash);
            boolean matches = passwords.matches(password, hash) && PasswordRules.fitsHash(password);
            asSentBeforeNormalization = !matches && !password.equals(login.password())
                    && passwords.matches(login.password(), hash) && PasswordRules.fitsHash(login.password());
            if (!(matches || asSentBeforeNormalization) || stored.isEmpty()) {
                throw new CredentialsRejectedException();
            }
            throttle.succeeded(username, client);
            succeeded = true;
        } finally {
            if (!succeeded) {
                // Wrong, or not checked at all (busy, a database failure): the attempt stays counted as a failure.
                throttle.failed(attempt);
            }
        }
        long userId = stored.get().userId();
        if (asSentBeforeNormalization && PasswordRules.fitsHash(password)) {
            rehash(userId, password);
        }
        return tokens.issue(get(new UserId(userId)));
    }

    /**
     * The text rules sign-up applies to these fields, applied to a login before anything else: the username as sign-up
     * takes it ({@link Validation#text} of 1 to 40 characters, {@link #USERNAME}: not {@link #NEW_USERNAME}, which a
     * name stored before that rule may break), the password present, not blank and
     * storable ({@link PasswordRules#checkAsSent}): a lone UTF-16 surrogate would reach the hash as {@code ?}, and a NUL
     * would make bcrypt read {@code p\0p} as {@code p}, so two passwords would be one. Not counted by the throttle: no
     * password is checked, and the answer depends on the input alone.
     */
    private static void checkLogin(Credentials login) {
        Validation validation = Validation.of()
                .text("username", login.username(), 1, 40)
                .matches("username", login.username(), USERNAME, USERNAME_RULE);
        PasswordRules.checkAsSent(validation, login.password());
        validation.check();
    }

    /** Stores the normalized password's hash instead of the one made of it as sent; a failure only leaves the old one. */
    private void rehash(long userId, String normalized) {
        try {
            credentials.replace(userId, passwords.encode(normalized));
        } catch (DataAccessException failed) {
            log.warn("The password hash of user {} could not be stored in its normalized form; it is tried again at the"
                    + " next login: {}", userId, failed.getMessage());
        }
    }

    @Override
    public Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject();
    }
}
