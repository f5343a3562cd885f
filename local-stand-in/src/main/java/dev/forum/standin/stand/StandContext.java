package dev.forum.standin.stand;

import dev.forum.standin.haproxy.HaproxySettings;
import dev.forum.topology.Topology;

/**
 * What every part of one stand-in run works from.
 *
 * @param layout   the topology HAProxy is configured from (the first stage's): its services, modules and rules
 * @param options  how the stand-in runs (jars, work folder, timeouts, JVM options)
 * @param log      where each step and detail is printed
 * @param haproxy  the load balancer's ports, health path and slow start
 */
record StandContext(Topology layout, StandOptions options, StepLog log, HaproxySettings haproxy) {
}
