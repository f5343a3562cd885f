/**
 * Posts: what users write in threads. This package is the module's published API:
 * {@link forum.posts.PostsApi} (also the HTTP contract under {@code /api/posts}), its records and its id
 * type. A post refers to its thread and its author by {@link forum.threads.ThreadId} and
 * {@link forum.users.UserId} only.
 */
package forum.posts;
