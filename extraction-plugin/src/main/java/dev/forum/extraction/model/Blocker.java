package dev.forum.extraction.model;

/**
 * One thing that keeps a service from being cut: found at build time, reported as one line that says what was
 * found and what to change.
 *
 * @param kind         what sort of dependency crosses the service's boundary
 * @param source       the depending class (or the event listener, or the first entity), dotted name
 * @param target       what it depends on (a class, an event type, a table)
 * @param file         the source file of {@code source}, as {@code pkg/path/File.java}
 * @param sourceModule the module of {@code source}
 * @param targetModule the module of {@code target}
 * @param message      the whole line, e.g. {@code Service 'orders' calls module stock through com.x.stock.Stock, ...}
 */
public record Blocker(Kind kind, String source, String target, String file, String sourceModule, String targetModule,
        String message) {

    /** The kinds of blocker; {@link #id()} is the name in the JSON report. */
    public enum Kind {
        /**
         * A class of the service references a type another module does not publish; or a published type of another
         * module, held because the service uses it, needs types its module does not publish.
         */
        INTERNAL_REFERENCE("internal-reference"),
        /** A bean of one side calls a bean of the other through a type that cannot go over HTTP. */
        BEAN_CALL("bean-call"),
        /** A bean calls an HTTP contract across the boundary, but no controller of its module serves it. */
        CONTRACT_NOT_SERVED("contract-not-served"),
        /**
         * A bean calls an HTTP contract across the boundary, one of whose methods takes or returns a type that cannot
         * travel over HTTP (JSON cannot carry it, or Spring cannot make it from the text of a URL or header).
         */
        CONTRACT_TYPE("contract-type"),
        /**
         * A bean calls an HTTP contract across the boundary, one of whose methods' paths Spring's HTTP client joins to
         * the class-level url with an empty segment ({@code /api/orders/} and {@code /{id}}: {@code /api/orders//{id}}),
         * a non-canonical path the load balancer refuses.
         */
        CONTRACT_PATH("contract-path"),
        /** An event is published on one side of the boundary and listened to on the other. */
        EVENT("event-across-services"),
        /** A module uses another module's entity across the boundary. */
        SHARED_ENTITY("shared-entity"),
        /** Modules on both sides of the boundary map the same table. */
        SHARED_TABLE("shared-table"),
        /**
         * A service of the topology file holds a module that serves HTTP without one usable route prefix, or no module
         * with a route: the load balancer cannot send it its requests. Only a service of the file has it.
         */
        NO_ROUTE("no-route"),
        /**
         * A module of the service is named so that no route or deployed resource can be named after it (a camelCase
         * package, a nested module's dotted name): give it an {@code @ApplicationModule(id = ...)} ({@link ModuleNames}).
         */
        MODULE_NAME("module-name"),
        /**
         * A module that is neither open nor shared configures the whole application (a {@code SecurityFilterChain}, an
         * unscoped {@code @ControllerAdvice}, an {@code @Enable*}, a {@code *Customizer} bean, ...): a service without it,
         * or the processes without it when the service holds it, would run on Spring Boot's defaults instead
         * ({@link ApplicationWideModules}).
         */
        APPLICATION_WIDE_MODULE("application-wide-module");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
