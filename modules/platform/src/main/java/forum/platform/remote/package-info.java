/**
 * Calls to modules that live in another process: a client generated from the module's API interface,
 * with timeouts, retries of idempotent reads, a circuit breaker per module, trace context and request
 * id, and remote problems turned back into the same domain outcomes.
 */
package forum.platform.remote;
