/** Storage of users in the module's own {@code users} schema (Spring Data JDBC). */
package forum.users.internal.persistence;
