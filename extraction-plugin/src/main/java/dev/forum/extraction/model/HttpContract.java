package dev.forum.extraction.model;

import java.util.List;

/**
 * An interface with HTTP exchange annotations, its class-level route prefix as written (or null; {@link HttpDeclarations}
 * reads it as Spring MVC maps it, {@code api/orders} and {@code /api/orders/} as {@code /api/orders} and a blank one
 * as none), the controllers
 * implementing it and what its methods take or return that cannot travel over HTTP.
 */
public record HttpContract(String type, String prefix, List<String> controllers, List<Unsendable> unsendable) {

    public HttpContract {
        controllers = List.copyOf(controllers);
        unsendable = List.copyOf(unsendable);
    }

    /** A contract all of whose methods' types can travel. */
    public HttpContract(String type, String prefix, List<String> controllers) {
        this(type, prefix, controllers, List.of());
    }

    /**
     * A parameter or return type of an HTTP contract's method that cannot travel over HTTP: JSON cannot carry it, or
     * (in the URL or a header) Spring cannot make it from text.
     *
     * @param method  the method's name
     * @param part    {@code parameter 'name'} or {@code return type}
     * @param type    the declared type, generic arguments included
     * @param problem why it cannot travel
     * @param fix     what to send instead
     */
    public record Unsendable(String method, String part, String type, String problem, String fix) {
    }
}
