package forum.users;

import forum.platform.ModuleApi;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The users module's contract. In-process it is the module's service; over HTTP the same annotations
 * map the module's controller and generate its client. {@link #PATH} is where the module's routes live;
 * load balancer rules are derived from it.
 */
@ModuleApi("users")
@HttpExchange(url = UsersApi.PATH, accept = "application/json")
public interface UsersApi {

    String PATH = "/api/users";

    /** Users in id order, {@code limit} (1..1000) from {@code offset}. */
    @GetExchange
    List<User> list(@RequestParam(name = "limit", defaultValue = "100") int limit,
                    @RequestParam(name = "offset", defaultValue = "0") int offset);

    /** @throws UserNotFoundException if no user has this id */
    @GetExchange("/{id}")
    User get(@PathVariable("id") UserId id);

    /**
     * @throws forum.platform.ValidationException if a field is missing or malformed
     * @throws UsernameTakenException if the username is in use
     */
    @PostExchange(contentType = "application/json")
    User create(@RequestBody NewUser user);
}
