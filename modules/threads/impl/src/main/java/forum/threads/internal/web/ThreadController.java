package forum.threads.internal.web;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.web.Pages;
import forum.threads.ForumThread;
import forum.threads.NewThread;
import forum.threads.ThreadId;
import forum.threads.ThreadsApi;
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

    @Override
    @ResponseStatus(HttpStatus.CREATED)
    public ForumThread create(NewThread thread) {
        ForumThread created = threads.create(thread);
        Pages.created(PATH + "/" + created.id());
        return created;
    }
}
