/**
 * The HTTP side every forum process shares: problem details for every error, the list paging headers,
 * the request body limit and the tutorial's root routes.
 */
package forum.platform.web;
