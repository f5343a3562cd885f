/** Storage of posts in the module's own {@code posts} schema (Spring Data JDBC). */
package forum.posts.internal.persistence;
