package dev.forum.extraction.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the application's model ({@link ModulithModel}) is made of, as Spring Modulith's {@code ApplicationModules}
 * reports it: a module, a dependency of one module on another, an event listener, a persistent type. Plain values,
 * no lookups (those are the model's). The model implements this interface so that code names each through it, as
 * {@code ModulithModel.Module}; an import must name the type where it is declared,
 * {@code import dev.forum.extraction.model.ModelParts.Module}.
 */
public interface ModelParts {

    /**
     * One application module.
     *
     * @param name            its identifier (e.g. {@code orders})
     * @param basePackage     its base package
     * @param open            an open module ({@code @ApplicationModule(type = OPEN)}): every module may use all of it
     * @param shared          listed in {@code @Modulithic(sharedModules = ...)}
     * @param types           every class of the module (nested classes included, binary names)
     * @param publishedTypes  the types other modules may use: its named interfaces (by default its base package)
     * @param publishedEvents the event types it publishes, each with the methods that publish it
     * @param dependencies    its dependencies on other modules, as Spring Modulith types them
     */
    record Module(String name, String basePackage, boolean open, boolean shared, Set<String> types,
            Set<String> publishedTypes, Map<String, List<String>> publishedEvents, List<Dependency> dependencies) {

        public Module {
            types = Set.copyOf(types);
            // A published package's package-info goes with it (Spring Modulith counts it as no type at all).
            Set<String> published = new TreeSet<>(publishedTypes);
            Set<String> packages = new TreeSet<>();
            publishedTypes.forEach(type -> packages.add(ModulithModel.packageOf(type)));
            types.stream().filter(t -> t.endsWith(".package-info") && packages.contains(ModulithModel.packageOf(t)))
                    .forEach(published::add);
            publishedTypes = Set.copyOf(published);
            publishedEvents = Map.copyOf(publishedEvents);
            dependencies = List.copyOf(dependencies);
        }

        /** Open and shared modules are part of every service. */
        public boolean everywhere() {
            return open || shared;
        }
    }

    /**
     * A dependency of one module on another.
     *
     * @param type   Spring Modulith's {@code DependencyType}: {@code USES_COMPONENT} (a bean reference),
     *               {@code EVENT_LISTENER}, {@code ENTITY} or {@code DEFAULT} (any other type reference)
     * @param source the depending type
     * @param target the type depended on
     * @param module the module holding {@code target}
     */
    record Dependency(String type, String source, String target, String module) {

        /** Whether the source holds a bean of the target ({@code USES_COMPONENT}), not only names its type. */
        public boolean isBeanReference() {
            return "USES_COMPONENT".equals(type);
        }
    }

    /**
     * {@code listener.method} listens to {@code event} in process (its declared type, a {@code PayloadApplicationEvent}'s
     * payload unwrapped) and so receives every published event assignable to it.
     *
     * @param receives the application's event classes assignable to {@code event}, as the analyzer found them (the
     *                 published events and the modules' concrete classes; {@code event} itself unless it receives
     *                 every event)
     */
    record Listener(String event, String listener, String method, List<String> receives) {

        public Listener {
            receives = List.copyOf(receives);
        }

        /** A listener that receives {@code event} alone. */
        public Listener(String event, String listener, String method) {
            this(event, listener, method, List.of(event));
        }
    }

    /** A persistent type and its table ({@code schema.table} when a schema is named), lower case. */
    record Entity(String type, String table, String store) {
    }
}
