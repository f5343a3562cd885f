package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Why an artifact is in a service or left out, in the words of {@code contents.txt}. */
final class ArtifactReasons {

    private ArtifactReasons() {
    }

    /**
     * @param application the artifact's application classes
     * @param kept        those the service holds
     * @param modules     the service's modules (its own, open, shared, the main class's)
     */
    static String describe(ModulithModel model, Set<String> application, Set<String> kept, Set<String> modules) {
        if (application.isEmpty()) {
            return "shared";
        }
        Map<String, Set<String>> byModule = new TreeMap<>();
        Set<String> outside = new TreeSet<>();
        for (String type : kept.isEmpty() ? application : kept) {
            Optional<Module> module = model.moduleOf(type);
            if (module.isPresent()) {
                byModule.computeIfAbsent(module.get().name(), m -> new TreeSet<>()).add(type);
            } else {
                outside.add(type);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!outside.isEmpty()) {
            parts.add("application");
        }
        byModule.forEach((name, types) -> {
            Module module = model.module(name).orElseThrow();
            boolean api = module.publishedTypes().containsAll(types);
            String what = module.open() ? "open module " + name : module.shared() ? "shared module " + name
                    : (api ? "API of " : "implementation of ") + name;
            if (!kept.isEmpty() && !modules.contains(name)) {
                what += " (used)";
            } else if (kept.isEmpty() && api) {
                what += " (not used)";
            }
            parts.add(what);
        });
        String why = String.join(", ", parts);
        return kept.isEmpty() || kept.size() == application.size() ? why
                : why + "; " + (application.size() - kept.size()) + " of its " + application.size() + " application classes left out";
    }
}
