package forum.threads.internal.web;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.security.Callers;
import forum.platform.web.Pages;
import forum.threads.ForumThread;
import forum.threads.NewThread;
import forum.threads.ThreadId;
import forum.threads.ThreadsApi;
import forum.users.UserId;
import java.util.List;
import org.springframework.context.annotation.Fallback;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@link ThreadsApi} over HTTP, its routes taken from the interface. {@code @Fallback}: callers
 * asking for a {@code ThreadsApi} get the service, not this.
 */
@RestController
@Fallback
@ConditionalOnLocalModule("threads")
class ThreadController implements ThreadsApi {

    private final ThreadsApi threads;

    ThreadController(ThreadsApi threads) {
        this.threads = threads;
    }

    @Override
    public List<ForumThread> list(int limit, int offset) {
        return Pages.page(limit, offset, threads::list);
    }

    @Override
    public ForumThread get(ThreadId id) {
        return threads.get(id);
    }

    /**
     * The author is the caller: a body that names another user is refused with 403 before anything is checked, and a
     * token whose user does not exist with 401 ({@link Callers#writeAs}).
     */
    @Override
    @ResponseStatus(HttpStatus.CREATED)
    public ForumThread create(NewThread thread) {
        ForumThread created = Callers.writeAs("createdBy", thread.createdBy() == null ? null : thread.createdBy().value(),
                author -> threads.create(new NewThread(thread.title(), UserId.of(author))));
        Pages.created(PATH + "/" + created.id());
        return created;
    }
}
