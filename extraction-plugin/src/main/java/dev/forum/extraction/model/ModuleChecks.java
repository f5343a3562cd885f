package dev.forum.extraction.model;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The one-line refusals about which modules there are and which of them can be a service. */
public final class ModuleChecks {

    private ModuleChecks() {
    }

    /**
     * Refuses an application in which Spring Modulith found no module, or none that can be a service, saying how
     * modules are recognised and what to change.
     */
    public static void requireModules(ModulithModel model) {
        String roots = String.join(", ", model.rootPackages());
        if (model.modules().isEmpty()) {
            String example = model.rootPackages().isEmpty() ? "com.example.orders" : model.rootPackages().get(0) + ".orders";
            throw new ExtractionException("No module found: Spring Modulith takes each direct sub-package of the main class's"
                    + " package as a module, and " + model.mainClass() + " has none below " + roots + " holding classes:"
                    + " move each module's classes into a package of its own below it (e.g. " + example + ")");
        }
        if (model.extractableModules().isEmpty()) {
            throw new ExtractionException("No module can be a service of its own: Spring Modulith found "
                    + describe(model) + " below " + roots + ", and open or shared modules and the main class's module"
                    + " run in every service: give the application a module of its own for each part to extract");
        }
    }

    /** Refuses a name that is not a module that can be a service; {@code where} says where the name came from. */
    public static void requireExtractable(ModulithModel model, String name, String where) {
        if (model.extractableModules().contains(name)) {
            return;
        }
        String valid = "valid are modules " + String.join(", ", model.extractableModules());
        Optional<Module> module = model.module(name);
        if (module.isEmpty()) {
            throw new ExtractionException("Unknown module '" + name + "' " + where
                    + ClosestName.hint(name, model.extractableModules()) + ": " + valid);
        }
        String mistake = runsEverywhere(model, name, where, "the request");
        throw new ExtractionException(Character.toUpperCase(mistake.charAt(0)) + mistake.substring(1));
    }

    /**
     * The one wording of a module named where a service's modules go although it runs in every service: the
     * {@code -Dextract} request's refusal ({@link #requireExtractable}) and the topology file's.
     *
     * @param name  a module of the application for which {@link #whyEverywhere} is not null
     * @param where where it was named ({@code "in -Dextract=platform"}), or "" when the line says it
     * @param from  what to remove it from ({@code "modules"}, {@code "the request"})
     * @return {@code module '<name>' <where> is <why>, which runs in every service already: remove it from <from> (the
     *         modules a service can hold are <modules>)}
     */
    public static String runsEverywhere(ModulithModel model, String name, String where, String from) {
        String why = model.module(name).map(module -> whyEverywhere(model, module)).orElseThrow();
        return "module '" + name + "'" + (where.isEmpty() ? "" : " " + where) + " is " + why + ", which runs in every"
                + " service already: remove it from " + from + " (the modules a service can hold are "
                + String.join(", ", model.extractableModules()) + ")";
    }

    /**
     * Why a module of the application runs in every service and so cannot be a service's own.
     *
     * @return {@code "an open module"}, {@code "a shared module"} or {@code "the module of the main class <class>"};
     *         null for an ordinary module, which can be a service
     */
    public static String whyEverywhere(ModulithModel model, Module module) {
        return module.open() ? "an open module" : module.shared() ? "a shared module"
                : model.extractableModules().contains(module.name()) ? null
                : "the module of the main class " + model.mainClass();
    }

    private static String describe(ModulithModel model) {
        return model.modules().stream().map(m -> m.name() + (m.open() ? " (open)" : m.shared() ? " (shared)" : " (main class)"))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /**
     * Refuses requests that put one module in two services: a module named beside the service that holds it
     * ({@code -Dextract=content,posts}, where service content holds posts), or two services that both hold it. The
     * monolith, which holds every module, shares them with any service. Needs no class: the {@code check-request} goal
     * runs it on the request and the topology file before anything compiles, the later goals and {@link Planner} again.
     *
     * @param requests the services requested, in the order named
     * @param optionOf each request's name to the option it was typed in ({@code -Dextract=content,posts}, or a
     *                 {@code -Pextract=} list): the lines name it and give the request to type instead
     * @throws ExtractionException one line per service named beside its modules and per module two services hold, each
     *                             with the request to type instead; several end with a count
     */
    public static void requireOneService(List<ServiceRequest> requests, Function<String, String> optionOf) {
        Map<String, List<ServiceRequest>> holders = new LinkedHashMap<>();
        requests.stream().filter(request -> !request.monolith()).forEach(request -> request.modules()
                .forEach(module -> holders.computeIfAbsent(module, m -> new ArrayList<>()).add(request)));
        // A module alone beside a service holding it: the service's line names all of its modules so named.
        Map<ServiceRequest, List<String>> named = new LinkedHashMap<>();
        Map<String, List<ServiceRequest>> shared = new LinkedHashMap<>();
        holders.forEach((module, services) -> {
            if (services.size() < 2) {
                return;
            }
            List<ServiceRequest> alone = services.stream().filter(s -> s.modules().equals(List.of(s.name()))
                    && !s.topologyService()).toList();
            List<ServiceRequest> others = services.stream().filter(s -> !alone.contains(s)).toList();
            if (!alone.isEmpty()) {
                others.forEach(service -> named.computeIfAbsent(service, s -> new ArrayList<>()).add(module));
            }
            if (others.size() > 1) {
                shared.put(module, others);
            }
        });
        // Each line gives the whole request fixed: without the modules named beside their service, nor the later
        // services that hold a module too.
        Set<String> drop = new LinkedHashSet<>();
        named.values().forEach(drop::addAll);
        shared.values().forEach(services -> services.subList(1, services.size()).forEach(s -> drop.add(s.name())));
        List<String> lines = new ArrayList<>();
        named.forEach((service, modules) -> {
            List<String> involved = new ArrayList<>(modules);
            involved.add(service.name());
            lines.add(options(requests, optionOf, involved) + " service '" + service.name() + "' and its module"
                    + (modules.size() == 1 ? " '" : "s '") + String.join("' and '", modules)
                    + "': name the service or its modules, not both, e.g. " + instead(requests, optionOf, involved, drop));
        });
        shared.forEach((module, services) -> {
            List<String> names = services.stream().map(ServiceRequest::name).toList();
            lines.add(options(requests, optionOf, names) + " services '" + String.join("' and '", names) + "', which "
                    + (names.size() == 2 ? "both" : "all") + " hold module '" + module + "': a module runs in one service,"
                    + " so name one of them, e.g. " + instead(requests, optionOf, names, drop));
        });
        if (lines.size() == 1) {
            throw new ExtractionException(lines.get(0));
        }
        if (!lines.isEmpty()) {
            throw new ExtractionException(lines, lines.size() + " requests put a module in two services, one per [extract]"
                    + " line above: name each module in one service");
        }
    }

    /** The options that name {@code involved}, in the order typed, then "names" (one option) or "name". */
    private static String options(List<ServiceRequest> requests, Function<String, String> optionOf, List<String> involved) {
        List<String> options = optionsOf(requests, optionOf, involved);
        return String.join(" and ", options) + (options.size() == 1 ? " names" : " name");
    }

    /** The request to type instead: every name of the options involved but {@code drop}, in the same kind of option. */
    private static String instead(List<ServiceRequest> requests, Function<String, String> optionOf, List<String> involved,
            Set<String> drop) {
        List<String> options = optionsOf(requests, optionOf, involved);
        String option = options.stream().allMatch(o -> o.startsWith("-P")) ? "-Pextract=" : "-Dextract=";
        return option + String.join(",", requests.stream().map(ServiceRequest::name)
                .filter(name -> options.contains(optionOf.apply(name)) && !drop.contains(name)).toList());
    }

    private static List<String> optionsOf(List<ServiceRequest> requests, Function<String, String> optionOf,
            List<String> involved) {
        Set<String> options = new LinkedHashSet<>();
        requests.stream().map(ServiceRequest::name).filter(involved::contains).forEach(name -> options.add(optionOf.apply(name)));
        return List.copyOf(options);
    }
}
