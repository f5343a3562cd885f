package forum.threads;

import forum.users.UserId;

/** What {@code POST /api/threads} takes; {@code createdBy} must be an existing user. */
public record NewThread(String title, UserId createdBy) {
}
