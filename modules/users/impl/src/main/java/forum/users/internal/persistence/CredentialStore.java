package forum.users.internal.persistence;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The password hashes of {@code users.credentials}: written at sign-up, read at login, never answered. */
public final class CredentialStore {

    /** A user's id and password hash, found by username. */
    public record Stored(long userId, String passwordHash) {
        @Override
        public String toString() {
            return "Stored[userId=" + userId + ", passwordHash=(hidden)]";
        }
    }

    private final JdbcClient jdbc;

    public CredentialStore(DataSource usersDatabase) {
        this.jdbc = JdbcClient.create(usersDatabase);
    }

    /** Stores a new user's password hash (in the caller's transaction, where there is one). */
    public void save(long userId, String passwordHash) {
        jdbc.sql("insert into users.credentials (user_id, password_hash) values (:id, :hash)")
                .param("id", userId).param("hash", passwordHash).update();
    }

    /**
     * Replaces a user's password hash: a password checked in the form it had before passwords were normalized is
     * hashed again in its normalized form.
     *
     * @return whether the user has a stored hash (and so it was replaced)
     */
    public boolean replace(long userId, String passwordHash) {
        return jdbc.sql("update users.credentials set password_hash = :hash where user_id = :id")
                .param("id", userId).param("hash", passwordHash).update() == 1;
    }

    /**
     * @param usernameKey a {@link UsernameKey}: the username in any case
     * @return the id and hash of the user whose username has this key (or, for a row written without a key by the
     *         version before V5, whose folded username is it), if the user exists and has a password
     */
    public Optional<Stored> findByUsernameKey(String usernameKey) {
        return jdbc.sql("select c.user_id, c.password_hash from users.credentials c join users.users u on u.id = c.user_id"
                        // A row without a key (written by the version before V5) by its folded username.
                        + " where u.username_key = :key or (u.username_key is null"
                        + " and translate(u.username, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = :key)")
                .param("key", usernameKey)
                .query((row, number) -> new Stored(row.getLong(1), row.getString(2)))
                .optional();
    }
}
