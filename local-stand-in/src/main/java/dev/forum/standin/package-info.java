/**
 * The local stand-in of a deployment: any topology file run on one machine, with the built jars as JDK 25
 * processes (at least two per service), PostgreSQL with a role per module, and HAProxy in the place of the
 * ALB, its configuration rendered from the same {@link dev.forum.topology.Topology#routingRules()} as the ALB's
 * listener rules.
 *
 * <ul>
 *   <li>{@code contracts}: the modules and their route prefixes, read from the API interfaces;</li>
 *   <li>{@code haproxy}: the configuration renderer, the runtime API client and the HAProxy process;</li>
 *   <li>{@code process}: one JDK 25 process of a service;</li>
 *   <li>{@code db}: the machine's PostgreSQL, a database and a role per module for one run;</li>
 *   <li>{@code stand}: the running topology and the steps that move it (start a service, shift weights,
 *       reconfigure a service instance by instance, stop a service), the migration and the rollback;</li>
 *   <li>{@code cli}: {@code java -jar local-stand-in.jar}.</li>
 * </ul>
 */
package dev.forum.standin;
