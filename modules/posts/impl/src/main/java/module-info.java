/**
 * The posts module's implementation. It exports nothing: other modules reach posts only through
 * {@code forum.posts.api}. Open so that Spring can reflect on it.
 */
open module forum.posts {
    requires forum.posts.api;
    requires forum.threads.api;
    requires forum.users.api;
    requires forum.platform;
    requires spring.context;
    requires spring.beans;
    requires spring.tx;
    requires spring.jdbc;
    requires spring.data.commons;
    requires spring.data.relational;
    requires spring.data.jdbc;
    requires java.sql;
}
