package forum.users;

import forum.platform.CacheableRead;
import forum.platform.ModuleApi;
import forum.platform.RouteAccess;
import forum.platform.RouteAccess.Caller;
import java.util.List;
import java.util.Map;
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
    /** The login route, below {@link #PATH}. */
    String LOGIN = "/login";
    /** The JWK set route, below {@link #PATH}. */
    String JWKS = "/jwks.json";

    /** Users in id order, {@code limit} (1..1000) from {@code offset}. */
    @CacheableRead
    @RouteAccess(Caller.ANYONE)
    @GetExchange
    List<User> list(@RequestParam(name = "limit", defaultValue = "100") int limit,
                    @RequestParam(name = "offset", defaultValue = "0") int offset);

    /** @throws UserNotFoundException if no user has this id */
    @CacheableRead
    @RouteAccess(Caller.ANYONE)
    @GetExchange("/{id}")
    User get(@PathVariable("id") UserId id);

    /**
     * Signs up: anyone may, without a token.
     *
     * @throws forum.platform.ValidationException if a field is missing or malformed, or the password breaks the
     *         password rules (length, a common password, the username in it)
     * @throws UsernameTakenException if the username is in use, in any case ({@code BMO} when {@code bmo} exists)
     */
    @RouteAccess(Caller.ANYONE)
    @PostExchange(contentType = "application/json")
    User create(@RequestBody NewUser user);

    /**
     * Logs in: a username (in any case) and password for an access token (a JWT signed by this module, 15 minutes).
     * Anyone may try, without a token.
     *
     * @throws forum.platform.CredentialsRejectedException (401) if the two do not match; it does not say which
     * @throws forum.platform.RateLimitedException (429) after repeated failures for this username from this client
     */
    @RouteAccess(Caller.ANYONE)
    @PostExchange(url = LOGIN, contentType = "application/json")
    AccessToken login(@RequestBody Credentials credentials);

    /**
     * The public keys access tokens are signed with, as a JWK set (RFC 7517): every process verifies tokens with
     * them. Two keys are published while one replaces the other.
     */
    @RouteAccess(Caller.ANYONE)
    @GetExchange(JWKS)
    Map<String, Object> jwks();
}
