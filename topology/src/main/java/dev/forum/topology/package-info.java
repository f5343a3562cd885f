/**
 * The topology model: which modules run in which service, and how a load balancer sends each route there.
 *
 * <p>{@link dev.forum.topology.TopologyFile} reads {@code topology.yml} into a {@link dev.forum.topology.TopologySpec};
 * {@link dev.forum.topology.Topology#resolve} checks it against the application's modules (each with the route
 * prefix its API contract declares) and answers every question the renderers ask: the services, the modules each
 * holds locally, and the {@link dev.forum.topology.RoutingRule}s with their weights. Plain Java with no I/O beyond
 * reading the file, so the extraction plugin (Maven's JVM), the ECS templates and the local load balancer all use
 * the same answers.
 */
package dev.forum.topology;
