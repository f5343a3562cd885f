package forum.users.internal.persistence;

import forum.platform.Text;
import forum.users.NewUser;
import forum.users.User;
import forum.users.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code users.users}. {@code usernameKey} ({@code username_key}) is {@link UsernameKey#of} the username: the
 * database keeps it unique, so that no two usernames differ only by case; it is never answered.
 */
@Table(schema = "users", name = "users")
public record UserRow(@Id Long id, String username, String usernameKey, String name, String bio) {

    /**
     * The row a sign-up writes: the fields stripped of their blank characters ({@link Text#strip}), the key derived
     * from the username, no bio an empty one.
     */
    public static UserRow from(NewUser user) {
        String username = Text.strip(user.username());
        return new UserRow(null, username, UsernameKey.of(username), Text.strip(user.name()),
                user.bio() == null ? "" : Text.strip(user.bio()));
    }

    public User toUser() {
        return new User(new UserId(id), username, name, bio);
    }
}
