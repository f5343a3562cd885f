package dev.forum.extraction.runtime.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The application's modules as the extraction plugin's {@code modules} goal (and each service jar) records them
 * from Spring Modulith's model, in {@value #LOCATION}: each module's packages, HTTP contracts and route prefix, the
 * modules it calls over HTTP, the beans of other modules it uses that cannot go over HTTP, and the events it
 * listens to with their publishers. A service jar also names the modules it was built to run ({@code service}).
 *
 * <p>Format (Java properties, lists comma-separated): {@code format=1}; {@code modules=a,b}; {@code service=b}
 * (service jars only); per module {@code module.<m>.packages}, {@code .everywhere} (open, shared or the main
 * class's module: local in every process), {@code .contracts}, {@code .prefix}, {@code .calls} (modules whose HTTP
 * contracts it calls), {@code .beanCalls} ({@code class@module} it uses as a bean but cannot reach over HTTP),
 * {@code .listens} ({@code event@publisher}: each published event class the module's listeners receive, whatever type
 * they declare, once per publishing module).
 *
 * @param modules every module, in the file's order (dependencies first)
 * @param service the modules a service jar was built to run; empty for the application's own jar
 */
public record ModuleMetadata(List<ModuleInfo> modules, Set<String> service) {

    /** Where the metadata lives on the class path. */
    public static final String LOCATION = "META-INF/extraction/modules.properties";

    public ModuleMetadata {
        modules = List.copyOf(modules);
        service = Collections.unmodifiableSet(new LinkedHashSet<>(service));
    }

    /**
     * One module.
     *
     * @param name        its name (Spring Modulith's identifier)
     * @param everywhere  open, shared or the main class's module: part of every process
     * @param packages    its base packages
     * @param contracts   its HTTP contract interfaces (class names)
     * @param routePrefix the prefix the load balancer routes to it: its contracts' class-level one, else the class-level
     *                    {@code @RequestMapping} its controllers all declare (the plugin's rule); null when it has none
     * @param calls       the modules whose HTTP contracts it calls through a bean
     * @param beanCalls   beans of other modules it uses that are no HTTP contract: class name to module
     * @param listens     the events it listens to: event class to the modules publishing it (one event may have
     *                    several publishers, and each must be checked)
     */
    public record ModuleInfo(String name, boolean everywhere, List<String> packages, List<String> contracts, String routePrefix,
            Set<String> calls, Map<String, String> beanCalls, Map<String, Set<String>> listens) {

        public ModuleInfo {
            packages = List.copyOf(packages);
            contracts = List.copyOf(contracts);
            calls = Collections.unmodifiableSet(new LinkedHashSet<>(calls));
            beanCalls = Collections.unmodifiableMap(new LinkedHashMap<>(beanCalls));
            Map<String, Set<String>> events = new LinkedHashMap<>();
            listens.forEach((event, publishers) -> events.put(event, Collections.unmodifiableSet(new LinkedHashSet<>(publishers))));
            listens = Collections.unmodifiableMap(events);
        }

        /** Whether a class lies in one of the module's packages. */
        public boolean holds(String className) {
            return packages.stream().anyMatch(p -> className.startsWith(p + ".") && className.length() > p.length() + 1);
        }
    }

    /**
     * The metadata on the class path, if any.
     *
     * @throws InvalidTopologyException when there are several (two applications' jars on one class path) or it is
     *                                  not of a format this library reads
     */
    public static Optional<ModuleMetadata> load(ClassLoader classLoader) {
        try {
            List<URL> found = Collections.list(classLoader.getResources(LOCATION));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (found.size() > 1) {
                throw new InvalidTopologyException("The class path holds " + found.size() + " module metadata files (" + LOCATION
                        + "): " + found + "; keep only the application's own");
            }
            Properties properties = new Properties();
            try (InputStream in = found.get(0).openStream()) {
                properties.load(in);
            }
            return Optional.of(parse(properties, found.get(0).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }

    /** @param source where the properties came from, for messages */
    public static ModuleMetadata parse(Properties properties, String source) {
        if (!"1".equals(properties.getProperty("format"))) {
            throw new InvalidTopologyException(source + " has format " + properties.getProperty("format")
                    + "; this library reads format 1: build the application with the same version of the extraction plugin");
        }
        List<ModuleInfo> modules = new ArrayList<>();
        for (String name : list(properties, "modules")) {
            String key = "module." + name + ".";
            modules.add(new ModuleInfo(name, Boolean.parseBoolean(properties.getProperty(key + "everywhere")),
                    list(properties, key + "packages"), list(properties, key + "contracts"),
                    blankToNull(properties.getProperty(key + "prefix")), new LinkedHashSet<>(list(properties, key + "calls")),
                    pairs(properties, key + "beanCalls"), multiPairs(properties, key + "listens")));
        }
        return new ModuleMetadata(modules, new LinkedHashSet<>(list(properties, "service")));
    }

    public Optional<ModuleInfo> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The module whose package holds the class (the longest matching package wins), if any. */
    public Optional<ModuleInfo> moduleOf(String className) {
        return modules.stream().filter(m -> m.holds(className))
                .max(Comparator.comparingInt(m -> m.packages().stream().filter(p -> className.startsWith(p + "."))
                        .mapToInt(String::length).max().orElse(0)));
    }

    /**
     * The modules {@code extraction.topology.local-modules} can run in this jar: those a service jar was built for,
     * else all; without the modules that run everywhere (open, shared, the main class's), in the metadata's order.
     */
    public List<String> runnableModules() {
        return modules.stream().filter(m -> !m.everywhere()).map(ModuleInfo::name)
                .filter(name -> !isService() || service.contains(name)).toList();
    }

    /** Whether this is a service jar's metadata (it names the modules the service was built to run). */
    public boolean isService() {
        return !service.isEmpty();
    }

    private static List<String> list(Properties properties, String key) {
        String value = properties.getProperty(key, "");
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Map<String, String> pairs(Properties properties, String key) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String entry : list(properties, key)) {
            int at = entry.lastIndexOf('@');
            if (at > 0) {
                pairs.put(entry.substring(0, at), entry.substring(at + 1));
            }
        }
        return pairs;
    }

    /** {@code event@publisher} entries, every publisher of an event kept. */
    private static Map<String, Set<String>> multiPairs(Properties properties, String key) {
        Map<String, Set<String>> pairs = new LinkedHashMap<>();
        for (String entry : list(properties, key)) {
            int at = entry.lastIndexOf('@');
            if (at > 0) {
                pairs.computeIfAbsent(entry.substring(0, at), e -> new LinkedHashSet<>()).add(entry.substring(at + 1));
            }
        }
        return pairs;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
