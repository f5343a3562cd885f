package dev.forum.extraction.request;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModuleChecks;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.request.ExtractRequests.Requested;
import dev.forum.topology.ServiceOutline;
import dev.forum.topology.ServiceSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request mistakes that the names and the topology file alone show, no class needed: a name that is a module and
 * a service of the file holding other modules ({@link #requireOneMeaning}), and a module put in two services, as a
 * module named beside the service holding it ({@link ModuleChecks#requireOneService}). The {@code check-request} goal
 * refuses them before anything compiles ({@link #refuseBeforeCompile}); {@link ExtractRequests#resolve} again, in the
 * same lines, for the goals run without it.
 */
public final class RequestConflicts {

    private RequestConflicts() {
    }

    /**
     * Refuses, before the application is compiled, the requests that name one thing twice over, from the topology file
     * as written: its modules are those its services list. A name that is no service of the file is taken as a module
     * (whether it is one is checked by {@link ExtractRequests#refuseUnknownBeforeCompile} or, once compiled, by
     * {@link ExtractRequests#resolve}). An {@code extract=<name>} profile is no sign of a module here: it may name a
     * service as well.
     *
     * @param names    the names requested ({@link RequestedNames#of}), each once
     * @param file     the topology file's path for messages, or null for none (then nothing can conflict: each name is
     *                 a module of its own)
     * @param services the file's named services as far as they could be read ({@link ServiceOutline}: also one with a
     *                 mistake of its own, so that these are refused in the same build as that mistake)
     * @throws ExtractionException as {@link #requireOneMeaning} (one line), else as {@link ModuleChecks#requireOneService}
     */
    public static void refuseBeforeCompile(List<Requested> names, String file, List<ServiceOutline> services) {
        if (file == null) {
            return;
        }
        Map<String, ServiceOutline> byName = new LinkedHashMap<>();
        services.forEach(service -> byName.putIfAbsent(service.name(), service));
        Set<String> modules = new LinkedHashSet<>();
        services.forEach(service -> modules.addAll(service.modules()));
        List<ServiceRequest> requests = new ArrayList<>();
        for (Requested requested : names) {
            ServiceOutline service = byName.get(requested.name());
            if (service == null) {
                requests.add(new ServiceRequest(requested.name(), List.of(requested.name())));
            } else if (Boolean.TRUE.equals(service.monolith())) {
                requests.add(new ServiceRequest(service.name(), List.of(), true, true));
            } else {
                requireOneMeaning(service.name(), service.modules(), modules, file);
                requests.add(new ServiceRequest(service.name(), service.modules(), false, true));
            }
        }
        requireOneService(names, requests);
    }

    /**
     * Refuses requests that put a module in two services, each line naming the option as typed.
     *
     * @param names    the names requested, each with its option
     * @param requests the services they name, by the same names
     * @throws ExtractionException as {@link ModuleChecks#requireOneService}
     */
    static void requireOneService(List<Requested> names, List<ServiceRequest> requests) {
        Map<String, String> options = new LinkedHashMap<>();
        names.forEach(requested -> options.put(requested.name(), requested.source()));
        ModuleChecks.requireOneService(requests, options::get);
    }

    /**
     * Refuses a service of the topology file named like a module when it holds other modules than that one:
     * {@code -Dextract=<name>} would mean either.
     *
     * @param service an extracted service of the file
     * @param modules the modules known by name (the application's, or before compiling those the file and the
     *                {@code extract=<module>} profiles name)
     * @param file    the topology file's path, for the message
     * @throws ExtractionException one line naming the service's modules and saying to rename it
     */
    static void requireOneMeaning(ServiceSpec service, Collection<String> modules, String file) {
        requireOneMeaning(service.name(), service.modules(), modules, file);
    }

    private static void requireOneMeaning(String service, List<String> holds, Collection<String> modules, String file) {
        if (modules.contains(service) && !holds.equals(List.of(service))) {
            throw new ExtractionException("'" + service + "' is a module and a service of " + file
                    + " holding " + String.join(", ", holds) + ": rename the service so that -Dextract="
                    + service + " means one thing");
        }
    }
}
