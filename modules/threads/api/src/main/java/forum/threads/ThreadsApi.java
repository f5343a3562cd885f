package forum.threads;

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
 * The threads module's contract: in-process it is the module's service; over HTTP the same annotations
 * map the module's controller and generate its client. {@link #PATH} is where its routes live.
 */
@ModuleApi("threads")
@HttpExchange(url = ThreadsApi.PATH, accept = "application/json")
public interface ThreadsApi {

    String PATH = "/api/threads";

    /** Threads in id order, {@code limit} (1..1000) from {@code offset}. */
    @CacheableRead
    @RouteAccess(Caller.ANYONE)
    @GetExchange
    List<ForumThread> list(@RequestParam(name = "limit", defaultValue = "100") int limit,
                           @RequestParam(name = "offset", defaultValue = "0") int offset);

    /** @throws ThreadNotFoundException if no thread has this id */
    @CacheableRead
    @RouteAccess(Caller.ANYONE)
    @GetExchange("/{id}")
    ForumThread get(@PathVariable("id") ThreadId id);

    /**
     * Starts a thread as the caller, a user with an access token; {@code createdBy} is the caller (a body may name
     * the caller or leave it out).
     *
     * @throws forum.platform.ValidationException if a field is missing or malformed
     * @throws forum.platform.ForbiddenException if {@code createdBy} names another user
     * @throws forum.platform.ReferenceNotFoundException if {@code createdBy} is not an existing user (in-process;
     *         over HTTP the route refuses the caller's token first, 401 {@code invalid_token}, as it does an expired one)
     */
    @RouteAccess(Caller.USER)
    @PostExchange(contentType = "application/json")
    ForumThread create(@RequestBody NewThread thread);
}
