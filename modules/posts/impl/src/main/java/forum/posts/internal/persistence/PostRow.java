package forum.posts.internal.persistence;

import forum.platform.Text;
import forum.posts.NewPost;
import forum.posts.Post;
import forum.posts.PostId;
import forum.threads.ThreadId;
import forum.users.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code posts.posts}. {@code thread_id} and {@code user_id} hold ids owned by other modules:
 * no foreign keys across module schemas.
 */
@Table(schema = "posts", name = "posts")
public record PostRow(@Id Long id, @Column("thread_id") long thread, String text, @Column("user_id") long user) {

    /** The row a new post writes: its text stripped of its blank characters ({@link Text#strip}). */
    public static PostRow from(NewPost post) {
        return new PostRow(null, post.thread().value(), Text.strip(post.text()), post.user().value());
    }

    public Post toPost() {
        return new Post(new PostId(id), new ThreadId(thread), text, new UserId(user));
    }
}
