/**
 * In-process calls of a local module's HTTP contract checked as Spring MVC checks them over HTTP: the contract
 * method's {@code @Valid} bodies and parameter constraints are validated before the method runs, and an invalid call
 * is refused with the 400 {@code ErrorResponse} Spring MVC answers for it ({@link
 * dev.forum.extraction.runtime.inprocess.ContractValidationAutoConfiguration}).
 */
package dev.forum.extraction.runtime.inprocess;
