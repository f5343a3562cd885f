package forum.posts.internal.web;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.security.Callers;
import forum.platform.web.Pages;
import forum.posts.NewPost;
import forum.posts.Post;
import forum.posts.PostId;
import forum.posts.PostsApi;
import forum.threads.ThreadId;
import forum.users.UserId;
import java.util.List;
import org.springframework.context.annotation.Fallback;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@link PostsApi} over HTTP, its routes taken from the interface. {@code @Fallback}: callers
 * asking for a {@code PostsApi} get the service, not this.
 */
@RestController
@Fallback
@ConditionalOnLocalModule("posts")
class PostController implements PostsApi {

    private final PostsApi posts;

    PostController(PostsApi posts) {
        this.posts = posts;
    }

    @Override
    public List<Post> list(int limit, int offset) {
        return Pages.page(limit, offset, posts::list);
    }

    @Override
    public Post get(PostId id) {
        return posts.get(id);
    }

    @Override
    public List<Post> inThread(ThreadId thread, int limit, int offset) {
        return Pages.page(limit, offset, (l, o) -> posts.inThread(thread, l, o));
    }

    @Override
    public List<Post> byUser(UserId user, int limit, int offset) {
        return Pages.page(limit, offset, (l, o) -> posts.byUser(user, l, o));
    }

    /**
     * The author is the caller: a body that names another user is refused with 403 before anything is checked, and a
     * token whose user does not exist with 401 ({@link Callers#writeAs}).
     */
    @Override
    @ResponseStatus(HttpStatus.CREATED)
    public Post create(NewPost post) {
        Post created = Callers.writeAs("user", post.user() == null ? null : post.user().value(),
                author -> posts.create(new NewPost(post.thread(), post.text(), UserId.of(author))));
        Pages.created(PATH + "/" + created.id());
        return created;
    }
}
