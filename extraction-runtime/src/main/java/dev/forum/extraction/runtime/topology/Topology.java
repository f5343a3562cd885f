package dev.forum.extraction.runtime.topology;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.runtime.topology.ModuleMetadata.ModuleInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * This process's topology, validated: every module of the application, which of them run here, and where the
 * others live. Built once at start-up from the settings and the module metadata; a configuration that cannot work
 * is refused with an {@link InvalidTopologyException} that names the fix of every refusal at once: an unknown module
 * (with the module it most likely meant, when one is close), a module this jar does not hold, no module at all (or
 * only modules that run in every process), a remote module called over HTTP without a URL, a local module that uses
 * a remote module's bean that cannot go over HTTP, a local module that listens to events a remote module publishes,
 * or a local module that publishes events a remote module listens to: without a message broker (which this library
 * does not support yet) such an event never reaches the other process, so both ends refuse to start, as the
 * extraction plugin refuses to build a service on either side of it.
 */
public final class Topology {

    /** Why an event cannot cross processes, in the refusals of both ends. */
    private static final String NO_BROKER = "events across processes need a message broker, which this library does not"
            + " support yet";

    private final ModuleMetadata metadata;
    private final Set<String> local;
    private final Map<String, URI> remote;
    private final TopologySettings settings;
    /** {@link #remoteContracts} per class loader, once found: the start asks twice (the clients, the warm-up). */
    private final Map<ClassLoader, Map<String, List<Class<?>>>> remoteContracts = new HashMap<>();

    private Topology(ModuleMetadata metadata, Set<String> local, Map<String, URI> remote, TopologySettings settings) {
        this.metadata = metadata;
        this.local = Set.copyOf(local);
        this.remote = java.util.Collections.unmodifiableMap(new TreeMap<>(remote));
        this.settings = settings;
    }

    /**
     * Resolves which modules run here and where the others live.
     *
     * @param settings the {@code extraction.topology.*} settings
     * @param metadata the application's modules
     * @return the validated topology
     * @throws InvalidTopologyException for settings that cannot work with these modules, one line per refusal, e.g.
     *                                  {@code extraction.topology.local-modules names unknown module 'ordrs' (did you mean
     *                                  orders?); the modules are: catalog, orders, shipping, stock}. Every refusal is
     *                                  given at once, except that a module name that is refused (or naming no module
     *                                  of one's own) stops the checks that depend on which modules run here.
     */
    public static Topology resolve(TopologySettings settings, ModuleMetadata metadata) {
        Set<String> known = new TreeSet<>();
        Set<String> everywhere = new TreeSet<>();
        metadata.modules().forEach(m -> (m.everywhere() ? everywhere : known).add(m.name()));
        String moduleList = String.join(", ", known);
        // A set: the same refusal (the base URL of every remote module, say) is given once.
        Set<String> refusals = new LinkedHashSet<>();
        for (String name : settings.localModules()) {
            if (!known.contains(name) && !everywhere.contains(name)) {
                refusals.add(unknownModule("extraction.topology.local-modules", name, known));
            } else if (metadata.isService() && !metadata.service().contains(name) && !everywhere.contains(name)) {
                refusals.add("Module '" + name + "' is set to run here (extraction.topology.local-modules)"
                        + " but its implementation is not on the class path: this jar was built for "
                        + String.join(", ", metadata.service()) + "; run it where it is, or add its jar");
            }
        }
        boolean localModulesRefused = !refusals.isEmpty();
        for (String name : settings.remoteUrls().keySet()) {
            if (!known.contains(name)) {
                // EXTRACTION_TOPOLOGY_REMOTEURLS_READINGCLUB gives the key readingclub: name the form that gives reading-club.
                String meant = ClosestName.of(name, known).filter(m -> !RemoteUrlSetting.isVariableKey(m)).orElse(null);
                refusals.add(unknownModule("extraction.topology.remote-urls", name, known)
                        + (meant == null ? "" : "; the URL of '" + meant + "' is " + RemoteUrlSetting.described(meant)));
            }
        }
        if (localModulesRefused) {
            // Which modules run here is not known: the checks that follow would refuse a topology the user did not mean.
            throw new InvalidTopologyException(List.copyOf(refusals));
        }
        Set<String> local = new LinkedHashSet<>(!settings.localModules().isEmpty() ? settings.localModules()
                : metadata.isService() ? metadata.service() : known);
        local.retainAll(known);
        if (local.isEmpty() && !known.isEmpty()) {
            refusals.add(settings.localModules().isEmpty()
                    ? "No module runs in this process: set extraction.topology.local-modules to one or more of: " + moduleList
                    : onlyEverywhereModules(settings.localModules(), moduleList));
            throw new InvalidTopologyException(List.copyOf(refusals));
        }
        local.addAll(everywhere);
        Map<String, URI> remote = new TreeMap<>();
        for (String name : known) {
            if (!local.contains(name)) {
                URI url = remoteUrl(name, settings, calledBy(metadata, local, name), refusals);
                if (url != null) {
                    remote.put(name, url);
                }
            }
        }
        Topology topology = new Topology(metadata, local, remote, settings);
        topology.refuseWhatCannotCross(refusals);
        if (!refusals.isEmpty()) {
            throw new InvalidTopologyException(List.copyOf(refusals));
        }
        return topology;
    }

    /**
     * The refusal of {@code extraction.topology.local-modules} naming only modules that run in every process (open,
     * shared, or the main class's), so that no module of its own would run here.
     */
    private static String onlyEverywhereModules(Set<String> named, String moduleList) {
        List<String> names = named.stream().map(n -> "'" + n + "'").toList();
        boolean one = names.size() == 1;
        return "extraction.topology.local-modules names only " + String.join(", ", names) + ", which run" + (one ? "s" : "")
                + " in every process (" + (one ? "an open or shared module" : "open or shared modules")
                + ", or the main class's), so no module of its own runs here: add one or more of: " + moduleList;
    }

    /**
     * The refusal of a name that is none of the modules, with the closest module when one is close ({@link ClosestName}):
     * {@code extraction.topology.local-modules names unknown module 'ordrs' (did you mean orders?); the modules are: catalog,
     * orders}. Only the modules listed (not the open and shared ones, which run everywhere) are suggested.
     */
    private static String unknownModule(String setting, String name, Set<String> modules) {
        return setting + " names unknown module '" + name + "'" + ClosestName.hint(name, modules)
                + "; the modules are: " + String.join(", ", modules);
    }

    /** The local modules that call {@code module} over HTTP. */
    static List<String> calledBy(ModuleMetadata metadata, Set<String> local, String module) {
        return metadata.modules().stream().filter(m -> local.contains(m.name()) && m.calls().contains(module))
                .map(ModuleInfo::name).toList();
    }

    /** A remote module's URL; null when none is set and no local module calls it, or when it is refused (into refusals). */
    private static URI remoteUrl(String module, TopologySettings settings, List<String> callers, Set<String> refusals) {
        URI url = settings.remoteUrls().getOrDefault(module, settings.remoteBaseUrl());
        if (url == null) {
            if (callers.isEmpty()) {
                return null;
            }
            refusals.add("Module '" + module + "' is remote but has no URL (" + String.join(", ", callers)
                    + " call" + (callers.size() == 1 ? "s" : "") + " it): set"
                    + " extraction.topology.remote-base-url (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL) or " + RemoteUrlSetting.described(module));
            return null;
        }
        if (!RemoteUrlSetting.isHttpUrl(url)) {
            // Name the setting the URL came from: the base URL is set once for every remote module, so it names none.
            String setting = settings.remoteUrls().containsKey(module)
                    ? RemoteUrlSetting.described(module) + ", the URL of remote module '" + module + "',"
                    : "extraction.topology.remote-base-url (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL), the base URL of every remote"
                            + " module,";
            refusals.add(RemoteUrlSetting.refusal(setting, url.toString()));
            return null;
        }
        return url;
    }

    /** Adds to {@code refusals} every bean call and every event of a local module that would have to cross processes. */
    private void refuseWhatCannotCross(Set<String> refusals) {
        for (ModuleInfo module : metadata.modules()) {
            if (!local.contains(module.name())) {
                continue;
            }
            module.beanCalls().forEach((type, owner) -> {
                if (!local.contains(owner)) {
                    refusals.add("Module '" + module.name() + "' runs here and uses " + type + " of module '"
                            + owner + "', which is remote, but that bean cannot be called over HTTP: run " + owner
                            + " here too (extraction.topology.local-modules), or make " + type + " an HTTP contract");
                }
            });
            module.listens().forEach((event, publishers) -> publishers.forEach(publisher -> {
                if (!local.contains(publisher)) {
                    refusals.add("Module '" + module.name() + "' runs here and listens to " + event
                            + ", which module '" + publisher + "' publishes in another process, so it would never arrive: "
                            + NO_BROKER + "; run " + publisher + " and " + module.name() + " in the same process");
                }
            }));
        }
        for (ModuleInfo listener : metadata.modules()) {
            if (local.contains(listener.name())) {
                continue;
            }
            listener.listens().forEach((event, publishers) -> publishers.forEach(publisher -> {
                if (local.contains(publisher) && !everywhere(publisher)) {
                    refusals.add("Module '" + publisher + "' runs here and publishes " + event + ", which"
                            + " module '" + listener.name() + "' listens to in another process, so it would never arrive there: "
                            + NO_BROKER + "; run " + publisher + " and " + listener.name() + " in the same process");
                }
            }));
        }
    }

    private boolean everywhere(String module) {
        return metadata.module(module).map(ModuleInfo::everywhere).orElse(false);
    }

    public boolean isLocal(String module) {
        return local.contains(module);
    }

    /** Every module that runs here, the open, shared and main class's modules included. */
    public Set<String> localModules() {
        return local;
    }

    /** Module name to URL, for every remote module that has one. */
    public Map<String, URI> remoteModules() {
        return remote;
    }

    /**
     * The HTTP contracts of each remote module that this process carries and that get a client, loaded, in module order:
     * a service jar holds only the published types its modules use, so a remote module that no local module calls may
     * have none here. Of contracts that extend one another, only the most specific gets a client: one contract listed
     * as a super-interface of another of its module's (here) is served by that one's client, as one controller serves
     * both in process, so a caller injecting either type finds one bean; unrelated contracts get one each.
     *
     * <p>Found once per class loader and kept (the class files of the local modules are read only when a called module
     * misses a contract while another of its contracts is here); a refusal is not kept, so a second call refuses again.
     *
     * @param classLoader the application's
     * @return module to its contract interfaces that get a client (modules without a contract here are left out);
     *     unmodifiable, the same map for each call with this class loader
     * @throws InvalidTopologyException when a local module calls a remote module none of whose contracts is on the
     *     class path, or a contract of it that is missing while another is here and that a local module's class uses
     *     (one line each, naming the module and the contract: {@link RemoteContracts}; a missing one no local class uses,
     *     as one that extends the super-interface a service calls, is no refusal); else when a called contract has
     *     methods the run time's blocking client cannot serve (a {@code Mono}, {@code Flux},
     *     {@code CompletableFuture}, ... in a return type or parameter, or a Kotlin suspend function:
     *     {@link AsyncContractTypes}) or parameters it does not send as the controller takes them
     *     ({@link UnsentParameters}), one line per method, return type or parameter
     * @throws java.io.UncheckedIOException when a local module's class file cannot be read
     */
    public Map<String, List<Class<?>>> remoteContracts(ClassLoader classLoader) {
        synchronized (remoteContracts) {
            Map<String, List<Class<?>>> found = remoteContracts.get(classLoader);
            if (found == null) {
                found = RemoteContracts.of(metadata, local, remote.keySet(), classLoader);
                remoteContracts.put(classLoader, found);
            }
            return found;
        }
    }

    public ModuleMetadata metadata() {
        return metadata;
    }

    public TopologySettings settings() {
        return settings;
    }

    /** Whether a class belongs to a module that is not local (and so has no bean in this process). */
    public boolean isRemoteClass(String className) {
        return metadata.moduleOf(className).map(m -> !local.contains(m.name())).orElse(false);
    }

    /** The module whose route prefix owns a request path (the prefix itself or below it), if any. */
    public Optional<ModuleInfo> moduleOwning(String requestPath) {
        return metadata.modules().stream().filter(m -> m.routePrefix() != null)
                .filter(m -> requestPath.equals(m.routePrefix()) || requestPath.startsWith(m.routePrefix() + "/")).findFirst();
    }

    @Override
    public String toString() {
        return "local " + new TreeSet<>(local) + ", remote " + remote;
    }
}
