/**
 * Identity in every process: each one verifies every token itself (Spring Security's OAuth 2.0 resource server),
 * with rules derived from the modules' contracts ({@link forum.platform.RouteAccess}); 401 and 403 are problems;
 * the caller's token goes with every call made on its behalf; log lines carry the caller.
 */
package forum.platform.security;
