package forum.posts;

import forum.threads.ThreadId;
import forum.users.UserId;

/** A post: the tutorial's {@code {thread, text, user}} plus its own {@code id}. */
public record Post(PostId id, ThreadId thread, String text, UserId user) {
}
