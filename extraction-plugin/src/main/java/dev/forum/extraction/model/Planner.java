package dev.forum.extraction.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Decides what each requested service holds, and refuses what could not run. */
public final class Planner {

    /** Service names become folder and file names. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_LISTED = 20;

    private Planner() {
    }

    public static List<ServicePlan> plan(ApplicationModules app, List<ServiceRequest> requests) {
        if (requests.isEmpty()) {
            throw new ExtractionException("No service requested: name one with -Dextract=<module or service>");
        }
        List<String> valid = app.implementedModules();
        Map<String, String> serviceOfModule = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (ServiceRequest request : requests) {
            if (!SERVICE_NAME.matcher(request.name()).matches()) {
                throw new ExtractionException("Service name '" + request.name()
                        + "' is not a file name: use letters, digits, '.', '_' or '-'");
            }
            if (!names.add(request.name())) {
                throw new ExtractionException("Service '" + request.name() + "' is requested twice: request it once");
            }
            if (request.modules().isEmpty()) {
                throw new ExtractionException("Service '" + request.name() + "' has no module: give it at least one");
            }
            for (String module : request.modules()) {
                if (!valid.contains(module)) {
                    throw new ExtractionException("Unknown module '" + module + "' in service '" + request.name()
                            + "': valid modules are " + String.join(", ", valid));
                }
                String other = request.monolith() ? null : serviceOfModule.putIfAbsent(module, request.name());
                if (other != null) {
                    throw new ExtractionException("Module '" + module + "' is requested in two services ('" + other
                            + "' and '" + request.name() + "'): put it in one");
                }
            }
        }
        return requests.stream().map(r -> plan(app, r)).toList();
    }

    private static ServicePlan plan(ApplicationModules app, ServiceRequest request) {
        Map<ScannedArtifact, String> included = new LinkedHashMap<>();
        Set<ScannedArtifact> moduleArtifacts = new LinkedHashSet<>();
        for (AppModule module : app.modules()) {
            moduleArtifacts.add(module.api());
            if (module.implementation() != null) {
                moduleArtifacts.add(module.implementation());
            }
        }
        for (ScannedArtifact artifact : app.artifacts()) {
            if (!moduleArtifacts.contains(artifact)) {
                included.put(artifact, "shared");
            }
        }
        for (String name : request.modules()) {
            AppModule module = app.module(name).orElseThrow();
            included.put(module.implementation(), "implementation of " + name);
            included.put(module.api(), "API of " + name);
        }
        // The APIs it calls, and the APIs those APIs reference, until nothing new turns up.
        TreeSet<String> calls = new TreeSet<>();
        Deque<ScannedArtifact> toRead = new ArrayDeque<>(included.keySet());
        while (!toRead.isEmpty()) {
            for (String called : app.calls(toRead.pop())) {
                AppModule module = app.module(called).orElseThrow();
                if (!request.modules().contains(called) && included.putIfAbsent(module.api(), "API of " + called + " (called)") == null) {
                    calls.add(called);
                    toRead.add(module.api());
                }
            }
        }
        refuseInternalReferences(app, request, included.keySet());
        Map<ScannedArtifact, String> excluded = new LinkedHashMap<>();
        for (AppModule module : app.modules()) {
            if (module.implementation() != null && !included.containsKey(module.implementation())) {
                excluded.put(module.implementation(), "implementation of " + module.name());
            }
            if (!included.containsKey(module.api())) {
                excluded.put(module.api(), "API of " + module.name() + " (not called)");
            }
        }
        return new ServicePlan(request, new ArrayList<>(calls), Collections.unmodifiableMap(included),
                Collections.unmodifiableMap(excluded));
    }

    /** An implementation may not reach another module's internals; no code may reach internals left out. */
    private static void refuseInternalReferences(ApplicationModules app, ServiceRequest request,
            Set<ScannedArtifact> included) {
        List<String> offending = new ArrayList<>();
        for (ScannedArtifact artifact : included) {
            var owner = app.ownerOf(artifact);
            boolean isImplementation = owner.isPresent() && artifact.equals(owner.get().implementation());
            for (AppModule target : app.modules()) {
                boolean forbidden = isImplementation ? !target.equals(owner.get())
                        : !request.modules().contains(target.name());
                if (forbidden) {
                    offending.addAll(app.internalReferences(artifact, target));
                }
            }
        }
        if (!offending.isEmpty()) {
            String listed = String.join(", ", offending.subList(0, Math.min(MAX_LISTED, offending.size())))
                    + (offending.size() > MAX_LISTED ? " and " + (offending.size() - MAX_LISTED) + " more" : "");
            throw new ExtractionException("Service '" + request.name() + "' needs other modules' internals: " + listed
                    + ": call them through their module API instead");
        }
    }
}
