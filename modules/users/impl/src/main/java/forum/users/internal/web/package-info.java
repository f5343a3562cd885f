/** The users module's HTTP side: {@link forum.users.UsersApi}'s routes, served by the module itself. */
package forum.users.internal.web;
