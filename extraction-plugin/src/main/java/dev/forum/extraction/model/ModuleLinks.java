package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Dependency;
import dev.forum.extraction.model.ModulithModel.Listener;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the modules of a {@link ModulithModel} reach each other at run time, derived from it: the modules each calls
 * through HTTP contracts, and the modules publishing the events a listener receives. What the boundary checks, the
 * shared-publication warning and the run-time metadata are built on. Pure: the model is given.
 */
public final class ModuleLinks {

    private ModuleLinks() {
    }

    /**
     * The modules each module calls through an HTTP contract (a bean reference to an {@code @HttpExchange} interface of
     * another module): what it reaches over HTTP when that module runs in another process. Modules that run everywhere
     * are never callees (they are always in process); a module that calls none maps to an empty set.
     *
     * @return every module's name, in the model's order, to the names of the modules it calls, sorted
     */
    public static Map<String, Set<String>> httpCalls(ModulithModel model) {
        Set<String> everywhere = model.everywhereModules();
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        for (Module module : model.modules()) {
            Set<String> callees = new TreeSet<>();
            for (Dependency dependency : module.dependencies()) {
                if (dependency.isBeanReference() && !everywhere.contains(dependency.module())
                        && !dependency.module().equals(module.name()) && model.httpContracts().containsKey(dependency.target())) {
                    callees.add(dependency.module());
                }
            }
            calls.put(module.name(), Collections.unmodifiableSet(callees));
        }
        return Collections.unmodifiableMap(calls);
    }

    /** The modules publishing an event type: those Spring Modulith saw publish it, else the module holding the type. */
    public static Set<String> publishersOf(ModulithModel model, String eventType) {
        Set<String> publishers = new TreeSet<>();
        model.modules().stream().filter(m -> m.publishedEvents().containsKey(eventType)).forEach(m -> publishers.add(m.name()));
        if (publishers.isEmpty()) {
            model.moduleOf(eventType).ifPresent(m -> publishers.add(m.name()));
        }
        return publishers;
    }

    /**
     * The events a listener receives with the modules publishing each: every class it receives (its own type, a subtype,
     * or any event for an {@code Object} or {@code ApplicationEvent} listener) that a module publishes (see
     * {@link #publishersOf(ModulithModel, String)}). A broad type is taken conservatively: every module publishing a matching event
     * counts, whether or not the listener would act on it.
     *
     * @return event class to its publishing modules, in name order; classes no module publishes are left out
     */
    public static Map<String, Set<String>> publishersOf(ModulithModel model, Listener listener) {
        Map<String, Set<String>> events = new TreeMap<>();
        for (String event : listener.receives()) {
            Set<String> publishers = publishersOf(model, event);
            if (!publishers.isEmpty()) {
                events.put(event, publishers);
            }
        }
        return events;
    }
}
