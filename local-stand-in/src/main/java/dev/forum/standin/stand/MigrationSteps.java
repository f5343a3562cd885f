package dev.forum.standin.stand;

import dev.forum.standin.haproxy.HaproxyConfig;
import dev.forum.standin.haproxy.HaproxyProcess;
import dev.forum.standin.haproxy.RuntimeApi;
import dev.forum.standin.haproxy.ServerStatus;
import dev.forum.standin.haproxy.ServerWeights;
import dev.forum.standin.process.Instance;
import dev.forum.standin.process.Seconds;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps a {@link Stand} takes between stages ({@link Action}): starting a service and taking its servers into
 * HAProxy, shifting weights, a rolling reconfiguration (drain, stop, start, ready, taken back, one instance at a
 * time), and draining and stopping a service. Each waits for the health it needs, through HAProxy's runtime API, and
 * logs what it changed; none drops a request ({@link ServerChecks} waits and refuses). In: the {@link Action} of a
 * stage, or the services of the first start; out: the processes started, reconfigured or stopped and HAProxy's
 * servers and weights changed, or an {@link IllegalStateException} when the step would drop requests.
 */
final class MigrationSteps {

    private final StandContext context;
    private final HaproxyProcess haproxy;
    private final Launcher launcher;
    private final ServerChecks checks;

    /** Steps on the processes of {@code launcher} behind the running {@code haproxy}, configured from the context's layout. */
    MigrationSteps(StandContext context, HaproxyProcess haproxy, Launcher launcher) {
        this.context = context;
        this.haproxy = haproxy;
        this.launcher = launcher;
        this.checks = new ServerChecks(context, haproxy, launcher);
    }

    /**
     * Takes one step.
     *
     * @throws IllegalStateException when the step would drop requests (weight for a module a process lacks, the last
     *                               ready server taken out) or a process or server does not get healthy in time
     */
    void take(Action action) {
        switch (action) {
            case Action.StartService start -> startServices(Map.of(start.service(), start.modules()), false);
            case Action.Reconfigure reconfigure -> reconfigure(reconfigure.service(), reconfigure.modules());
            case Action.Shift shift -> shift(shift.weights());
            case Action.StopService stop -> stopService(stop.service());
        }
    }

    // ---- starting -------------------------------------------------------------------------------------------

    /**
     * Starts every instance of {@code services} (service to the modules it holds) at once, and takes each into
     * HAProxy when it is ready. {@code initial}: the stand-in's first start, where the first service holding a module
     * loads its sample data and nothing serves meanwhile.
     */
    void startServices(Map<String, Set<String>> services, boolean initial) {
        Map<String, String> seeders = initial ? seeders(services) : Map.of();
        List<Instance> started = new ArrayList<>();
        services.forEach((service, modules) -> {
            Set<String> ordered = launcher.ordered(modules);
            Set<String> remote = launcher.remote(ordered);
            Path jar = context.options().jars().root().relativize(launcher.jar(service).toAbsolutePath());
            context.log().info("start " + service + " (" + launcher.instances(service).stream().map(Instance::name)
                    .collect(Collectors.joining(", ")) + ") from " + jar + ": local " + String.join(", ", ordered) + (remote.isEmpty() ? ""
                    : "; remote " + String.join(", ", remote) + " via " + context.haproxy().internalUrl()));
            for (Instance instance : launcher.instances(service)) {
                boolean seed = instance == launcher.instances(service).getFirst()
                        && ordered.stream().allMatch(m -> service.equals(seeders.get(m)));
                // A service started later (an extraction) starts beside the processes that serve meanwhile.
                launcher.launch(instance, ordered, seed, !initial);
                started.add(instance);
            }
        });
        Parallel.each(started, instance -> {
            Duration took = launcher.awaitReady(instance);
            context.log().info(instance.name() + " ready in " + Seconds.of(took) + " (pid " + instance.pid() + ", serves :"
                    + instance.port() + "; GET " + context.haproxy().healthPath() + " -> 200 on its management port :"
                    + instance.managementPort() + ")");
            enable(instance);
            return null;
        });
    }

    /** Which service loads each module's sample data on the first start: the first that holds it. */
    private Map<String, String> seeders(Map<String, Set<String>> services) {
        Map<String, String> seeders = new LinkedHashMap<>();
        for (ServiceSpec service : context.layout().deployedServices()) {
            for (String module : services.getOrDefault(service.name(), Set.of())) {
                seeders.putIfAbsent(module, service.name());
            }
        }
        return seeders;
    }

    /** Takes a ready instance into the load balancer and waits until HAProxy's own checks find it healthy. */
    private void enable(Instance instance) {
        String backend = HaproxyConfig.serviceBackend(instance.service());
        long start = System.nanoTime();
        haproxy.api().setState(backend, instance.name(), RuntimeApi.State.READY);
        ServerStatus status = checks.awaitServer(backend, instance.name(), ServerStatus::ready);
        checks.rampStarted(instance);
        context.log().info("HAProxy: " + backend + "/" + instance.name() + " " + status.status() + " (" + status.checkStatus()
                + ") " + Seconds.since(start) + " after it was set ready");
    }

    // ---- weights --------------------------------------------------------------------------------------------

    private void shift(Topology weights) {
        for (RoutingRule rule : weights.routingRules()) {
            String backend = HaproxyConfig.ruleBackend(rule);
            Map<String, Integer> serverWeights = new LinkedHashMap<>();
            context.layout().routingRules().stream().filter(r -> r.priority() == rule.priority()).findFirst().orElseThrow()
                    .targets().forEach(t -> launcher.instances(t.service()).forEach(i -> serverWeights.put(i.name(), 0)));
            serverWeights.putAll(ServerWeights.of(rule, launcher.endpoints()));
            for (Map.Entry<String, Integer> entry : serverWeights.entrySet()) {
                Instance instance = launcher.instance(entry.getKey());
                if (entry.getValue() > 0 && !instance.localModules().contains(rule.module())) {
                    throw new IllegalStateException("refusing to send " + rule.module() + " traffic to " + instance
                            + ": its process does not hold " + rule.module());
                }
            }
            Map<String, Integer> before = new LinkedHashMap<>();
            for (ServerStatus server : haproxy.api().servers()) {
                if (server.backend().equals(backend)) {
                    before.put(server.server(), server.weight());
                }
            }
            serverWeights.forEach((server, weight) -> haproxy.api().setWeight(backend, server, weight));
            context.log().info(rule.module() + " routes " + rule.patterns() + ": " + HaproxyConfigDescriptions.targets(rule)
                    + "; " + backend + " weights " + describeWeights(before) + " -> " + describeWeights(serverWeights));
        }
    }

    private static String describeWeights(Map<String, Integer> weights) {
        return weights.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    // ---- rolling reconfiguration ----------------------------------------------------------------------------

    private void reconfigure(String service, Set<String> modules) {
        Set<String> ordered = launcher.ordered(modules);
        for (Instance instance : launcher.instances(service)) {
            if (instance.running() && instance.localModules().equals(ordered)) {
                continue;
            }
            restart(instance, ordered);
        }
    }

    /**
     * One instance of a rolling reconfiguration: drain it in HAProxy, wait for its requests in flight, stop it
     * gracefully, start it with {@code modules} (in the topology's order), wait until it is ready and HAProxy finds it
     * healthy, take it back.
     *
     * @throws IllegalStateException when taking it out would leave a backend without a ready server with weight, when
     *                               it still has weight for a module it would lose, or when it does not get healthy
     */
    void restart(Instance instance, Set<String> modules) {
        String backend = HaproxyConfig.serviceBackend(instance.service());
        String holds = String.join(",", instance.localModules());
        // A restart that keeps the modules (a key rotation) says so rather than "threads,users -> threads,users".
        context.log().info(instance.name() + ": " + (instance.localModules().equals(modules)
                ? "restart with the same modules (" + holds + ")"
                : "local " + holds + " -> " + String.join(",", modules)));
        checks.requireOthersReady(instance);
        checks.requireNoWeightForLostModules(instance, modules);

        long drainStart = System.nanoTime();
        haproxy.api().setState(backend, instance.name(), RuntimeApi.State.DRAIN);
        checks.awaitIdle(instance);
        context.log().info("drained " + backend + "/" + instance.name()
                + " (and the rules tracking it): no request in flight after "
                + Seconds.since(drainStart));

        Instance.Stopped stopped = launcher.stop(instance);
        context.log().info(instance.name() + " stopped: " + stopped);

        launcher.launch(instance, modules, false, true);
        Duration took = launcher.awaitReady(instance);
        Set<String> remote = launcher.remote(modules);
        context.log().info(instance.name() + " ready in " + Seconds.of(took) + " (pid " + instance.pid() + "): local "
                + String.join(", ", modules) + (remote.isEmpty() ? "" : ", remote " + String.join(", ", remote) + " via "
                + context.haproxy().internalUrl()));
        long checkStart = System.nanoTime();
        ServerStatus status = checks.awaitServer(backend, instance.name(), ServerStatus::healthy);
        context.log().info("HAProxy: " + backend + "/" + instance.name() + " healthy (" + status.checkStatus() + ") after "
                + Seconds.since(checkStart));
        haproxy.api().setState(backend, instance.name(), RuntimeApi.State.READY);
        checks.rampStarted(instance);
        context.log().info(instance.name() + " takes traffic again, its share ramped up over "
                + Seconds.of(context.haproxy().slowStart()));
    }

    // ---- stopping -------------------------------------------------------------------------------------------

    private void stopService(String service) {
        String backend = HaproxyConfig.serviceBackend(service);
        List<Instance> instances = launcher.instances(service);
        checks.requireNoWeight(service, instances);
        long start = System.nanoTime();
        for (Instance instance : instances) {
            haproxy.api().setState(backend, instance.name(), RuntimeApi.State.DRAIN);
        }
        for (Instance instance : instances) {
            checks.awaitIdle(instance);
        }
        context.log().info("drained " + backend + ": no request in flight after " + Seconds.since(start));
        Parallel.each(instances, instance -> {
            Instance.Stopped stopped = launcher.stop(instance);
            haproxy.api().setState(backend, instance.name(), RuntimeApi.State.MAINT);
            context.log().info(instance.name() + " stopped: " + stopped + "; in maintenance in HAProxy");
            return null;
        });
    }
}
