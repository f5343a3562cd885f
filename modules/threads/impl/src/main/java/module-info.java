/**
 * The threads module's implementation. It exports nothing: other modules reach threads only through
 * {@code forum.threads.api}. Open so that Spring can reflect on it.
 */
open module forum.threads {
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
