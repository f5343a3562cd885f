/**
 * The catalogue of problem types ({@code urn:forum:problem:<kind>}) and how a problem document is written
 * where Spring MVC does not write it. Depends on nothing else of the web layer.
 */
package forum.platform.web.problem;
