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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the requested names into services: each name is a service of the topology file (one service
 * holding that service's modules; the monolith holds every module) or a module (a service of its own).
 */
public final class ExtractRequests {

    /** Profiles named {@code extract=<name>} request a name too; Maven only warns for an unknown profile. */
    public static final String PROFILE_PREFIX = "extract=";

    /** How the property is typed; the source of each name it gives starts so. */
    private static final String PROPERTY = "-Dextract=";

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
     * The names asked for by the property and the active profiles, in order, once each, each with the option it came
     * from (the {@code -P} list when a profile names it, since an {@code extract=} profile may set the property too);
     * empty for none. Entries are trimmed: {@code -Dextract='posts, threads'} asks for posts and threads.
     *
     * <p>Maven splits {@code -P} at commas, so {@code -Pextract=posts,threads} arrives as the profiles
     * {@code extract=posts} and {@code threads}: a profile that follows an {@code extract=} one (or another such)
     * and that no POM or settings declare is taken as the next name of that list ({@link #listContinuations}).
     *
     * <p>A name written twice is refused, not read once ({@link #refuseRepeated}): within the property, within the
     * {@code -P} lists, and in both when the property was typed ({@code -Dextract=posts -Pextract=posts}). The property
     * an {@code extract=<name>} profile sets is not the user's second naming, so without {@code -D} the overlap is one
     * request. Maven itself drops a profile id given twice ({@code -Pextract=a,b,b}: the second {@code b}) and an empty
     * one ({@code -Pextract=a,,b}) before a plugin sees them: those cannot be refused here.
     *
     * @param property         the {@code extract} parameter ({@code -Dextract=a,b}, or what a profile sets), or null
     * @param propertyTyped    whether the user typed the property ({@code -D}): then a name it shares with a {@code -P}
     *                         list is named twice; else the property may be the one an {@code extract=} profile sets
     * @param activeProfiles   the profile ids requested with {@code -P}, in the order given
     * @param declaredProfiles the ids of every profile the build's POMs and settings declare
     * @throws ExtractionException for an empty entry, a profile that looks like a mistyped {@code extract=}, or a name
     *                             written twice (one line per option, naming it, the name and the list to type instead)
     */
    public static List<Requested> requestedNames(String property, boolean propertyTyped, List<String> activeProfiles,
            Set<String> declaredProfiles) {
        // Every name as written, with its option: the repeats are refused before they are merged.
        List<Requested> written = new ArrayList<>();
        if (property != null && !property.isBlank()) {
            for (String entry : property.split(",", -1)) {
                if (entry.isBlank()) {
                    throw new ExtractionException("-Dextract=" + property
                            + " has an empty entry: list modules or services separated by commas, e.g. -Dextract=<module>,<service>");
                }
                written.add(new Requested(entry.trim(), PROPERTY + property.trim()));
            }
        }
        Set<String> continuations = new LinkedHashSet<>(listContinuations(activeProfiles, declaredProfiles));
        List<String> list = new ArrayList<>();
        for (String profile : activeProfiles) {
            if (profile.startsWith(PROFILE_PREFIX)) {
                String name = profile.substring(PROFILE_PREFIX.length()).trim();
                if (name.isEmpty()) {
                    throw new ExtractionException("Profile '" + profile + "' names nothing: use -Pextract=<module or service>");
                }
                profileList(list, written);
                list.add(name);
            } else if (continuations.contains(profile)) {
                list.add(profile.trim());
            } else if (!declaredProfiles.contains(profile) && looksLikeExtract(profile)) {
                String value = profile.substring(profile.indexOf('=') + 1);
                throw new ExtractionException("Profile '" + profile + "' is not a profile of this build: to build a service type"
                        + " -Pextract=" + value + " (or -Dextract=" + value + ")");
            }
        }
        profileList(list, written);
        refuseRepeated(written, propertyTyped);
        Map<String, String> sources = new LinkedHashMap<>();
        for (Requested each : written) {
            if (each.source().startsWith(PROPERTY)) {
                sources.putIfAbsent(each.name(), each.source());
            } else {
                sources.put(each.name(), each.source());
            }
        }
        return sources.entrySet().stream().map(e -> new Requested(e.getKey(), e.getValue())).toList();
    }

    /** Records the names of one {@code -Pextract=a,b} list with that list as their source, and empties it. */
    private static void profileList(List<String> list, List<Requested> written) {
        String source = "-P" + PROFILE_PREFIX + String.join(",", list);
        list.forEach(name -> written.add(new Requested(name, source)));
        list.clear();
    }

    /**
     * Refuses a name written more than once: a repeat may be a mistyped other name, and building it once would hide
     * that. One line per option (or pair of options) with repeats, naming it, each repeated name and how often, and the
     * request to type instead (its names once each, in the same kind of option).
     *
     * @param written       every name as written, in order, with its option
     * @param propertyTyped whether a name in both the property and a {@code -P} list counts twice (see
     *                      {@link #requestedNames})
     * @throws ExtractionException one line per option with repeats; several lines end with a count
     */
    private static void refuseRepeated(List<Requested> written, boolean propertyTyped) {
        // Untyped, the property and the -P lists are counted apart: the profile's own property repeats nothing.
        Map<String, List<Requested>> byName = new LinkedHashMap<>();
        for (Requested each : written) {
            String kind = propertyTyped ? "" : each.source().startsWith(PROPERTY) ? " -D" : " -P";
            byName.computeIfAbsent(each.name() + kind, k -> new ArrayList<>()).add(each);
        }
        // The options that repeat a name, and the names each repeats with how often, in order.
        Map<List<String>, List<String>> repeats = new LinkedHashMap<>();
        for (List<Requested> same : byName.values()) {
            if (same.size() > 1) {
                List<String> options = same.stream().map(Requested::source).distinct().toList();
                repeats.computeIfAbsent(options, k -> new ArrayList<>())
                        .add("'" + same.get(0).name() + "' " + times(same.size()));
            }
        }
        List<String> lines = new ArrayList<>();
        repeats.forEach((options, names) -> {
            List<Requested> typed = written.stream().filter(each -> options.contains(each.source())).toList();
            boolean profiles = typed.stream().allMatch(each -> each.source().startsWith("-P"));
            String option = profiles ? "-P" + PROFILE_PREFIX : PROPERTY;
            String once = String.join(",", typed.stream().map(Requested::name).distinct().toList());
            lines.add(String.join(" and ", options) + (options.size() == 1 ? " names " : " name ")
                    + String.join(" and ", names) + ": name each module or service once, e.g. " + option + once);
        });
        if (!lines.isEmpty()) {
            throw new ExtractionException(lines, lines.size() + " options name a module or service more than once,"
                    + " one per [extract] line above: name each once");
        }
    }

    private static String times(int count) {
        return count == 2 ? "twice" : count + " times";
    }

    /**
     * The requested profiles that are really further names of an {@code -Pextract=a,b,c} list: those that come right
     * after an {@code extract=} profile (or after another continuation) and that no POM or settings declare.
     */
    public static List<String> listContinuations(List<String> activeProfiles, Set<String> declaredProfiles) {
        List<String> continuations = new ArrayList<>();
        boolean inList = false;
        for (String profile : activeProfiles) {
            if (profile.startsWith(PROFILE_PREFIX)) {
                inList = true;
            } else if (inList && !declaredProfiles.contains(profile) && !profile.isBlank() && profile.indexOf('=') < 0) {
                continuations.add(profile);
            } else {
                inList = false;
            }
        }
        return continuations;
    }

    /** {@code extrac=posts}, {@code extarct=posts}: a key within two edits of {@code extract}. */
    private static boolean looksLikeExtract(String profile) {
        int equals = profile.indexOf('=');
        return equals > 0 && ClosestName.distance(profile.substring(0, equals).trim(), "extract") <= 2;
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
        declaredProfiles.stream().filter(id -> id.startsWith(PROFILE_PREFIX))
                .map(id -> id.substring(PROFILE_PREFIX.length()).trim()).filter(name -> !name.isEmpty()).forEach(names::add);
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
     * @param names        the names requested ({@link #requestedNames})
     * @param profileNames the names of the build's {@code extract=<name>} profiles ({@link #profileNames})
     * @param services     the topology file's services, the monolith first; empty without a file
     * @param topology     the topology file's path for the message, or null for none
     * @throws ExtractionException one line per unknown name
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
        for (Requested requested : names) {
            if (!valid.contains(requested.name())) {
                lines.add("Unknown module or service '" + requested.name() + "' in " + requested.source()
                        + hint(requested.name(), modules, valid) + ": valid are " + validNames);
            }
        }
        if (!lines.isEmpty()) {
            throw new ExtractionException(lines, lines.size() + " unknown modules or services requested, one per [extract]"
                    + " line above: fix each, or leave it out of the request");
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
     * @throws ExtractionException (one line) for a name that is neither, naming the option it came from, the closest
     *                             valid name when one is close ({@link ClosestName}) and every valid one; for a module
     *                             that runs in every service (open, shared, the main class's), saying so; for a service
     *                             named like a module it does not hold alone ({@link RequestConflicts#requireOneMeaning});
     *                             for a module in two services, as a module named beside the service holding it
     *                             ({@link RequestConflicts#requireOneService}: one line each)
     */
    public static List<ServiceRequest> resolve(List<Requested> names, Topology topology, ModulithModel model) {
        List<String> modules = model.extractableModules();
        List<ServiceRequest> requests = new ArrayList<>();
        for (Requested requested : names) {
            String name = requested.name();
            Optional<ServiceSpec> service = topology == null ? Optional.empty() : topology.service(name);
            if (service.isPresent()) {
                requests.add(request(service.get(), modules, topology));
            } else if (modules.contains(name)) {
                requests.add(new ServiceRequest(name, List.of(name)));
            } else if (model.module(name).isPresent()) {
                ModuleChecks.requireExtractable(model, name, "in " + requested.source());
            } else {
                List<String> valid = new ArrayList<>(modules);
                valid.addAll(services(topology));
                throw new ExtractionException("Unknown module or service '" + name + "' in " + requested.source()
                        + hint(name, modules, valid) + ": valid are " + validNames(modules, topology));
            }
        }
        RequestConflicts.requireOneService(names, requests);
        return requests;
    }

    /**
     * The "did you mean" of an unknown name: a module's package ({@code org.acme.library.books}, or any name ending in
     * {@code .books}) means the module its last part names, or is close to; any other name the closest valid one.
     */
    static String hint(String name, List<String> modules, List<String> valid) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (name.contains(".") && !last.isEmpty()) {
            String module = modules.contains(last) ? " (did you mean " + last + "?)" : ClosestName.hint(last, modules);
            if (!module.isEmpty()) {
                return module;
            }
        }
        return ClosestName.hint(name, valid);
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
