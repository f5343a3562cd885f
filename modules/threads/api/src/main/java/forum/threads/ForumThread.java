package forum.threads;

import forum.users.UserId;

/** A thread, as the tutorial shows it: {@code {id, title, createdBy}} where {@code createdBy} is a user id. */
public record ForumThread(ThreadId id, String title, UserId createdBy) {
}
