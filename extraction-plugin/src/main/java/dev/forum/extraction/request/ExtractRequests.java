package dev.forum.extraction.request;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModuleChecks;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the requested names ({@link RequestedNames}, as typed) into services: each name is a service of the topology
 * file (one service holding that service's modules; the monolith holds every module) or a module (a service of its
 * own), {@link #resolve}. Before the application is compiled, the names are checked against the build's
 * {@code extract=<name>} profiles instead ({@link #refuseUnknownBeforeCompile}). Every refusal is an
 * {@link ExtractionException}, one line per name, naming the option it came from, the closest valid name and the
 * valid ones; the rules are the plugin README's "Refusals".
 */
public final class ExtractRequests {

    private ExtractRequests() {
    }

    /**
     * One requested name and where the user wrote it, for messages.
     *
     * @param name   a module or service name
     * @param source the option as typed: {@code -Dextract=posts,threads}, or {@code -Pextract=posts,threads} (the list
     *               Maven split into profiles put back together)
     */
    public record Requested(String name, String source) {
    }

    /**
     * The names the build's {@code extract=<name>} profiles request: before the application is compiled, with the
     * topology file's services, all the names a build that declares such profiles accepts
     * ({@link #refuseUnknownBeforeCompile}).
     *
     * @param declaredProfiles the ids of every profile the build's POMs and settings declare
     * @return the names, sorted; empty when no such profile is declared
     */
    public static Set<String> profileNames(Set<String> declaredProfiles) {
        Set<String> names = new java.util.TreeSet<>();
        declaredProfiles.stream().filter(id -> id.startsWith(RequestedNames.PROFILE_PREFIX))
                .map(id -> id.substring(RequestedNames.PROFILE_PREFIX.length()).trim()).filter(name -> !name.isEmpty()).forEach(names::add);
        return names;
    }

    /**
     * Refuses, before the application is compiled (so before its modules can be read), every requested name the build
     * can already tell is unknown: when the build declares {@code extract=<name>} profiles, they name its modules, and
     * a name that is neither one of them nor a service of the topology file is refused, one line each, as
     * {@link #resolve} would refuse it after compiling (the option as typed, the closest valid name, the valid ones).
     * A build that declares no such profile names its modules nowhere before they are compiled: nothing is refused
     * here, {@link #resolve} checks the names later.
     *
     * @param names        the names requested ({@link RequestedNames#of})
     * @param profileNames the names of the build's {@code extract=<name>} profiles ({@link #profileNames})
     * @param services     the topology file's services, the monolith first; empty without a file
     * @param topology     the topology file's path for the message, or null for none
     * @throws UnknownNames one line per unknown name, the names as data
     */
    public static void refuseUnknownBeforeCompile(List<Requested> names, Set<String> profileNames, List<String> services,
            String topology) {
        if (profileNames.isEmpty()) {
            return;
        }
        List<String> modules = profileNames.stream().filter(name -> !services.contains(name)).toList();
        List<String> valid = new ArrayList<>(modules);
        valid.addAll(services);
        String validNames = "modules " + String.join(", ", modules) + " (this build's extract=<module> profiles: a module"
                + " needs one to be named here" + (topology == null ? "; no topology file, so no services)"
                        : "); services of " + topology + ": " + String.join(", ", services));
        List<String> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Requested requested : names) {
            if (!valid.contains(requested.name())) {
                lines.add("Unknown module or service '" + requested.name() + "' in " + requested.source()
                        + hint(requested.name(), modules, valid) + ": valid are " + validNames);
                unknown.add(requested.name());
            }
        }
        refuseUnknown(lines, unknown);
    }

    /** Refuses the unknown names, one line each, with a count when there are several; nothing when there is none. */
    private static void refuseUnknown(List<String> lines, List<String> unknown) {
        if (!lines.isEmpty()) {
            throw new UnknownNames(lines, lines.size() == 1 ? null : lines.size() + " unknown modules or services requested,"
                    + " one per [extract] line above: fix each, or leave it out of the request", unknown);
        }
    }

    /**
     * The modules a build that declares {@code extract=<name>} profiles has no profile for: the
     * {@code check-request} goal would refuse {@code -Dextract=<module>} for them before compiling
     * ({@link #refuseUnknownBeforeCompile}), so the goals that read the modules warn about each.
     *
     * @param modules      the modules that can be extracted
     * @param profileNames the names of the build's {@code extract=<name>} profiles; empty: none is missing
     * @return one line per module without a profile, saying what to add
     */
    public static List<String> modulesWithoutProfile(List<String> modules, Set<String> profileNames) {
        if (profileNames.isEmpty()) {
            return List.of();
        }
        return modules.stream().filter(module -> !profileNames.contains(module))
                .map(module -> "Module '" + module + "' has no profile extract=" + module + " though this build declares"
                        + " extract= profiles for " + String.join(", ", profileNames) + ": add <profile><id>extract="
                        + module + "</id></profile> beside them, or the check-request goal refuses -Dextract=" + module
                        + " before compiling")
                .toList();
    }

    /**
     * One service per name: a service of the topology file first (the file is the one model of which
     * modules run together), else a module alone.
     *
     * @param topology the topology file, resolved against the application's modules; null when there is none
     * @param model    the application's modules: those that can be extracted, and those that run in every service
     * @throws ExtractionException for the names that are neither ({@link UnknownNames}, the names as data), one line each
     *                             and all in one refusal, each naming the option it came from, the closest valid name when one is close
     *                             ({@link ClosestName}) and every valid one; for a module
     *                             that runs in every service (open, shared, the main class's), saying so; for a service
     *                             named like a module it does not hold alone ({@link RequestConflicts#requireOneMeaning});
     *                             for a module in two services, as a module named beside the service holding it
     *                             ({@link RequestConflicts#requireOneService}: one line each)
     */
    public static List<ServiceRequest> resolve(List<Requested> names, Topology topology, ModulithModel model) {
        List<String> modules = model.extractableModules();
        List<String> valid = new ArrayList<>(modules);
        valid.addAll(services(topology));
        List<String> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Requested requested : names) {
            String name = requested.name();
            if (!valid.contains(name) && model.module(name).isEmpty() && !unknown.contains(name)) {
                lines.add("Unknown module or service '" + name + "' in " + requested.source() + hint(name, modules, valid)
                        + ": valid are " + validNames(modules, topology));
                unknown.add(name);
            }
        }
        refuseUnknown(lines, unknown);
        List<ServiceRequest> requests = new ArrayList<>();
        for (Requested requested : names) {
            String name = requested.name();
            Optional<ServiceSpec> service = topology == null ? Optional.empty() : topology.service(name);
            if (service.isPresent()) {
                requests.add(request(service.get(), modules, topology));
            } else if (modules.contains(name)) {
                requests.add(new ServiceRequest(name, List.of(name)));
            } else {
                ModuleChecks.requireExtractable(model, name, "in " + requested.source());
            }
        }
        RequestConflicts.requireOneService(names, requests);
        return requests;
    }

    /**
     * The "did you mean" of an unknown name: a module's package ({@code org.acme.library.books}, or any name ending in
     * {@code .books}) means the module its end names, the longest such ({@code org.acme.library.catalog.covers} means the
     * nested module {@code catalog.covers} before a module {@code covers}); else the valid name closest to the whole
     * ({@code catalog.cvers} means {@code catalog.covers}, not a module {@code covers}); else the module its last part is
     * close to ({@code org.acme.thredas} means {@code threads}).
     */
    static String hint(String name, List<String> modules, List<String> valid) {
        Optional<String> ending = modules.stream().filter(module -> name.endsWith("." + module))
                .max(Comparator.comparingInt(String::length));
        if (ending.isPresent()) {
            return " (did you mean " + ending.get() + "?)";
        }
        String whole = ClosestName.hint(name, valid);
        String last = name.substring(name.lastIndexOf('.') + 1);
        return whole.isEmpty() && name.contains(".") && !last.isEmpty() ? ClosestName.hint(last, modules) : whole;
    }

    private static ServiceRequest request(ServiceSpec service, List<String> modules, Topology topology) {
        if (service.monolith()) {
            // The monolith's image holds every module: which of them run locally is configuration, and
            // during a cutover (or a rollback) the monolith takes a module back without a new image.
            return new ServiceRequest(service.name(), modules, true, true);
        }
        RequestConflicts.requireOneMeaning(service, modules, topology.source());
        return new ServiceRequest(service.name(), service.modules(), false, true);
    }

    /**
     * The topology file's services as planning names them in its messages.
     *
     * @param topology the file, or null for none
     * @return its services; {@link TopologyServices#NONE} without a file
     */
    public static TopologyServices topologyServices(Topology topology) {
        return topologyServices(topology, null);
    }

    /**
     * The topology file's services as planning names them in its messages, the file by its path.
     *
     * @param topology the file, or null for none
     * @param expected where the goals look for the file (named in the blockers when there is none), or null
     * @return its services; {@link TopologyServices#none} (or {@link TopologyServices#NONE}) without a file
     */
    public static TopologyServices topologyServices(Topology topology, String expected) {
        if (topology == null) {
            return expected == null ? TopologyServices.NONE : TopologyServices.none(expected);
        }
        Map<String, List<String>> extracted = new LinkedHashMap<>();
        topology.extracted().forEach(service -> extracted.put(service.name(), service.modules()));
        return new TopologyServices(java.nio.file.Path.of(topology.source()).getFileName().toString(),
                topology.monolith().name(), extracted, topology.source());
    }

    private static String validNames(List<String> modules, Topology topology) {
        String valid = "modules " + String.join(", ", modules);
        if (topology == null) {
            return valid + " (no topology file, so no services)";
        }
        return valid + "; services of " + topology.source() + ": " + String.join(", ", services(topology));
    }

    /** The topology file's services, the monolith first; none without a file. */
    private static List<String> services(Topology topology) {
        List<String> services = new ArrayList<>();
        if (topology != null) {
            services.add(topology.monolith().name());
            topology.extracted().forEach(s -> services.add(s.name()));
        }
        return services;
    }
}
