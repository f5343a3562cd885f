package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Module;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Where each class lives and what it references, from the scanned artifacts (the first artifact holding a class wins). */
final class ClassIndex {

    private final ModulithModel model;
    private final Map<String, ScannedArtifact> artifactOf = new HashMap<>();
    private final Map<ScannedArtifact, Set<String>> applicationClasses = new HashMap<>();

    ClassIndex(ModulithModel model, List<ScannedArtifact> artifacts) {
        this.model = model;
        for (ScannedArtifact artifact : artifacts) {
            Set<String> application = new TreeSet<>();
            for (String type : artifact.classes()) {
                if (model.isApplicationClass(type) && artifactOf.putIfAbsent(type, artifact) == null) {
                    application.add(type);
                }
            }
            applicationClasses.put(artifact, application);
        }
    }

    ScannedArtifact artifactOf(String type) {
        return artifactOf.get(type);
    }

    Set<String> references(String type) {
        ScannedArtifact artifact = artifactOf.get(type);
        return artifact == null ? Set.of() : artifact.references().getOrDefault(type, Set.of());
    }

    Set<String> applicationClasses(ScannedArtifact artifact) {
        return applicationClasses.getOrDefault(artifact, Set.of());
    }

    /**
     * The published types to take along with {@code type}: all of its artifact's when that artifact holds only
     * published types of its module (an API jar, as the forum's), else the type alone.
     */
    Set<String> pureApiOf(String type, Module owner) {
        Set<String> siblings = applicationClasses(artifactOf.get(type));
        boolean pureApi = siblings.stream().allMatch(t -> Optional.of(owner).equals(model.moduleOf(t))
                && owner.publishedTypes().contains(t));
        return pureApi ? siblings : Set.of(type);
    }
}
