/**
 * The run-time half of module extraction, for any Spring Boot 4 application whose modules Spring Modulith finds:
 * {@code topology} (which modules run in this process, from {@code extraction.topology.*} and the module metadata the
 * extraction plugin writes), {@code remote} (a client made from each remote module's HTTP contract), {@code migration}
 * (per-module Flyway migrations by Spring Modulith's convention), {@code jpa} (remote modules' entities left out of the
 * persistence unit), {@code web} (warm-up, routes of remote modules) and {@code inprocess} (a local module's contract
 * validated in process as Spring MVC validates it over HTTP).
 * Auto-configured: adding the jar is all an application does.
 */
package dev.forum.extraction.runtime;
