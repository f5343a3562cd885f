package dev.forum.standin.stand;

import dev.forum.datamove.server.InitdbServer;
import dev.forum.standin.db.LocalPostgres;
import dev.forum.standin.haproxy.Endpoint;
import dev.forum.standin.haproxy.HaproxyConfig;
import dev.forum.standin.haproxy.HaproxyProcess;
import dev.forum.standin.haproxy.HaproxySettings;
import dev.forum.standin.haproxy.RuntimeApi;
import dev.forum.standin.haproxy.ServerStatus;
import dev.forum.standin.haproxy.ServerWeights;
import dev.forum.standin.keys.SigningKeySet;
import dev.forum.standin.process.Instance;
import dev.forum.standin.process.Jdk;
import dev.forum.standin.process.Ports;
import dev.forum.standin.process.Seconds;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.WeightedTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A topology running on this machine: PostgreSQL with a role per module, every service's instances as JDK 25
 * processes, and HAProxy in front with the configuration {@link HaproxyConfig} renders from the topology's
 * routing rules. {@link #apply} moves it to another {@link Stage} in the order {@link Plan} gives, through
 * HAProxy's runtime API (weights, drain, ready), so that no request is dropped. Every step is printed with what
 * it changed and the health it waited for.
 *
 * <p>The load balancer's configuration is rendered once, from the first stage: its rules and servers are fixed,
 * only weights and server states change afterwards (no reload). A stage with a rule the first one lacks is
 * refused; start the stand-in from a topology that has it (at traffic 0).
 */
public final class Stand implements AutoCloseable {

    private static final Duration HAPROXY_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final int POOL_SIZE_PER_MODULE = 4;
    /** The module that issues tokens: its processes are given the signing keys. */
    public static final String TOKEN_ISSUER_MODULE = "users";
    /**
     * How long a process whose users module is remote uses the JWK set it fetched: short here (5 minutes on ECS), so
     * that a key rotation's steps follow each other quickly.
     */
    public static final Duration JWKS_CACHE_TTL = Duration.ofSeconds(10);

    private final Topology layout;
    private final StandOptions options;
    private final StepLog log;
    private final Path java;
    private final HaproxySettings haproxySettings;
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
    private final Map<String, List<Endpoint>> endpoints = new LinkedHashMap<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();
    private LocalPostgres database;
    /** Each service's own database (topology {@code database:}), by service name. */
    private final Map<String, LocalPostgres> ownDatabases = new LinkedHashMap<>();
    /** When each instance set ready last reaches its full share of requests (System.nanoTime(), end of its slow start). */
    private final Map<String, Long> rampEnds = new java.util.concurrent.ConcurrentHashMap<>();
    private HaproxyProcess haproxy;
    /** Made for this run and given to every process that holds the users module. */
    private volatile SigningKeySet signingKeys = SigningKeySet.generate();
    private Stage stage;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Stops everything when the JVM ends (Ctrl-C, SIGTERM) before {@link #close()} was called. */
    private final Thread shutdownHook = new Thread(this::close, "stand-in-stop");

    private Stand(Topology layout, StandOptions options, HaproxySettings haproxySettings) {
        this.layout = layout;
        this.options = options;
        this.log = new StepLog(options.out());
        this.java = Jdk.java();
        this.haproxySettings = haproxySettings;
    }

    /**
     * Starts {@code initial}: the database, HAProxy (rules and servers of every service in {@code initial.weights()},
     * the servers of processes not running yet in maintenance), then every service in {@code initial.processes()},
     * all instances at once, each server taken into the load balancer when it is ready.
     */
    public static Stand start(Stage initial, StandOptions options) {
        // Before any work: a load balancer or database that is missing or cannot run is one line naming the fix.
        boolean ownDatabases = initial.weights().extracted().stream().anyMatch(ServiceSpec::ownDatabase);
        String unavailable = Stream.of(HaproxyProcess.unavailableReason(),
                        ownDatabases ? InitdbServer.unavailableReason() : LocalPostgres.unavailableReason())
                .filter(Objects::nonNull).collect(Collectors.joining("; "));
        if (!unavailable.isEmpty()) {
            throw new IllegalStateException(unavailable);
        }
        Topology layout = initial.weights();
        Ports ports = new Ports();
        try {
            Files.createDirectories(options.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.workDir() + ": " + e.getMessage(), e);
        }
        int frontend = options.frontendPort() == 0 ? ports.free() : ports.require(options.frontendPort());
        int stats = options.statsPort() < 0 ? 0 : options.statsPort() == 0 ? ports.free() : ports.require(options.statsPort());
        HaproxySettings settings = HaproxySettings.loopback(frontend, stats, options.workDir().resolve("haproxy.sock"))
                .withInternalPort(ports.free());
        Stand stand = new Stand(layout, options, settings);
        Runtime.getRuntime().addShutdownHook(stand.shutdownHook);
        try {
            stand.boot(initial, ports);
        } catch (RuntimeException e) {
            try {
                stand.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return stand;
    }

    private void boot(Stage initial, Ports ports) {
        log.step("start " + layout.source() + " as '" + initial.label() + "' (work folder " + options.workDir() + ")");
        for (ServiceSpec service : layout.deployedServices()) {
            List<Instance> list = new ArrayList<>();
            List<Endpoint> eps = new ArrayList<>();
            for (int i = 1; i <= Math.max(2, service.count()); i++) {
                Endpoint endpoint = Endpoint.loopback(service.name(), i, ports.free(), ports.free());
                eps.add(endpoint);
                list.add(new Instance(service.name(), endpoint.name(), endpoint.port(), endpoint.checkPort(),
                        options.workDir().resolve("logs").resolve(endpoint.name() + ".log")));
            }
            instances.put(service.name(), List.copyOf(list));
            endpoints.put(service.name(), List.copyOf(eps));
            jars.put(service.name(), jarOf(service));
        }
        startDatabases();

        Set<String> stopped = instances.values().stream().flatMap(List::stream).map(Instance::name)
                .collect(Collectors.toSet());
        String config = HaproxyConfig.render(layout, endpoints, stopped, haproxySettings);
        haproxy = HaproxyProcess.start(config, options.workDir(), haproxySettings, Duration.ofSeconds(10));
        log.info("HAProxy " + haproxyVersion() + " (pid " + haproxy.pid() + ") on " + url() + ", config "
                + haproxy.config() + (haproxySettings.statsPort() > 0
                        ? ", stats http://127.0.0.1:" + haproxySettings.statsPort() + "/" : ""));
        for (RoutingRule rule : layout.routingRules()) {
            log.info("rule " + rule.priority() + " " + rule.patterns() + " -> " + HaproxyConfigDescriptions.targets(rule)
                    + " (backend " + HaproxyConfig.ruleBackend(rule) + ")");
        }
        log.info("default -> " + (layout.monolithDeployed() ? HaproxyConfig.serviceBackend(layout.monolith().name())
                : "404 from the load balancer"));

        startServices(initial.processes(), true);
        stage = initial;
        log.info("ready: " + url() + " (" + initial.label() + ")");
    }

    /**
     * The machine's PostgreSQL cluster, or, where a service has a database of its own, two or more servers of the run's
     * own (the shared one and one per such service, {@code initdb} in the work folder, {@code wal_level=logical} for
     * the data move), each with the same module roles.
     */
    private void startDatabases() {
        Path script = options.jars().root().resolve("deploy/postgres/module-roles.sql");
        List<String> modules = layout.modules().stream().map(ModuleRoute::module).toList();
        List<ServiceSpec> owning = layout.extracted().stream().filter(ServiceSpec::ownDatabase).toList();
        if (owning.isEmpty()) {
            database = LocalPostgres.start(script, modules);
            log.info(database.describe());
            return;
        }
        database = LocalPostgres.onServer(InitdbServer.in(options.workDir().resolve("postgres-shared"), LOGICAL_REPLICATION),
                script, modules, null);
        log.info("shared database: " + database.describe());
        for (ServiceSpec service : owning) {
            LocalPostgres own = LocalPostgres.onServer(InitdbServer.in(options.workDir().resolve("postgres-" + service.name()),
                    LOGICAL_REPLICATION), script, modules, database);
            ownDatabases.put(service.name(), own);
            log.info(service.name() + "'s own database: " + own.describe() + "; its processes are given it as "
                    + String.join(", ", service.modules().stream().map(m -> "FORUM_DATASOURCE_" + envName(m) + "_MOVED_URL")
                            .toList()));
        }
    }

    /**
     * The servers' settings where a service has a database of its own: logical replication (both ways: the way back is
     * replicated too), and connections for every pool of a migration (two services, rolling restarts, the move).
     */
    static final Map<String, String> LOGICAL_REPLICATION = Map.of("wal_level", "logical", "max_wal_senders", "10",
            "max_replication_slots", "10", "max_connections", "300", "wal_sender_timeout", "10s");

    private static String envName(String module) {
        return module.toUpperCase(Locale.ROOT).replace("-", "");
    }

    private Path jarOf(ServiceSpec service) {
        if (service.monolith()) {
            return options.jars().monolith();
        }
        var extracted = options.jars().extracted(service.name());
        if (extracted.isPresent()) {
            String stale = options.jars().staleness(extracted.get());
            if (stale != null) {
                log.info("warning: " + extracted.get() + " was not built with the monolith jar (" + stale + "); `"
                        + ServiceJars.buildCommand(service.name()) + "` rebuilds both");
            }
            return extracted.get();
        }
        if (!options.monolithJarFallback()) {
            throw new IllegalStateException("no jar for service " + service.name() + ": build it with `"
                    + ServiceJars.buildCommand(service.name()) + "`");
        }
        Path monolith = options.jars().monolith();
        log.info("no jar for service " + service.name() + " (`" + ServiceJars.buildCommand(service.name())
                + "` builds one): running the monolith's jar with only its modules local");
        return monolith;
    }

    /** The load balancer's URL: where clients, and every process's remote modules, go. */
    public String url() {
        return haproxySettings.frontendUrl();
    }

    public Stage stage() {
        return stage;
    }

    public Topology layout() {
        return layout;
    }

    public StepLog log() {
        return log;
    }

    /** The checkout the stand-in runs from (jars, topologies, migrations, {@code deploy/postgres}). */
    public Path root() {
        return options.jars().root();
    }

    public RuntimeApi haproxy() {
        return haproxy.api();
    }

    public Path haproxyLog() {
        return haproxy.log();
    }

    /** The shared database (every module's, before any data move). */
    public LocalPostgres database() {
        return database;
    }

    /** Each service's own database, by service name; empty when no service in the topology has one. */
    public Map<String, LocalPostgres> ownDatabases() {
        return Map.copyOf(ownDatabases);
    }

    public Path jar(String service) {
        return jars.get(service);
    }

    public List<Instance> instances(String service) {
        List<Instance> list = instances.get(service);
        if (list == null) {
            throw new IllegalArgumentException("no service " + service + " here (services: "
                    + String.join(", ", instances.keySet()) + ")");
        }
        return list;
    }

    public Instance instance(String name) {
        return instances.values().stream().flatMap(List::stream).filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + name + " (instances: " + String.join(", ",
                        instances.values().stream().flatMap(List::stream).map(Instance::name).toList()) + ")"));
    }

    /** Moves to {@code target} step by step ({@link Plan}); each step prints what it changed and waited for. */
    public synchronized void apply(Stage target) {
        requireSameRules(target);
        List<Action> actions = Plan.between(stage, target);
        log.step(target.label() + (actions.isEmpty() ? ": nothing to change" : ""));
        for (Action action : actions) {
            switch (action) {
                case Action.StartService start -> startServices(Map.of(start.service(), start.modules()), false);
                case Action.Reconfigure reconfigure -> reconfigure(reconfigure.service(), reconfigure.modules());
                case Action.Shift shift -> shift(shift.weights());
                case Action.StopService stop -> stopService(stop.service());
            }
        }
        stage = target;
    }

    /**
     * A stage may only use what HAProxy was configured with: the same rules (priority, module, patterns), each
     * sending to the same services or fewer (a service a rule no longer names gets weight 0 there).
     */
    private void requireSameRules(Stage target) {
        List<RoutingRule> have = layout.routingRules();
        List<RoutingRule> want = target.weights().routingRules();
        boolean same = have.size() == want.size();
        for (int i = 0; same && i < have.size(); i++) {
            RoutingRule a = have.get(i);
            RoutingRule b = want.get(i);
            same = a.priority() == b.priority() && a.module().equals(b.module()) && a.patterns().equals(b.patterns())
                    && services(a).containsAll(services(b));
        }
        if (!same) {
            throw new IllegalArgumentException("stage '" + target.label() + "' needs the rules " + describe(want)
                    + " but HAProxy was configured with " + describe(have) + ": start the stand-in from a topology with "
                    + "those services (at traffic 0)");
        }
        for (String service : target.processes().keySet()) {
            if (!instances.containsKey(service)) {
                throw new IllegalArgumentException("stage '" + target.label() + "' runs " + service
                        + ", which the load balancer has no servers for");
            }
        }
    }

    private static List<String> services(RoutingRule rule) {
        return rule.targets().stream().map(WeightedTarget::service).toList();
    }

    private static String describe(List<RoutingRule> rules) {
        return rules.stream().map(r -> r.priority() + " " + r.module() + " -> " + services(r)).toList().toString();
    }

    // ---- starting -------------------------------------------------------------------------------------------

    private void startServices(Map<String, Set<String>> services, boolean initial) {
        Map<String, String> seeders = initial ? seeders(services) : Map.of();
        List<Instance> started = new ArrayList<>();
        services.forEach((service, modules) -> {
            Set<String> ordered = ordered(modules);
            Set<String> remote = remote(ordered);
            log.info("start " + service + " (" + instances(service).stream().map(Instance::name).collect(Collectors.joining(", "))
                    + ") from " + options.jars().root().relativize(jars.get(service).toAbsolutePath()) + ": local "
                    + String.join(", ", ordered) + (remote.isEmpty() ? "" : "; remote " + String.join(", ", remote) + " via " + haproxySettings.internalUrl()));
            for (Instance instance : instances(service)) {
                boolean seed = instance == instances(service).getFirst()
                        && ordered.stream().allMatch(m -> service.equals(seeders.get(m)));
                // A service started later (an extraction) starts beside the processes that serve meanwhile.
                launch(instance, ordered, seed, !initial);
                started.add(instance);
            }
        });
        inParallel(started, instance -> {
            Duration took = instance.awaitReady(haproxySettings.healthPath(), options.readyTimeout());
            servePriority(instance);
            log.info(instance.name() + " ready in " + Seconds.of(took) + " (pid " + instance.pid() + ", GET "
                    + haproxySettings.healthPath() + " -> 200 on :" + instance.managementPort() + ")");
            enable(instance);
            return null;
        });
    }

    /** Which service loads each module's sample data on the first start: the first that holds it. */
    private Map<String, String> seeders(Map<String, Set<String>> services) {
        Map<String, String> seeders = new LinkedHashMap<>();
        for (ServiceSpec service : layout.deployedServices()) {
            for (String module : services.getOrDefault(service.name(), Set.of())) {
                seeders.putIfAbsent(module, service.name());
            }
        }
        return seeders;
    }

    /** Starts an instance's process; {@code beside} others that serve meanwhile: at a lower CPU priority until ready. */
    private void launch(Instance instance, Set<String> modules, boolean seed, boolean beside) {
        Map<String, String> env = new LinkedHashMap<>();
        // Only what the stand-in sets configures the forum: this shell's own SPRING_* and FORUM_* are left out.
        System.getenv().keySet().stream().filter(name -> name.startsWith("SPRING_") || name.startsWith("FORUM_")
                || name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_")).forEach(name -> env.put(name, null));
        env.put("SERVER_PORT", Integer.toString(instance.port()));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(instance.managementPort()));
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        env.put("FORUM_TOPOLOGY_LOCAL_MODULES", String.join(",", modules));
        if (!remote(modules).isEmpty()) {
            env.put("FORUM_TOPOLOGY_REMOTE_BASE_URL", haproxySettings.internalUrl());
        }
        env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        for (String module : modules) {
            LocalPostgres.Role role = database.role(module);
            String prefix = "FORUM_DATASOURCE_" + envName(module) + "_";
            env.put(prefix + "USERNAME", role.name());
            env.put(prefix + "PASSWORD", role.password());
            env.put(prefix + "OWNER_USERNAME", role.owner());
            env.put(prefix + "OWNER_PASSWORD", role.ownerPassword());
            env.put(prefix + "MAXIMUMPOOLSIZE", Integer.toString(POOL_SIZE_PER_MODULE));
            LocalPostgres own = ownDatabases.get(instance.service());
            if (own != null) {
                // Its second database from the start: the process follows a data move by itself (data-move/README.md).
                env.put(prefix + "MOVED_URL", own.jdbcUrl());
                env.put(prefix + "MOVED_USERNAME", role.name());
                env.put(prefix + "MOVED_PASSWORD", role.password());
            }
        }
        // The tutorial's sample data, loaded once by one process per module (two would race on an empty table).
        env.put("FORUM_SEED_DATA", seed ? "always" : "never");
        // Tokens: every process that signs them has the run's key set; every other one fetches its public half.
        if (modules.contains(TOKEN_ISSUER_MODULE)) {
            env.put("FORUM_SECURITY_JWT_SIGNING_KEYS", signingKeys.json());
        }
        env.put("FORUM_SECURITY_JWT_JWKSCACHETTL", JWKS_CACHE_TTL.toSeconds() + "s");
        env.putAll(options.environment());
        instance.start(java, options.jvmOptions(), jars.get(instance.service()), modules, env, beside);
    }

    /** Takes a ready instance into the load balancer and waits until HAProxy's own checks find it healthy. */
    private void enable(Instance instance) {
        String backend = HaproxyConfig.serviceBackend(instance.service());
        long start = System.nanoTime();
        haproxy.api().setState(backend, instance.name(), RuntimeApi.State.READY);
        ServerStatus status = awaitServer(backend, instance.name(), ServerStatus::ready, HAPROXY_CHECK_TIMEOUT);
        rampEnds.put(instance.name(), System.nanoTime() + haproxySettings.slowStart().toNanos());
        log.info("HAProxy: " + backend + "/" + instance.name() + " " + status.status() + " (" + status.checkStatus()
                + ") " + Seconds.since(start) + " after it was set ready");
    }

    // ---- weights --------------------------------------------------------------------------------------------

    private void shift(Topology weights) {
        for (RoutingRule rule : weights.routingRules()) {
            String backend = HaproxyConfig.ruleBackend(rule);
            Map<String, Integer> serverWeights = new LinkedHashMap<>();
            layout.routingRules().stream().filter(r -> r.priority() == rule.priority()).findFirst().orElseThrow()
                    .targets().forEach(t -> instances(t.service()).forEach(i -> serverWeights.put(i.name(), 0)));
            serverWeights.putAll(ServerWeights.of(rule, endpoints));
            for (Map.Entry<String, Integer> entry : serverWeights.entrySet()) {
                Instance instance = instance(entry.getKey());
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
            log.info(rule.module() + " routes " + rule.patterns() + ": " + HaproxyConfigDescriptions.targets(rule)
                    + "; " + backend + " weights " + describeWeights(before) + " -> " + describeWeights(serverWeights));
        }
    }

    private static String describeWeights(Map<String, Integer> weights) {
        return weights.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    // ---- rolling reconfiguration ----------------------------------------------------------------------------

    private void reconfigure(String service, Set<String> modules) {
        Set<String> ordered = ordered(modules);
        for (Instance instance : instances(service)) {
            if (instance.running() && instance.localModules().equals(ordered)) {
                continue;
            }
            restart(instance, ordered);
        }
    }

    /**
     * One instance of a rolling reconfiguration: drain it in HAProxy, wait for its requests in flight, stop it
     * gracefully, start it with the new modules, wait until it is ready and HAProxy finds it healthy, take it back.
     */
    private void restart(Instance instance, Set<String> modules) {
        String backend = HaproxyConfig.serviceBackend(instance.service());
        log.info(instance.name() + ": local " + String.join(",", instance.localModules()) + " -> " + String.join(",", modules));
        requireOthersReady(instance);
        requireNoWeightForLostModules(instance, modules);

        long drainStart = System.nanoTime();
        haproxy.api().setState(backend, instance.name(), RuntimeApi.State.DRAIN);
        awaitIdle(instance);
        log.info("drained " + backend + "/" + instance.name() + " (and the rules tracking it): no request in flight after "
                + Seconds.since(drainStart));

        Instance.Stopped stopped = instance.stop(options.stopGrace());
        log.info(instance.name() + " stopped: " + stopped);

        launch(instance, modules, false, true);
        Duration took = instance.awaitReady(haproxySettings.healthPath(), options.readyTimeout());
        servePriority(instance);
        Set<String> remote = remote(modules);
        log.info(instance.name() + " ready in " + Seconds.of(took) + " (pid " + instance.pid() + "): local "
                + String.join(", ", modules) + (remote.isEmpty() ? "" : ", remote " + String.join(", ", remote) + " via "
                + haproxySettings.internalUrl()));
        long checkStart = System.nanoTime();
        ServerStatus status = awaitServer(backend, instance.name(), ServerStatus::healthy, HAPROXY_CHECK_TIMEOUT);
        log.info("HAProxy: " + backend + "/" + instance.name() + " healthy (" + status.checkStatus() + ") after "
                + Seconds.since(checkStart));
        haproxy.api().setState(backend, instance.name(), RuntimeApi.State.READY);
        rampEnds.put(instance.name(), System.nanoTime() + haproxySettings.slowStart().toNanos());
        log.info(instance.name() + " takes traffic again, its share ramped up over " + Seconds.of(haproxySettings.slowStart()));
    }

    private void servePriority(Instance instance) {
        if (!instance.servePriority()) {
            log.info(instance.name() + ": renice to 0 failed; it keeps the lower CPU priority it started with");
        }
    }

    /**
     * A server leaves a backend only while another ready server with weight there takes its share, and only once the
     * service's other instances have ended their slow start: one taken out while another still ramps would hand the
     * ramping one everything at once, the very flood the ramp is there to spare it.
     */
    private void requireOthersReady(Instance instance) {
        long rampStart = System.nanoTime();
        long rampEnd = instances(instance.service()).stream().filter(other -> other != instance)
                .mapToLong(other -> rampEnds.getOrDefault(other.name(), 0L)).filter(end -> end - rampStart > 0)
                .max().orElse(rampStart);
        if (rampEnd != rampStart) {
            sleep(Duration.ofNanos(rampEnd - rampStart).toMillis());
            log.info(instance.name() + ": waited " + Seconds.since(rampStart) + " for the other instances of "
                    + instance.service() + " to end their slow start");
        }
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
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
            sleep(200);
        }
    }

    private void requireNoWeightForLostModules(Instance instance, Set<String> modules) {
        for (RoutingRule rule : layout.routingRules()) {
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

    private boolean routed(String backend) {
        return backend.startsWith("rule_") || layout.monolithDeployed()
                && backend.equals(HaproxyConfig.serviceBackend(layout.monolith().name()));
    }

    private void awaitIdle(Instance instance) {
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        while (true) {
            int inFlight = haproxy.api().servers().stream().filter(s -> s.server().equals(instance.name()))
                    .mapToInt(ServerStatus::current).sum();
            if (inFlight == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                log.info(instance.name() + " still has " + inFlight + " requests in flight after "
                        + options.drainTimeout().toSeconds() + " s; stopping it anyway (graceful shutdown finishes them)");
                return;
            }
            sleep(50);
        }
    }

    // ---- stopping -------------------------------------------------------------------------------------------

    private void stopService(String service) {
        String backend = HaproxyConfig.serviceBackend(service);
        for (ServerStatus server : haproxy.api().servers()) {
            if (routed(server.backend()) && server.weight() > 0
                    && instances(service).stream().anyMatch(i -> i.name().equals(server.server()))) {
                throw new IllegalStateException("refusing to stop " + service + ": " + server.server() + " still has weight "
                        + server.weight() + " in " + server.backend());
            }
        }
        long start = System.nanoTime();
        for (Instance instance : instances(service)) {
            haproxy.api().setState(backend, instance.name(), RuntimeApi.State.DRAIN);
        }
        for (Instance instance : instances(service)) {
            awaitIdle(instance);
        }
        log.info("drained " + backend + ": no request in flight after " + Seconds.since(start));
        inParallel(instances(service), instance -> {
            Instance.Stopped stopped = instance.stop(options.stopGrace());
            haproxy.api().setState(backend, instance.name(), RuntimeApi.State.MAINT);
            log.info(instance.name() + " stopped: " + stopped + "; in maintenance in HAProxy");
            return null;
        });
    }

    // ---- token signing keys -----------------------------------------------------------------------------------

    /** The signing keys the processes that hold the users module have, or get at their next start. */
    public SigningKeySet signingKeys() {
        return signingKeys;
    }

    /**
     * Gives every process that holds the users module this key set: a rolling restart of each, one at a time
     * (drained, stopped gracefully, started, ready, taken back), as for any change of configuration.
     */
    public synchronized void useSigningKeys(SigningKeySet keys) {
        this.signingKeys = keys;
        log.info("signing keys " + String.join(", ", keys.keyIds()) + " (" + keys.signingKeyId() + " signs)");
        for (List<Instance> service : instances.values()) {
            for (Instance instance : service) {
                if (instance.running() && instance.localModules().contains(TOKEN_ISSUER_MODULE)) {
                    restart(instance, instance.localModules());
                }
            }
        }
    }

    // ---- crash and recovery (no load balancer step: its checks notice) --------------------------------------------

    /** {@code kill -9} of one instance. HAProxy is not told: its health checks find out. */
    public Instance.Stopped kill(String name) {
        Instance instance = instance(name);
        Instance.Stopped stopped = instance.kill();
        log.info("killed " + name + ": " + stopped);
        return stopped;
    }

    /**
     * Starts crashed instances again with the configuration they had, and waits until they are ready. HAProxy is not
     * told: its health checks take them back.
     */
    public void restart(List<String> names) {
        List<Instance> list = names.stream().map(this::instance).toList();
        for (Instance instance : list) {
            if (instance.running()) {
                throw new IllegalStateException(instance.name() + " runs already");
            }
            Set<String> modules = ordered(new LinkedHashSet<>(List.of(instance.environment()
                    .getOrDefault("FORUM_TOPOLOGY_LOCAL_MODULES", "").split(","))));
            launch(instance, modules, false, true);
        }
        inParallel(list, instance -> {
            Duration took = instance.awaitReady(haproxySettings.healthPath(), options.readyTimeout());
            servePriority(instance);
            log.info(instance.name() + " ready again in " + Seconds.of(took) + " (pid " + instance.pid() + ")");
            return null;
        });
    }

    // ---- status ---------------------------------------------------------------------------------------------

    /** Every instance with its process and its state in each backend. */
    public String status() {
        StringBuilder out = new StringBuilder();
        out.append("stage: ").append(stage == null ? "-" : stage.label()).append("; load balancer ").append(url()).append('\n');
        List<ServerStatus> servers = haproxy.api().servers();
        for (Map.Entry<String, List<Instance>> entry : instances.entrySet()) {
            for (Instance instance : entry.getValue()) {
                out.append(String.format(Locale.ROOT, "  %-12s :%-5d %-10s local %-22s ", instance.name(), instance.port(),
                        instance.running() ? "pid " + instance.pid() : "stopped",
                        instance.running() ? String.join(",", instance.localModules()) : "-"));
                out.append(servers.stream().filter(s -> s.server().equals(instance.name()))
                        .map(s -> s.backend() + " " + s.status() + " w" + s.weight() + " " + s.total() + " req")
                        .collect(Collectors.joining("; ")));
                out.append('\n');
            }
        }
        return out.toString();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private ServerStatus awaitServer(String backend, String server, Predicate<ServerStatus> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
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
                        + timeout.toSeconds() + " s (last: " + last + ")");
            }
            sleep(100);
        }
    }

    private Set<String> ordered(Set<String> modules) {
        Set<String> ordered = new LinkedHashSet<>();
        for (ModuleRoute module : layout.modules()) {
            if (modules.contains(module.module())) {
                ordered.add(module.module());
            }
        }
        Set<String> unknown = new HashSet<>(modules);
        unknown.removeAll(ordered);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown modules " + unknown);
        }
        return ordered;
    }

    private Set<String> remote(Set<String> local) {
        Set<String> remote = new LinkedHashSet<>();
        for (ModuleRoute module : layout.modules()) {
            if (!local.contains(module.module())) {
                remote.add(module.module());
            }
        }
        return remote;
    }

    private interface Task<T> {
        Object run(T item) throws Exception;
    }

    private static <T> void inParallel(List<T> items, Task<T> task) {
        if (items.isEmpty()) {
            return;
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> task.run(item)));
            }
            RuntimeException failure = null;
            for (Future<Object> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String haproxyVersion() {
        try {
            Process process = new ProcessBuilder(HaproxyProcess.executable(), "-v").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            process.waitFor();
            String[] words = first.split(" ");
            return words.length > 2 ? words[2] : first;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /**
     * Stops every process (SIGTERM, all at once), then HAProxy, then drops the database (and stops PostgreSQL if
     * this run started it). Safe to call twice.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is ending: the hook may run too and finds everything done
            }
        }
        log.step("stop: every process, HAProxy, the database");
        RuntimeException failure = null;
        List<Instance> running = instances.values().stream().flatMap(List::stream).filter(Instance::running).toList();
        try {
            inParallel(running, instance -> {
                log.info(instance.name() + " stopped: " + instance.stop(options.stopGrace()));
                return null;
            });
        } catch (RuntimeException e) {
            failure = e;
        }
        if (haproxy != null) {
            haproxy.close();
            log.info("HAProxy stopped");
        }
        List<LocalPostgres> databases = new ArrayList<>(ownDatabases.values());
        if (database != null) {
            databases.addFirst(database);
        }
        for (LocalPostgres db : databases) {
            try {
                db.close();
                log.info("database " + db.database() + " on :" + db.port() + " dropped"
                        + (db.startedHere() ? ", PostgreSQL stopped" : ""));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
