package dev.forum.extraction.runtime.web;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * With {@code extraction.warm-up.rounds} above 0 (0 turns it off; unset, {@link #defaultRounds}), sends a few requests
 * to this process's own routes before it reports ready: each local module's route prefix followed by each of
 * {@code extraction.warm-up.suffixes} (default: the prefix alone), and each of {@code extraction.warm-up.paths}, all
 * below the application's context path, as a client of the process would send them: in a Spring MVC application below
 * {@code server.servlet.context-path}, the routes below its dispatcher servlet's path too
 * ({@code spring.mvc.servlet.path}); in a Spring WebFlux one (a reactive web application context) below
 * {@code spring.webflux.base-path} alone. The rule: {@link RoutePaths}, for the stack of this context. Its
 * purpose: the first real request (often a call from another module, within its read timeout) does not pay for
 * class loading and the first JIT work. Then reads each remote module's list a few times through its client, so that
 * the first request that needs a remote module does not pay for the client's first call (its connection, class
 * loading, JSON binding): without it, a fresh instance under load answered its first write with a 504, its first call
 * to the threads module taking longer than the read timeout. Readiness flips to accepting traffic only after the ready
 * event's listeners ran.
 *
 * <p>It is on by default only in a process that does not run every module (a service jar, or
 * {@code extraction.topology.local-modules} naming fewer than all): a plain monolith has no call across a boundary for
 * a cold start to time out, so it skips the warm-up unless the setting asks for it. Every request it sends is a GET, a
 * safe method (RFC 9110, section 9.2.1): to {@code 127.0.0.1} on this process's own port, and to a remote module only
 * through its contract's list operation ({@link RemoteListCalls#listCall}), with {@code limit=1} and each other
 * parameter's {@code defaultValue} ({@link RemoteListCalls#request}, which the log line names). The local warm-up
 * stops at its first failure (nothing listening there, a request not answered within 2 s); its answers' statuses do
 * not matter (a 401 from the application's own security warms the server's request handling too). A remote call
 * never counts in the module's circuit breaker window, and an answer 401 or 403 to it (an API that asks for
 * credentials, which the warm-up has none of) is no failure: one INFO line says so ({@link RemoteListCalls#warmUp}).
 * A 404 without a JSON body (no application answered it: a server's or a proxy's answer outside every context path)
 * from a module whose URL does not end with this process's context path ends the WARN line with the question whether
 * the setting of that URL misses it
 * ({@code ...; is extraction.topology.remote-base-url missing the context path /hr?}).
 */
public class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /** Rounds of {@code extraction.warm-up.rounds} when it is not set, in a process where some module is remote. */
    public static final int DEFAULT_ROUNDS = 3;

    private final java.util.function.Supplier<Topology> topologies;
    private Topology topology;
    private final Integer roundsSet;
    private final List<String> suffixes;
    private final List<String> extraPaths;

    /**
     * @param topology   this process's topology, once resolved (none without module metadata: no warm-up)
     * @param rounds     how often every path is asked (0: no warm-up); null when {@code extraction.warm-up.rounds} is
     *                   not set: {@link #defaultRounds} of the topology
     * @param suffixes   what follows each local module's route prefix, e.g. {@code ?limit=1} and {@code /1}
     * @param extraPaths more paths of this process to ask, e.g. {@code /}
     */
    public WarmUp(java.util.function.Supplier<Topology> topology, Integer rounds, List<String> suffixes, List<String> extraPaths) {
        this.topologies = topology;
        this.roundsSet = rounds;
        this.suffixes = suffixes.isEmpty() ? List.of("") : List.copyOf(suffixes);
        this.extraPaths = List.copyOf(extraPaths);
    }

    /**
     * @param topology this process's topology
     * @return how often every local path is asked (0: no warm-up): the setting when it is set, else
     *         {@link #defaultRounds}
     */
    int rounds(Topology topology) {
        return roundsSet != null ? roundsSet : defaultRounds(topology);
    }

    /**
     * The rounds when {@code extraction.warm-up.rounds} is not set.
     *
     * @param topology this process's topology
     * @return {@link #DEFAULT_ROUNDS} in a process that does not run every module (a service jar, or local modules
     *         set to fewer than all), 0 in one that runs them all (a plain monolith)
     */
    public static int defaultRounds(Topology topology) {
        boolean someRemote = topology.metadata().isService()
                || topology.metadata().modules().stream().anyMatch(module -> !topology.isLocal(module.name()));
        return someRemote ? DEFAULT_ROUNDS : 0;
    }

    /**
     * Warms this process up (class doc) when it has a topology, a web server and rounds above 0; otherwise does nothing.
     * Never throws: a failure ends the warm-up with one WARN line.
     *
     * @param ready Spring Boot's event, published before readiness turns to accepting traffic
     */
    @EventListener
    public void warmUp(ApplicationReadyEvent ready) {
        topology = topologies.get();
        if (topology == null) {
            return;
        }
        int rounds = rounds(topology);
        if (rounds <= 0 || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        long start = System.nanoTime();
        Environment environment = ready.getApplicationContext().getEnvironment();
        RoutePaths.Stack stack = web instanceof ReactiveWebApplicationContext ? RoutePaths.Stack.REACTIVE
                : RoutePaths.Stack.SERVLET;
        String contextPath = RoutePaths.contextPath(stack, environment::getProperty);
        String base = "http://127.0.0.1:" + web.getWebServer().getPort() + contextPath;
        String dispatcher = RoutePaths.servletPath(stack, environment::getProperty);
        List<String> paths = new ArrayList<>(extraPaths);
        for (ModuleMetadata.ModuleInfo module : topology.metadata().modules()) {
            if (topology.isLocal(module.name()) && module.routePrefix() != null) {
                suffixes.forEach(suffix -> paths.add(dispatcher + module.routePrefix() + suffix));
            }
        }
        // Not closed: HttpClient is AutoCloseable only from Java 21; its threads end with its last reference.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            for (int round = 0; round < rounds; round++) {
                for (String path : paths) {
                    client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
            log.info("Warmed up {} routes below {} in {} ms", paths.size(), base, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            log.warn("Warm-up stopped early: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        warmUpRemote(ready.getApplicationContext(), contextPath);
    }

    /**
     * @param contextPath this process's context path, "" for none: the same application's modules serve below the
     *     same one, unless a process's own settings say otherwise
     */
    private void warmUpRemote(org.springframework.context.ApplicationContext context, String contextPath) {
        Map<String, Class<?>> apis = new LinkedHashMap<>();
        Map<String, String> missingContextPath = new HashMap<>();
        topology.remoteContracts(context.getClassLoader()).forEach((module, contracts) -> contracts.forEach(api -> {
            String key = module + " " + api.getName();
            apis.put(key, api);
            URI url = topology.remoteModules().get(module);
            if (url != null && lacksContextPath(url, contextPath)) {
                missingContextPath.put(key, urlSetting(module) + " missing the context path " + contextPath);
            }
        }));
        if (apis.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        Map<String, Integer> called = RemoteListCalls.warmUp(apis, api -> context.getBeanProvider(api).getIfAvailable(),
                RemoteListCalls.ROUNDS, missingContextPath);
        if (!called.isEmpty()) {
            log.info("Warmed up the clients of {} in {} ms", RemoteListCalls.calledContracts(called),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * @param url         a remote module's URL, e.g. {@code http://people:8080/hr}
     * @param contextPath this process's context path, trimmed ({@link RoutePaths#trimmed}), "" for none
     * @return whether the URL's path does not end with the context path (never for ""): then every call of the module
     *     goes to a path below which an application of the same settings serves nothing
     */
    static boolean lacksContextPath(URI url, String contextPath) {
        return !contextPath.isEmpty() && !RoutePaths.trimmed(url.getPath()).endsWith(contextPath);
    }

    /** The setting that gave a remote module its URL: its own ({@code remote-urls}) or the base URL. */
    private String urlSetting(String module) {
        String urls = TopologySettings.PREFIX + ".remote-urls";
        return !topology.settings().remoteUrls().containsKey(module) ? TopologySettings.PREFIX + ".remote-base-url"
                : module.contains(".") ? urls + "[" + module + "]" : urls + "." + module;
    }
}
