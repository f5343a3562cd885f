package dev.forum.extraction.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One artifact of the application's run-time class path, as read from its bytecode.
 *
 * @param name       how reports name it (e.g. {@code dev.forum:forum-posts:jar:0.1.0}, or the project's id and
 *                   {@code (classes)} for its own classes)
 * @param location   the jar or classes directory
 * @param references each class it holds (dotted binary name) to the classes that class references
 */
public record ScannedArtifact(String name, Path location, Map<String, Set<String>> references) {

    public ScannedArtifact {
        references = Map.copyOf(references);
    }

    public Set<String> classes() {
        return references.keySet();
    }

    @Override
    public String toString() {
        return name;
    }
}
