/**
 * Threads: the topics of the forum, each started by a user. This package is the module's published API:
 * {@link forum.threads.ThreadsApi} (also the HTTP contract under {@code /api/threads}), its records and
 * its id type. A thread refers to its author by {@link forum.users.UserId} only.
 */
package forum.threads;
