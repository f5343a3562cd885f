package dev.forum.extraction.model;

import java.util.List;

/**
 * An interface with HTTP exchange annotations, its class-level route prefix as written (or null;
 * {@link HttpDeclarations} reads it as Spring MVC maps it, {@code api/orders} and {@code /api/orders/} as
 * {@code /api/orders} and a blank one as none), the controllers implementing it, what its methods take or return that
 * cannot travel over HTTP, the methods whose path Spring's HTTP client sends with an empty segment and, as
 * {@code differences}, one line per cause (a method, a handler, an exception or a {@code @Validated} controller, naming
 * the methods it concerns) whose call differs in process and over HTTP (what differs and how to get one behaviour: the
 * analyzer's {@code ContractDifferences}).
 */
public record HttpContract(String type, String prefix, List<String> controllers, List<Unsendable> unsendable,
        List<EmptySegment> emptySegments, List<String> differences) {

    public HttpContract {
        controllers = List.copyOf(controllers);
        unsendable = List.copyOf(unsendable);
        emptySegments = List.copyOf(emptySegments);
        differences = List.copyOf(differences);
    }

    /** A contract whose calls behave alike in process and over HTTP. */
    public HttpContract(String type, String prefix, List<String> controllers, List<Unsendable> unsendable,
            List<EmptySegment> emptySegments) {
        this(type, prefix, controllers, unsendable, emptySegments, List.of());
    }

    /** A contract all of whose methods' paths can be sent. */
    public HttpContract(String type, String prefix, List<String> controllers, List<Unsendable> unsendable) {
        this(type, prefix, controllers, unsendable, List.of());
    }

    /** A contract all of whose methods' types and paths can travel. */
    public HttpContract(String type, String prefix, List<String> controllers) {
        this(type, prefix, controllers, List.of(), List.of());
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

    /**
     * A method of an HTTP contract whose path Spring's HTTP client joins to the class-level url as written, with an
     * empty segment: {@code /api/orders/} and {@code /{id}} send {@code /api/orders//{id}}.
     *
     * @param method    the method's name
     * @param classPath the class-level url as written, ending in '/'
     * @param path      the method's path as written, starting with '/'
     */
    public record EmptySegment(String method, String classPath, String path) {

        /** The path the client sends: the two joined as written. */
        public String sent() {
            return classPath + path;
        }
    }
}
