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

    public void save(long userId, String passwordHash) {
        jdbc.sql("insert into users.credentials (user_id, password_hash) values (:id, :hash)")
                .param("id", userId).param("hash", passwordHash).update();
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
