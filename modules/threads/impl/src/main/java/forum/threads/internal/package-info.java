/** The threads module's implementation: nothing here is visible to other modules. */
package forum.threads.internal;
