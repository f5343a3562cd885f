package forum.users.internal;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.Paging;
import forum.platform.Validation;
import forum.users.NewUser;
import forum.users.User;
import forum.users.UserId;
import forum.users.UserNotFoundException;
import forum.users.UsernameTakenException;
import forum.users.UsersApi;
import forum.users.internal.persistence.UserRepository;
import forum.users.internal.persistence.UserRow;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The users module in-process: what other modules get when they ask for {@link UsersApi}. */
@Service
@ConditionalOnLocalModule("users")
class UserService implements UsersApi {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
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

    @Override
    public User create(NewUser user) {
        Validation.of()
                .text("username", user.username(), 1, 40)
                .matches("username", user.username(), USERNAME, "may hold only letters, digits, '_', '.' and '-'")
                .text("name", user.name(), 1, 100)
                .text("bio", user.bio(), 0, 1000)
                .check();
        String username = user.username().strip();
        if (users.existsByUsername(username)) {
            throw new UsernameTakenException(username);
        }
        try {
            return users.save(UserRow.from(user)).toUser();
        } catch (DuplicateKeyException raced) {
            throw new UsernameTakenException(username);
        }
    }
}
