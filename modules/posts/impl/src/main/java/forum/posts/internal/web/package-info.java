/** The posts module's HTTP side: {@link forum.posts.PostsApi}'s routes, served by the module itself. */
package forum.posts.internal.web;
