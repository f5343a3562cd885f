package forum.posts;

import forum.threads.ThreadId;
import forum.users.UserId;
import forum.platform.CacheableRead;
import forum.platform.ModuleApi;
import forum.platform.RouteAccess;
import forum.platform.RouteAccess.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The posts module's contract: in-process it is the module's service; over HTTP the same annotations
 * map the module's controller and generate its client. {@link #PATH} is where its routes live.
 * Every list is in the order the posts were written.
 */
@ModuleApi("posts")
@HttpExchange(url = PostsApi.PATH, accept = "application/json")
public interface PostsApi {

    String PATH = "/api/posts";

    @CacheableRead
    @RouteAccess(Caller.ANYONE)
    @GetExchange
    List<Post> list(@RequestParam(name = "limit", defaultValue = "100") int limit,
                    @RequestParam(name = "offset", defaultValue = "0") int offset);

    /** @throws PostNotFoundException if no post has this id */
    @CacheableRead
    @RouteAccess(Caller.ANYONE)
    @GetExchange("/{id}")
    Post get(@PathVariable("id") PostId id);

    /** The posts of one thread; an unknown thread has none. */
    @CacheableRead
    @RouteAccess(Caller.ANYONE)
    @GetExchange("/in-thread/{threadId}")
    List<Post> inThread(@PathVariable("threadId") ThreadId thread,
                        @RequestParam(name = "limit", defaultValue = "100") int limit,
                        @RequestParam(name = "offset", defaultValue = "0") int offset);

    /** The posts of one user; an unknown user has none. */
    @CacheableRead
    @RouteAccess(Caller.ANYONE)
    @GetExchange("/by-user/{userId}")
    List<Post> byUser(@PathVariable("userId") UserId user,
                      @RequestParam(name = "limit", defaultValue = "100") int limit,
                      @RequestParam(name = "offset", defaultValue = "0") int offset);

    /**
     * Writes a post as the caller, a user with an access token; {@code user} is the caller (a body may name the
     * caller or leave it out).
     *
     * @throws forum.platform.ValidationException if a field is missing or malformed
     * @throws forum.platform.ForbiddenException if {@code user} names another user
     * @throws forum.platform.ReferenceNotFoundException if the thread or the user does not exist (a user that does
     *         not exist: in-process; over HTTP the route refuses the caller's token first, 401 {@code invalid_token})
     */
    @RouteAccess(Caller.USER)
    @PostExchange(contentType = "application/json")
    Post create(@RequestBody NewPost post);
}
