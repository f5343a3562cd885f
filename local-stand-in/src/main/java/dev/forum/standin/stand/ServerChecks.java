package dev.forum.standin.stand;

import dev.forum.standin.haproxy.HaproxyConfig;
import dev.forum.standin.haproxy.HaproxyProcess;
import dev.forum.standin.haproxy.ServerStatus;
import dev.forum.standin.process.Instance;
import dev.forum.standin.process.Seconds;
import dev.forum.topology.RoutingRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What HAProxy's runtime API says of a stand's servers, for {@link MigrationSteps}: the waits a step makes (a server
 * healthy or ready, an instance without requests in flight, the service's other instances at the end of their slow
 * start) and the refusals that keep it from dropping a request (taking out the last ready server with weight of a
 * backend, taking a module from an instance that still has weight for it, stopping a service that still has weight).
 * In: the instance, backend or service a step is about to act on; out: the server's status once it meets the
 * condition, or nothing when the step may go on, else an {@link IllegalStateException} saying why it may not.
 */
final class ServerChecks {

    private static final Duration HAPROXY_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final StandContext context;
    private final HaproxyProcess haproxy;
    private final Launcher launcher;
    /** When each instance set ready last reaches its full share of requests (System.nanoTime(), end of its slow start). */
    private final Map<String, Long> rampEnds = new ConcurrentHashMap<>();

    /** Checks of the servers of {@code launcher}'s processes behind the running {@code haproxy}. */
    ServerChecks(StandContext context, HaproxyProcess haproxy, Launcher launcher) {
        this.context = context;
        this.haproxy = haproxy;
        this.launcher = launcher;
    }

    /** Notes that {@code instance} was just set ready: it takes its full share once HAProxy's slow start is over. */
    void rampStarted(Instance instance) {
        rampEnds.put(instance.name(), System.nanoTime() + context.haproxy().slowStart().toNanos());
    }

    /**
     * A server leaves a backend only while another ready server with weight there takes its share, and only once the
     * service's other instances have ended their slow start: one taken out while another still ramps would hand the
     * ramping one everything at once, the very flood the ramp is there to spare it.
     */
    void requireOthersReady(Instance instance) {
        long rampStart = System.nanoTime();
        long rampEnd = launcher.instances(instance.service()).stream().filter(other -> other != instance)
                .mapToLong(other -> rampEnds.getOrDefault(other.name(), 0L)).filter(end -> end - rampStart > 0)
                .max().orElse(rampStart);
        if (rampEnd != rampStart) {
            Parallel.sleep(Duration.ofNanos(rampEnd - rampStart).toMillis());
            context.log().info(instance.name() + ": waited " + Seconds.since(rampStart) + " for the other instances of "
                    + instance.service() + " to end their slow start");
        }
        long deadline = System.nanoTime() + context.options().readyTimeout().toNanos();
        while (true) {
            List<ServerStatus> servers = haproxy.api().servers();
            List<String> alone = new ArrayList<>();
            for (ServerStatus own : servers) {
                if (!own.server().equals(instance.name()) || own.weight() == 0 || !routed(own.backend())) {
                    continue;
                }
                boolean other = servers.stream().anyMatch(s -> s.backend().equals(own.backend())
                        && !s.server().equals(instance.name()) && s.ready() && s.weight() > 0);
                if (!other) {
                    alone.add(own.backend());
                }
            }
            if (alone.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot take " + instance.name() + " out: it is the only ready server of "
                        + alone + " with weight");
            }
            Parallel.sleep(200);
        }
    }

    /** An instance loses a module only once it has no weight left in that module's rule backends. */
    void requireNoWeightForLostModules(Instance instance, Set<String> modules) {
        for (RoutingRule rule : context.layout().routingRules()) {
            if (modules.contains(rule.module())) {
                continue;
            }
            String backend = HaproxyConfig.ruleBackend(rule);
            for (ServerStatus server : haproxy.api().servers()) {
                if (server.backend().equals(backend) && server.server().equals(instance.name()) && server.weight() > 0) {
                    throw new IllegalStateException("refusing to take " + rule.module() + " from " + instance.name()
                            + ": it still has weight " + server.weight() + " in " + backend);
                }
            }
        }
    }

    /**
     * A service is stopped only once none of its instances has weight in a routed backend.
     *
     * @throws IllegalStateException naming the first server that still has weight
     */
    void requireNoWeight(String service, List<Instance> instances) {
        for (ServerStatus server : haproxy.api().servers()) {
            if (routed(server.backend()) && server.weight() > 0
                    && instances.stream().anyMatch(i -> i.name().equals(server.server()))) {
                throw new IllegalStateException("refusing to stop " + service + ": " + server.server() + " still has weight "
                        + server.weight() + " in " + server.backend());
            }
        }
    }

    /** Whether {@code backend} takes requests from the routing rules: a rule's backend, or the deployed monolith's. */
    private boolean routed(String backend) {
        return backend.startsWith("rule_") || context.layout().monolithDeployed()
                && backend.equals(HaproxyConfig.serviceBackend(context.layout().monolith().name()));
    }

    /** Waits until HAProxy counts no request in flight to the instance, at most the drain timeout (then logs and goes on). */
    void awaitIdle(Instance instance) {
        long deadline = System.nanoTime() + context.options().drainTimeout().toNanos();
        while (true) {
            int inFlight = haproxy.api().servers().stream().filter(s -> s.server().equals(instance.name()))
                    .mapToInt(ServerStatus::current).sum();
            if (inFlight == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                context.log().info(instance.name() + " still has " + inFlight + " requests in flight after "
                        + context.options().drainTimeout().toSeconds()
                        + " s; stopping it anyway (graceful shutdown finishes them)");
                return;
            }
            Parallel.sleep(50);
        }
    }

    /** Waits until HAProxy's status of {@code backend/server} meets {@code condition}, at most 30 s. */
    ServerStatus awaitServer(String backend, String server, Predicate<ServerStatus> condition) {
        long deadline = System.nanoTime() + HAPROXY_CHECK_TIMEOUT.toNanos();
        ServerStatus last = null;
        while (true) {
            for (ServerStatus status : haproxy.api().servers()) {
                if (status.backend().equals(backend) && status.server().equals(server)) {
                    last = status;
                    if (condition.test(status)) {
                        return status;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("HAProxy did not find " + backend + "/" + server + " healthy within "
                        + HAPROXY_CHECK_TIMEOUT.toSeconds() + " s (last: " + last + ")");
            }
            Parallel.sleep(100);
        }
    }
}
