package dev.forum.standin.stand;

import dev.forum.datamove.server.InitdbServer;
import dev.forum.standin.db.LocalPostgres;
import dev.forum.standin.haproxy.HaproxyConfig;
import dev.forum.standin.haproxy.HaproxyProcess;
import dev.forum.standin.haproxy.HaproxySettings;
import dev.forum.standin.haproxy.RuntimeApi;
import dev.forum.standin.haproxy.ServerStatus;
import dev.forum.standin.keys.KeyRollout;
import dev.forum.standin.keys.SigningKeySet;
import dev.forum.standin.process.Instance;
import dev.forum.standin.process.Ports;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A topology running on this machine: PostgreSQL with a role per module ({@link Databases}), every service's
 * instances as JDK 25 processes ({@link Launcher}), and HAProxy in front with the configuration {@link HaproxyConfig}
 * renders from the topology's routing rules. {@link #apply} moves it to another {@link Stage} in the order {@link Plan}
 * gives, step by step ({@link MigrationSteps}), through HAProxy's runtime API (weights, drain, ready), so that no
 * request is dropped. Every step is printed with what it changed and the health it waited for.
 *
 * <p>The load balancer's configuration is rendered once, from the first stage: its rules and servers are fixed,
 * only weights and server states change afterwards (no reload). A stage with a rule the first one lacks is
 * refused; start the stand-in from a topology that has it (at traffic 0).
 */
public final class Stand implements AutoCloseable {

    /** The layout, options, log and HAProxy settings of this run, which its parts share. */
    private final StandContext context;
    private final Databases databases;
    /** Made for this run and given to every process that holds the users module. */
    private final KeyRollout keys;
    private final Launcher launcher;
    private HaproxyProcess haproxy;
    private MigrationSteps steps;
    private Stage stage;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Stops everything when the JVM ends (Ctrl-C, SIGTERM) before {@link #close()} was called. */
    private final Thread shutdownHook = new Thread(this::close, "stand-in-stop");

    private Stand(Topology layout, StandOptions options, HaproxySettings haproxySettings) {
        this.context = new StandContext(layout, options, new StepLog(options.out()), haproxySettings);
        this.databases = new Databases(context);
        this.keys = new KeyRollout(context.log());
        this.launcher = new Launcher(context, databases, keys);
    }

    /**
     * Starts {@code initial}: the database, HAProxy (rules and servers of every service in {@code initial.weights()},
     * the servers of processes not running yet in maintenance), then every service in {@code initial.processes()},
     * all instances at once, each server taken into the load balancer when it is ready.
     *
     * @throws IllegalStateException one line naming the fix when HAProxy or PostgreSQL is missing or cannot run, or
     *                               when a process does not get ready; whatever had started is stopped again
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
        Topology layout = context.layout();
        StandOptions options = context.options();
        StepLog log = context.log();
        HaproxySettings haproxySettings = context.haproxy();
        log.step("start " + layout.source() + " as '" + initial.label() + "' (work folder " + options.workDir() + ")");
        launcher.layOut(ports);
        databases.start();

        Set<String> stopped = launcher.all().stream().map(Instance::name).collect(Collectors.toSet());
        String config = HaproxyConfig.render(layout, launcher.endpoints(), stopped, haproxySettings);
        haproxy = HaproxyProcess.start(config, options.workDir(), haproxySettings, Duration.ofSeconds(10));
        steps = new MigrationSteps(context, haproxy, launcher);
        log.info("HAProxy " + HaproxyProcess.version() + " (pid " + haproxy.pid() + ") on " + url() + ", config "
                + haproxy.config() + (haproxySettings.statsPort() > 0
                        ? ", stats http://127.0.0.1:" + haproxySettings.statsPort() + "/" : ""));
        for (RoutingRule rule : layout.routingRules()) {
            log.info("rule " + rule.priority() + " " + rule.patterns() + " -> " + HaproxyConfigDescriptions.targets(rule)
                    + " (backend " + HaproxyConfig.ruleBackend(rule) + ")");
        }
        log.info("default -> " + (layout.monolithDeployed() ? HaproxyConfig.serviceBackend(layout.monolith().name())
                : "404 from the load balancer"));

        steps.startServices(initial.processes(), true);
        stage = initial;
        log.info("ready: " + url() + " (" + initial.label() + ")");
    }

    /** The load balancer's URL: where clients, and every process's remote modules, go. */
    public String url() {
        return context.haproxy().frontendUrl();
    }

    /** The stage the stand-in is at: the one it started with or last {@link #apply applied}. */
    public Stage stage() {
        return stage;
    }

    /** The topology HAProxy was configured from (the first stage's weights): its rules and servers. */
    public Topology layout() {
        return context.layout();
    }

    /** Where the stand-in prints its steps. */
    public StepLog log() {
        return context.log();
    }

    /** The checkout the stand-in runs from (jars, topologies, migrations, {@code deploy/postgres}). */
    public Path root() {
        return context.options().jars().root();
    }

    /** HAProxy's runtime API (servers, weights, states). */
    public RuntimeApi haproxy() {
        return haproxy.api();
    }

    /** HAProxy's log file. */
    public Path haproxyLog() {
        return haproxy.log();
    }

    /** The shared database (every module's, before any data move). */
    public LocalPostgres database() {
        return databases.shared();
    }

    /** Each service's own database, by service name; empty when no service in the topology has one. */
    public Map<String, LocalPostgres> ownDatabases() {
        return databases.own();
    }

    /** The jar a service's processes run; null for a service the topology does not deploy. */
    public Path jar(String service) {
        return launcher.jar(service);
    }

    /**
     * A service's instances, in order.
     *
     * @throws IllegalArgumentException when the topology has no such service
     */
    public List<Instance> instances(String service) {
        return launcher.instances(service);
    }

    /**
     * The instance named {@code name} (e.g. {@code posts-1}).
     *
     * @throws IllegalArgumentException when there is none
     */
    public Instance instance(String name) {
        return launcher.instance(name);
    }

    /**
     * Moves to {@code target} step by step ({@link Plan}); each step prints what it changed and waited for.
     *
     * @throws IllegalArgumentException when {@code target} needs rules or services HAProxy was not configured with
     *                                  ({@link Plan#requireConfigured})
     * @throws IllegalStateException    when a step would drop requests or a process does not get healthy in time
     */
    public synchronized void apply(Stage target) {
        Plan.requireConfigured(context.layout(), launcher.byService().keySet(), target);
        List<Action> actions = Plan.between(stage, target);
        context.log().step(target.label() + (actions.isEmpty() ? ": nothing to change" : ""));
        for (Action action : actions) {
            steps.take(action);
        }
        stage = target;
    }

    // ---- token signing keys -----------------------------------------------------------------------------------

    /** The signing keys the processes that hold the users module have, or get at their next start. */
    public SigningKeySet signingKeys() {
        return keys.current();
    }

    /**
     * Gives every process that holds the users module this key set: a rolling restart of each, one at a time
     * (drained, stopped gracefully, started, ready, taken back), as for any change of configuration.
     */
    public synchronized void useSigningKeys(SigningKeySet next) {
        keys.use(next, launcher.all(), instance -> steps.restart(instance, instance.localModules()));
    }

    // ---- crash and recovery (no load balancer step: its checks notice) --------------------------------------------

    /** {@code kill -9} of one instance. HAProxy is not told: its health checks find out. */
    public Instance.Stopped kill(String name) {
        return launcher.kill(name);
    }

    /**
     * Starts crashed instances again with the configuration they had, and waits until they are ready. HAProxy is not
     * told: its health checks take them back.
     *
     * @throws IllegalStateException when one of them still runs, or does not get ready in time
     */
    public void restart(List<String> names) {
        launcher.restartCrashed(names);
    }

    // ---- status ---------------------------------------------------------------------------------------------

    /** Every instance with its process and its state in each backend. */
    public String status() {
        StringBuilder out = new StringBuilder();
        out.append("stage: ").append(stage == null ? "-" : stage.label()).append("; load balancer ").append(url()).append('\n');
        List<ServerStatus> servers = haproxy.api().servers();
        for (Instance instance : launcher.all()) {
            // The port HAProxy sends requests to, then Actuator's own (where readiness is asked, as the ready lines say).
            out.append(String.format(Locale.ROOT, "  %-12s :%-5d management :%-5d %-10s local %-22s ", instance.name(),
                    instance.port(), instance.managementPort(), instance.running() ? "pid " + instance.pid() : "stopped",
                    instance.running() ? String.join(",", instance.localModules()) : "-"));
            out.append(servers.stream().filter(s -> s.server().equals(instance.name()))
                    .map(s -> s.backend() + " " + s.status() + " w" + s.weight() + " " + s.total() + " req")
                    .collect(Collectors.joining("; ")));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Stops every process (SIGTERM, all at once), then HAProxy, then drops the database (and stops PostgreSQL if
     * this run started it). Safe to call twice.
     *
     * @throws RuntimeException the first failure (the others suppressed in it), after everything was tried
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
        context.log().step("stop: every process, HAProxy, " + databases.describe());
        RuntimeException failure = null;
        try {
            launcher.stopAll();
        } catch (RuntimeException e) {
            failure = e;
        }
        if (haproxy != null) {
            haproxy.close();
            context.log().info("HAProxy stopped");
        }
        failure = databases.close(failure);
        if (failure != null) {
            throw failure;
        }
    }
}
