package forum.users.internal.persistence;

import forum.users.NewUser;
import forum.users.User;
import forum.users.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code users.users}. */
@Table(schema = "users", name = "users")
public record UserRow(@Id Long id, String username, String name, String bio) {

    public static UserRow from(NewUser user) {
        return new UserRow(null, user.username().strip(), user.name().strip(), user.bio() == null ? "" : user.bio().strip());
    }

    public User toUser() {
        return new User(new UserId(id), username, name, bio);
    }
}
