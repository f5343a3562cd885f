package forum.threads.internal;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.FieldViolation;
import forum.platform.Paging;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.Validation;
import forum.threads.ForumThread;
import forum.threads.NewThread;
import forum.threads.ThreadId;
import forum.threads.ThreadNotFoundException;
import forum.threads.ThreadsApi;
import forum.threads.internal.persistence.ThreadRepository;
import forum.threads.internal.persistence.ThreadRow;
import forum.users.UsersApi;
import java.util.List;
import org.springframework.stereotype.Service;

/** The threads module in-process: what other modules get when they ask for {@link ThreadsApi}. */
@Service
@ConditionalOnLocalModule("threads")
class ThreadService implements ThreadsApi {

    private final ThreadRepository threads;
    private final UsersApi users;

    ThreadService(ThreadRepository threads, UsersApi users) {
        this.threads = threads;
        this.users = users;
    }

    @Override
    public List<ForumThread> list(int limit, int offset) {
        Paging.check(limit, offset);
        return threads.findPage(limit, offset).stream().map(ThreadRow::toThread).toList();
    }

    @Override
    public ForumThread get(ThreadId id) {
        return threads.findById(id.value()).map(ThreadRow::toThread).orElseThrow(() -> new ThreadNotFoundException(id));
    }

    @Override
    public ForumThread create(NewThread thread) {
        Validation.of()
                .text("title", thread.title(), 1, 200)
                .required("createdBy", thread.createdBy())
                .check();
        try {
            users.get(thread.createdBy());
        } catch (ResourceNotFoundException unknown) {
            throw new ReferenceNotFoundException(
                    List.of(new FieldViolation("createdBy", "is not an existing user: " + thread.createdBy())));
        }
        return threads.save(ThreadRow.from(thread)).toThread();
    }
}
