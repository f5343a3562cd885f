/**
 * Users: who writes in the forum. This package is the module's published API: {@link forum.users.UsersApi}
 * (a Java interface that is also the module's HTTP contract under {@code /api/users}), its records and
 * its id type. The implementation lives in {@code forum.users.internal} in its own artifact.
 */
package forum.users;
