package forum.posts.internal;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.FieldViolation;
import forum.platform.Paging;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.Validation;
import forum.posts.NewPost;
import forum.posts.Post;
import forum.posts.PostId;
import forum.posts.PostNotFoundException;
import forum.posts.PostsApi;
import forum.posts.internal.persistence.PostRepository;
import forum.posts.internal.persistence.PostRow;
import forum.threads.ThreadId;
import forum.threads.ThreadsApi;
import forum.users.UserId;
import forum.users.UsersApi;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** The posts module in-process: what other modules get when they ask for {@link PostsApi}. */
@Service
@ConditionalOnLocalModule("posts")
class PostService implements PostsApi {

    private final PostRepository posts;
    private final ThreadsApi threads;
    private final UsersApi users;

    PostService(PostRepository posts, ThreadsApi threads, UsersApi users) {
        this.posts = posts;
        this.threads = threads;
        this.users = users;
    }

    @Override
    public List<Post> list(int limit, int offset) {
        Paging.check(limit, offset);
        return toPosts(posts.findPage(limit, offset));
    }

    @Override
    public Post get(PostId id) {
        return posts.findById(id.value()).map(PostRow::toPost).orElseThrow(() -> new PostNotFoundException(id));
    }

    @Override
    public List<Post> inThread(ThreadId thread, int limit, int offset) {
        Paging.check(limit, offset);
        return toPosts(posts.findPageInThread(thread.value(), limit, offset));
    }

    @Override
    public List<Post> byUser(UserId user, int limit, int offset) {
        Paging.check(limit, offset);
        return toPosts(posts.findPageByUser(user.value(), limit, offset));
    }

    @Override
    public Post create(NewPost post) {
        Validation.of()
                .required("thread", post.thread())
                .text("text", post.text(), 1, 10_000)
                .required("user", post.user())
                .check();
        // Both references are checked through their modules' APIs (in-process or remote, a missing one is
        // a ResourceNotFoundException), and both are reported at once.
        List<FieldViolation> missing = new ArrayList<>();
        try {
            threads.get(post.thread());
        } catch (ResourceNotFoundException unknown) {
            missing.add(new FieldViolation("thread", "is not an existing thread: " + post.thread()));
        }
        try {
            users.get(post.user());
        } catch (ResourceNotFoundException unknown) {
            missing.add(new FieldViolation("user", "is not an existing user: " + post.user()));
        }
        if (!missing.isEmpty()) {
            throw new ReferenceNotFoundException(missing);
        }
        return posts.save(PostRow.from(post)).toPost();
    }

    private static List<Post> toPosts(List<PostRow> rows) {
        return rows.stream().map(PostRow::toPost).toList();
    }
}
