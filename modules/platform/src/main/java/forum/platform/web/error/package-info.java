/**
 * Every error a process answers, as a problem document of {@link forum.platform.web.problem.ProblemType}'s
 * catalogue: Spring MVC's exception handling, the servlet container's error page and error report.
 */
package forum.platform.web.error;
