/**
 * The forum's part in calls to modules in another process (the calls themselves are extraction-runtime's): the
 * request id relayed on every call, and remote problems turned back into the same domain outcomes.
 */
package forum.platform.remote;
