package forum.posts;

import forum.threads.ThreadId;
import forum.users.UserId;

/** What {@code POST /api/posts} takes; {@code thread} and {@code user} must exist. */
public record NewPost(ThreadId thread, String text, UserId user) {
}
