/** The users module's implementation: nothing here is visible to other modules. */
package forum.users.internal;
