package dev.forum.extraction.runtime.topology;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The topology settings as configured, before validation. Environment variables map onto them as usual:
 * {@code EXTRACTION_TOPOLOGY_LOCAL_MODULES=posts}, {@code EXTRACTION_TOPOLOGY_REMOTE_BASE_URL=http://alb},
 * {@code EXTRACTION_TOPOLOGY_REMOTEURLS_USERS=http://users:3000} (a map key follows the property name, written
 * without its dash), which names only a module of lower-case letters and digits: any other module's URL is set from the
 * environment in {@code SPRING_APPLICATION_JSON} ({@link RemoteUrlSetting}).
 *
 * @param localModules   {@code extraction.topology.local-modules}: the modules that run here; empty (the setting not
 *                       given) means every module this jar holds (a service jar: those it was built for; the
 *                       application's jar: all)
 * @param remoteBaseUrl  {@code extraction.topology.remote-base-url}: where every other module lives (a load balancer)
 * @param remoteUrls     {@code extraction.topology.remote-urls.<module>}: per-module overrides
 * @param connectTimeout {@code extraction.topology.connect-timeout}: to reach a remote module (default
 *                       {@link #DEFAULT_CONNECT_TIMEOUT})
 * @param readTimeout    {@code extraction.topology.read-timeout}: for its answer (default {@link #DEFAULT_READ_TIMEOUT})
 */
public record TopologySettings(Set<String> localModules, URI remoteBaseUrl, Map<String, URI> remoteUrls,
                               Duration connectTimeout, Duration readTimeout) {

    public static final String PREFIX = "extraction.topology";

    /** 250 ms: a TCP connection is accepted by the remote host's kernel, however busy its JVM is. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(250);

    /**
     * 5 s: what a remote module's first answers after its start take on a small machine (class loading, the first
     * JIT work, its database pool's first connections, its first transaction: seconds with two cores shared), so that
     * the first request across a boundary does not fail against a process that is up. An application that knows its
     * processes are warm when they take traffic (the forum, with its warm-up and readiness checks: 800 ms) sets less.
     * A read that gets no answer waits this long on each attempt: with the run time's default retry (two attempts
     * 50 ms apart, remote.RemoteReadRetryDefaults) it fails after 10.05 s, with three attempts 500 ms apart (an
     * application's own retry settings, Resilience4j's defaults) after 16 s (remote.RetryableRemoteRead).
     */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    private static final String LOCAL_MODULES = PREFIX + ".local-modules";

    /**
     * Reads the settings from the environment (properties, command-line arguments, environment variables), as
     * {@link #from(Environment, Collection)} without the jar's module names.
     *
     * @throws InvalidTopologyException as {@link #from(Environment, Collection)}
     */
    public static TopologySettings from(Environment environment) {
        return from(environment, List.of());
    }

    /**
     * Reads the settings from the environment (properties, command-line arguments, environment variables).
     *
     * @param modules the modules of the jar that may be named in {@code extraction.topology.local-modules}, for the
     *                refusal of an empty one; empty when not known
     * @throws InvalidTopologyException every mistake at once ({@link InvalidTopologyException#refusals()}): a name under
     *                                  {@code extraction.topology.*} or {@code extraction.warm-up.*} the run time does not
     *                                  read ({@link SettingNames}), which Spring Boot would ignore; and
     *                                  {@code extraction.topology.local-modules} given but naming no module (empty, or
     *                                  only commas and blanks): unset means every module, so an empty value is refused
     *                                  rather than read as "every module" (README, "no local module at all"); and a
     *                                  remote URL setting that is no URI at all ({@code 127.0.0.1:8082}, written without
     *                                  {@code http://}), told the fix ({@link RemoteUrlSetting#refusal}). With
     *                                  several, the first line names the groups of settings they are about. The names
     *                                  are checked once per Environment ({@link SettingNames}): each call refuses the same.
     * @throws IllegalArgumentException when {@code environment} is no {@link ConfigurableEnvironment}, whose property
     *                                  sources the names are read from
     */
    public static TopologySettings from(Environment environment, Collection<String> modules) {
        List<String> mistakes = new ArrayList<>();
        Set<String> groups = new TreeSet<>(); // extraction.topology before extraction.warm-up
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            throw new IllegalArgumentException("TopologySettings reads a ConfigurableEnvironment (its property sources),"
                    + " not a " + environment.getClass().getName() + ": pass the application context's environment");
        }
        for (SettingNames.Unknown unknown : SettingNames.unknown(configurable)) {
            mistakes.add(unknown.line());
            groups.add(unknown.group());
        }
        Binder binder = Binder.get(environment);
        BindResult<List<String>> names = binder.bind(LOCAL_MODULES, Bindable.listOf(String.class));
        Set<String> local = new LinkedHashSet<>();
        names.orElse(List.of()).stream().map(String::strip).filter(name -> !name.isEmpty()).forEach(local::add);
        if (local.isEmpty() && (names.isBound() || isGiven(environment, LOCAL_MODULES))) {
            mistakes.add(LOCAL_MODULES + " (EXTRACTION_TOPOLOGY_LOCAL_MODULES) is set but names no module: name the modules"
                    + " that run here" + (modules.isEmpty() ? "" : ", one or more of: " + String.join(", ", new TreeSet<>(modules)))
                    + ", or leave it unset to run every module the jar holds");
            groups.add(PREFIX);
        }
        // Bound as text, so that a value that is no URI at all (127.0.0.1:8082, without http://) gets the run time's
        // line naming the setting and the fix, not Spring Boot's binding error.
        String baseWritten = binder.bind(PREFIX + ".remote-base-url", String.class).orElse(null);
        URI base = baseWritten == null ? null : url(baseWritten, "extraction.topology.remote-base-url"
                + " (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL), the base URL of every remote module,", mistakes, groups);
        Map<String, URI> urls = new LinkedHashMap<>();
        binder.bind(PREFIX + ".remote-urls", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((module, written) -> {
                    URI url = url(written, RemoteUrlSetting.described(module) + ", the URL of module '" + module + "',",
                            mistakes, groups);
                    if (url != null) {
                        urls.put(module, url);
                    }
                });
        if (!mistakes.isEmpty()) {
            throw new InvalidTopologyException(groups, mistakes);
        }
        return new TopologySettings(local, base, urls,
                binder.bind(PREFIX + ".connect-timeout", Duration.class).orElse(DEFAULT_CONNECT_TIMEOUT),
                binder.bind(PREFIX + ".read-timeout", Duration.class).orElse(DEFAULT_READ_TIMEOUT));
    }

    /**
     * A URL setting's value as a URI; null, with its refusal added to {@code mistakes}, when the text is no URI at all
     * ({@link RemoteUrlSetting#refusal}); null without a mistake when it is blank, which counts as unset, as when the
     * URLs were bound as URIs (Spring's URIEditor makes "" null; compose's {@code ${LB_URL:-}} writes ""). Whether it
     * is an http(s) URL is checked where it is used, for a remote module.
     */
    private static URI url(String written, String setting, List<String> mistakes, Set<String> groups) {
        if (written.isBlank()) {
            return null;
        }
        URI url = RemoteUrlSetting.parse(written).orElse(null);
        if (url == null) {
            mistakes.add(RemoteUrlSetting.refusal(setting, written));
            groups.add(PREFIX);
        }
        return url;
    }

    /** Whether any property source gives {@code name} a value, an empty one included (Spring Boot's relaxed names). */
    private static boolean isGiven(Environment environment, String name) {
        ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
        for (var source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(property) != null) {
                return true;
            }
        }
        return false;
    }
}
