package dev.forum.standin.stand;

import dev.forum.closestname.ClosestName;
import dev.forum.standin.haproxy.Endpoint;
import dev.forum.standin.keys.KeyRollout;
import dev.forum.standin.process.Instance;
import dev.forum.standin.process.Jdk;
import dev.forum.standin.process.Ports;
import dev.forum.standin.process.Seconds;
import dev.forum.standin.process.UnpackedJar;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The stand-in's JVM processes: every deployed service's instances (two or more, each with its ports and log file)
 * and the jar they run; starting one with its configuration (at a lower CPU priority beside others that serve),
 * waiting until it is ready, stopping and killing it. The load balancer is not told here ({@link MigrationSteps}).
 */
final class Launcher {

    /**
     * The proxies whose {@code X-Forwarded-For} a forum process believes: the stand-in's HAProxy, on loopback (the
     * forum trusts none by default, README "Identity", "Logins"). A regular expression, as Tomcat's
     * {@code RemoteIpValve} takes it; passed as {@code SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES}, which the stand-in's
     * own settings ({@code options().environment()}) may still override.
     */
    static final String TRUSTED_PROXY = "127\\.0\\.0\\.1";

    private final StandContext context;
    private final Databases databases;
    private final KeyRollout keys;
    private final Path java;
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
    private final Map<String, List<Endpoint>> endpoints = new LinkedHashMap<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();
    /** The jar each service's processes start from: its jar unpacked, or the jar itself where that failed. */
    private final Map<String, Path> startJars = new LinkedHashMap<>();

    /** Finds the JDK 25 ({@link Jdk#java()}); starts nothing. */
    Launcher(StandContext context, Databases databases, KeyRollout keys) {
        this.context = context;
        this.databases = databases;
        this.keys = keys;
        this.java = Jdk.java();
    }

    /**
     * Lays out every deployed service's instances (at least two, a free port and management port each from
     * {@code ports}, logs under the work folder's {@code logs/}), picks each service's jar and unpacks it under the
     * work folder's {@code jars/}; starts nothing.
     *
     * @throws IllegalStateException when a service has no jar and the monolith's may not stand in for it
     */
    void layOut(Ports ports) {
        for (ServiceSpec service : context.layout().deployedServices()) {
            List<Instance> list = new ArrayList<>();
            List<Endpoint> eps = new ArrayList<>();
            for (int i = 1; i <= Math.max(2, service.count()); i++) {
                Endpoint endpoint = Endpoint.loopback(service.name(), i, ports.free(), ports.free());
                eps.add(endpoint);
                list.add(new Instance(service.name(), endpoint.name(), endpoint.port(), endpoint.checkPort(),
                        context.options().workDir().resolve("logs").resolve(endpoint.name() + ".log")));
            }
            instances.put(service.name(), List.copyOf(list));
            endpoints.put(service.name(), List.copyOf(eps));
            jars.put(service.name(), jarOf(service));
        }
        // Each jar unpacked once (a service without a jar of its own shares the monolith's).
        Map<Path, Path> unpacked = new LinkedHashMap<>();
        jars.forEach((service, jar) -> startJars.put(service, unpacked.computeIfAbsent(jar, j -> UnpackedJar.startJar(java,
                j, context.options().workDir().resolve("jars").resolve(service), context.log()::info))));
    }

    private Path jarOf(ServiceSpec service) {
        if (service.monolith()) {
            return context.options().jars().monolith();
        }
        var extracted = context.options().jars().extracted(service.name());
        if (extracted.isPresent()) {
            String stale = context.options().jars().staleness(extracted.get());
            if (stale != null) {
                context.log().info("warning: " + extracted.get() + " was not built with the monolith jar (" + stale + "); `"
                        + ServiceJars.buildCommand(service.name()) + "` rebuilds both");
            }
            return extracted.get();
        }
        if (!context.options().monolithJarFallback()) {
            throw new IllegalStateException("no jar for service " + service.name() + ": build it with `"
                    + ServiceJars.buildCommand(service.name()) + "`");
        }
        Path monolith = context.options().jars().monolith();
        context.log().info("no jar for service " + service.name() + " (`" + ServiceJars.buildCommand(service.name())
                + "` builds one): running the monolith's jar with only its modules local");
        return monolith;
    }

    /** Each service's load balancer servers, by service name, in the order of the topology. */
    Map<String, List<Endpoint>> endpoints() {
        return Collections.unmodifiableMap(endpoints);
    }

    /** Each service's instances, by service name, in the order of the topology. */
    Map<String, List<Instance>> byService() {
        return Collections.unmodifiableMap(instances);
    }

    /** Every instance, service by service. */
    List<Instance> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /** @throws IllegalArgumentException when the topology has no such service */
    List<Instance> instances(String service) {
        List<Instance> list = instances.get(service);
        if (list == null) {
            throw new IllegalArgumentException("no service " + service + " here (services: "
                    + String.join(", ", instances.keySet()) + ")");
        }
        return list;
    }

    /** @throws IllegalArgumentException when no instance has that name */
    Instance instance(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + name + " (instances: " + String.join(", ",
                        all().stream().map(Instance::name).toList()) + ")"));
    }

    /** The jar a service's processes run; null for a service that is not deployed. */
    Path jar(String service) {
        return jars.get(service);
    }

    /**
     * {@code modules} in the topology's order.
     *
     * @throws IllegalArgumentException when one is not a module of the topology ({@link #inTopologyOrder})
     */
    Set<String> ordered(Set<String> modules) {
        return inTopologyOrder(context.layout(), modules);
    }

    /**
     * {@code modules} in {@code topology}'s order (by name).
     *
     * @throws IllegalArgumentException when one or more are not modules of the topology, in one line that names each
     *                                  (by name), the module it most likely meant when one is close
     *                                  ({@link ClosestName}), and the topology's modules: {@code unknown modules
     *                                  'comments', 'postz' (did you mean posts?); the modules are posts, threads, users}
     */
    static Set<String> inTopologyOrder(Topology topology, Set<String> modules) {
        List<String> all = topology.modules().stream().map(ModuleRoute::module).toList();
        Set<String> ordered = new LinkedHashSet<>();
        for (String module : all) {
            if (modules.contains(module)) {
                ordered.add(module);
            }
        }
        Set<String> unknown = new TreeSet<>(modules);
        unknown.removeAll(ordered);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown module" + (unknown.size() == 1 ? " " : "s ")
                    + unknown.stream().map(name -> "'" + name + "'" + ClosestName.hint(name, all)).collect(Collectors.joining(", "))
                    + "; the modules are " + String.join(", ", all));
        }
        return ordered;
    }

    /** The topology's modules a process holding {@code local} calls over HTTP, in the topology's order. */
    Set<String> remote(Set<String> local) {
        Set<String> remote = new LinkedHashSet<>();
        for (ModuleRoute module : context.layout().modules()) {
            if (!local.contains(module.module())) {
                remote.add(module.module());
            }
        }
        return remote;
    }

    /**
     * Starts an instance's process holding {@code modules} (in the topology's order); returns at once.
     *
     * @param seed   whether it loads the sample data of its modules
     * @param beside whether others serve meanwhile: it then starts at a lower CPU priority until {@link #awaitReady}
     */
    void launch(Instance instance, Set<String> modules, boolean seed, boolean beside) {
        Map<String, String> env = new LinkedHashMap<>();
        // Only what the stand-in sets configures the forum: this shell's own SPRING_*, FORUM_* and EXTRACTION_* are left out.
        System.getenv().keySet().stream().filter(name -> name.startsWith("SPRING_") || name.startsWith("FORUM_")
                || name.startsWith("EXTRACTION_")
                || name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_")).forEach(name -> env.put(name, null));
        env.put("SERVER_PORT", Integer.toString(instance.port()));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(instance.managementPort()));
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        trustTheLoadBalancer(env);
        env.put("EXTRACTION_TOPOLOGY_LOCAL_MODULES", String.join(",", modules));
        if (!remote(modules).isEmpty()) {
            env.put("EXTRACTION_TOPOLOGY_REMOTE_BASE_URL", context.haproxy().internalUrl());
        }
        databases.configure(env, instance.service(), modules);
        // The tutorial's sample data, loaded once by one process per module (two would race on an empty table).
        env.put("FORUM_SEED_DATA", seed ? "always" : "never");
        // Tokens: every process that signs them has the run's key set; every other one fetches its public half.
        keys.configure(env, modules);
        env.putAll(context.options().environment());
        instance.start(java, context.options().jvmOptions(), startJars.get(instance.service()), modules, env, beside);
    }

    /**
     * Tells a forum process to believe the {@code X-Forwarded-For} of the stand-in's HAProxy (and of nobody else):
     * {@code server.tomcat.remoteip.internal-proxies} = {@value #TRUSTED_PROXY}.
     *
     * @param env the process's environment, added to
     */
    static void trustTheLoadBalancer(Map<String, String> env) {
        env.put("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES", TRUSTED_PROXY);
    }

    /**
     * Waits until a started instance answers its readiness check, then gives it the usual CPU priority back (logged
     * where that fails).
     *
     * @return how long it took to become ready
     * @throws IllegalStateException when it is not ready within the options' ready timeout
     */
    Duration awaitReady(Instance instance) {
        Duration took = instance.awaitReady(context.haproxy().healthPath(), context.options().readyTimeout());
        if (!instance.servePriority()) {
            context.log().info(instance.name() + ": renice to 0 failed; it keeps the lower CPU priority it started with");
        }
        return took;
    }

    /** Stops an instance gracefully: SIGTERM, SIGKILL after the options' stop grace. */
    Instance.Stopped stop(Instance instance) {
        return instance.stop(context.options().stopGrace());
    }

    /** {@code kill -9} of the instance named {@code name}, logged. */
    Instance.Stopped kill(String name) {
        Instance instance = instance(name);
        Instance.Stopped stopped = instance.kill();
        context.log().info("killed " + name + ": " + stopped);
        return stopped;
    }

    /**
     * Starts crashed instances again with the modules they had (at a lower CPU priority) and waits until they are all
     * ready.
     *
     * @throws IllegalStateException when one still runs, or does not get ready in time
     */
    void restartCrashed(List<String> names) {
        List<Instance> list = names.stream().map(this::instance).toList();
        for (Instance instance : list) {
            if (instance.running()) {
                throw new IllegalStateException(instance.name() + " runs already");
            }
            Set<String> modules = ordered(new LinkedHashSet<>(List.of(instance.environment()
                    .getOrDefault("EXTRACTION_TOPOLOGY_LOCAL_MODULES", "").split(","))));
            launch(instance, modules, false, true);
        }
        Parallel.each(list, instance -> {
            Duration took = awaitReady(instance);
            context.log().info(instance.name() + " ready again in " + Seconds.of(took) + " (pid " + instance.pid() + ")");
            return null;
        });
    }

    /** Stops every running instance at once, gracefully, logging each. */
    void stopAll() {
        List<Instance> running = all().stream().filter(Instance::running).toList();
        Parallel.each(running, instance -> {
            context.log().info(instance.name() + " stopped: " + stop(instance));
            return null;
        });
    }
}
