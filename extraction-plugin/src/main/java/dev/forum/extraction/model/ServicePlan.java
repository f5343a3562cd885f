package dev.forum.extraction.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What goes into one service, and what keeps it from being built.
 *
 * @param request          the service and its modules
 * @param modules          every module the service runs: its own, the open and shared ones, the main class's
 * @param calls            the modules whose published types it carries (it reaches them over HTTP, or only
 *                         names their types)
 * @param remoteContracts  the HTTP contracts it calls across its boundary, each with its module
 * @param classes          the application classes it holds (every other application class is left out)
 * @param included         every artifact it holds, each with why; see {@link #filtered()}
 * @param filtered         the included artifacts that hold application classes it leaves out: they are packed
 *                         with {@link #classes()} and the resources of {@link #modules()} only
 * @param excluded         every artifact left out, each with why
 * @param blockers         what keeps it from being built; empty when it can be
 */
public record ServicePlan(ServiceRequest request, Set<String> modules, List<String> calls,
        Map<String, String> remoteContracts, Set<String> classes, Map<ScannedArtifact, String> included,
        Set<ScannedArtifact> filtered, Map<ScannedArtifact, String> excluded, List<Blocker> blockers) {

    public ServicePlan {
        modules = Set.copyOf(modules);
        calls = List.copyOf(calls);
        remoteContracts = Map.copyOf(remoteContracts);
        classes = Set.copyOf(classes);
        filtered = Set.copyOf(filtered);
        blockers = List.copyOf(blockers);
    }

    public String service() {
        return request.name();
    }

    /** Whether a resource of an application artifact belongs in the service: migrations only of its own modules. */
    public boolean keepsResource(String path, java.util.Collection<String> allModules) {
        if (!path.startsWith(MIGRATIONS)) {
            return true;
        }
        String rest = path.substring(MIGRATIONS.length());
        int slash = rest.indexOf('/');
        String folder = slash < 0 ? "" : rest.substring(0, slash);
        return !allModules.contains(folder) || modules.contains(folder);
    }

    /** Spring Modulith's convention: a module's migrations live in {@code db/migration/<module>/}. */
    public static final String MIGRATIONS = "db/migration/";
}
