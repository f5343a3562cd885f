package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ModuleRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Each module that can be a service with the route prefix its HTTP contract declares (its class-level
 * {@code @HttpExchange}), in name order: the load balancer's path rules come from them.
 */
final class ModuleRoutes {

    private ModuleRoutes() {
    }

    /** @throws ExtractionException (one line) for a module with no prefix or several */
    static List<ModuleRoute> of(ModulithModel model) {
        List<ModuleRoute> routes = new ArrayList<>();
        for (String module : model.extractableModules()) {
            TreeSet<String> prefixes = new TreeSet<>();
            List<String> contracts = new ArrayList<>();
            model.httpContracts().values().stream()
                    .filter(c -> model.moduleOf(c.type()).map(m -> m.name().equals(module)).orElse(false))
                    .forEach(c -> {
                        contracts.add(c.type());
                        if (c.prefix() != null) {
                            prefixes.add(c.prefix());
                        }
                    });
            if (prefixes.isEmpty()) {
                throw new ExtractionException("Module '" + module + "' declares no route prefix: annotate its HTTP contract"
                        + (contracts.isEmpty() ? " (an interface of its published API)" : " " + String.join(", ", contracts))
                        + " with its prefix, e.g. @HttpExchange(\"/api/" + module + "\") (the load balancer's path rules come from it)");
            }
            if (prefixes.size() > 1) {
                throw new ExtractionException("Module '" + module + "' declares several route prefixes " + prefixes + " on "
                        + String.join(", ", contracts) + ": the load balancer routes one prefix per module; use one");
            }
            try {
                routes.add(new ModuleRoute(module, prefixes.first()));
            } catch (IllegalArgumentException e) {
                throw new ExtractionException("Module '" + module + "' (" + String.join(", ", contracts) + "): " + e.getMessage());
            }
        }
        return routes;
    }
}
