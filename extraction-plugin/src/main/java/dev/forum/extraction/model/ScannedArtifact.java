package dev.forum.extraction.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One artifact as read from its bytecode.
 *
 * @param name       how reports name it (e.g. {@code dev.forum:forum-posts:0.1.0})
 * @param location   the jar or classes directory
 * @param references each class (dotted name) to the classes it references
 * @param moduleApis each interface annotated as a module API to the module name it declares
 * @param routes     each of those interfaces to the route prefix its route annotation declares, when it has one
 */
public record ScannedArtifact(String name, Path location, Map<String, Set<String>> references,
        Map<String, String> moduleApis, Map<String, String> routes) {

    public ScannedArtifact {
        references = Map.copyOf(references);
        moduleApis = Map.copyOf(moduleApis);
        routes = Map.copyOf(routes);
    }

    public ScannedArtifact(String name, Path location, Map<String, Set<String>> references, Map<String, String> moduleApis) {
        this(name, location, references, moduleApis, Map.of());
    }

    public Set<String> classes() {
        return references.keySet();
    }

    /** The package of a dotted class name ("" for the default package). */
    public static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    @Override
    public String toString() {
        return name;
    }
}
