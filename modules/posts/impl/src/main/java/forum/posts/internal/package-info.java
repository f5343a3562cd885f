/** The posts module's implementation: nothing here is visible to other modules. */
package forum.posts.internal;
