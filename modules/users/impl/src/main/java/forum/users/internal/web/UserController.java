package forum.users.internal.web;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.web.Pages;
import forum.users.AccessToken;
import forum.users.Credentials;
import forum.users.NewUser;
import forum.users.User;
import forum.users.UserId;
import forum.users.UsersApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Fallback;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@link UsersApi} over HTTP: the routes come from the interface's annotations, so the server
 * and the generated clients cannot drift apart. {@code @Fallback}: callers asking for a {@code UsersApi}
 * get the service, not this.
 */
@RestController
@Fallback
@ConditionalOnLocalModule("users")
class UserController implements UsersApi {

    private final UsersApi users;

    UserController(UsersApi users) {
        this.users = users;
    }

    @Override
    public List<User> list(int limit, int offset) {
        return Pages.page(limit, offset, users::list);
    }

    @Override
    public User get(UserId id) {
        return users.get(id);
    }

    @Override
    @ResponseStatus(HttpStatus.CREATED)
    public User create(NewUser user) {
        User created = users.create(user);
        Pages.created(PATH + "/" + created.id());
        return created;
    }

    @Override
    public AccessToken login(Credentials credentials) {
        Pages.noStore();
        return users.login(credentials);
    }

    /** Cached by clients and load balancers for a few minutes: keys change only by a rotation, which takes longer. */
    @Override
    public Map<String, Object> jwks() {
        Pages.cacheFor(Duration.ofMinutes(5));
        return users.jwks();
    }
}
