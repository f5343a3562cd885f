/** The threads module's HTTP side: {@link forum.threads.ThreadsApi}'s routes, served by the module itself. */
package forum.threads.internal.web;
