package dev.forum.extraction.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What goes into one service, and what keeps it from being built.
 *
 * @param request          the service and its modules
 * @param modules          every module the service runs: its own, the open and shared ones, the main class's
 * @param publishedTypesOf the other modules whose published types it holds: their classes are copied into its jar,
 *                         the modules themselves run elsewhere; it calls some of them over HTTP
 *                         ({@link #callsOverHttp()}), and only uses the types of the others ({@link #typesOnly()})
 * @param remoteContracts  the HTTP contracts it calls across its boundary, each with its module
 * @param classes          the application classes it holds (every other application class is left out)
 * @param included         every artifact it holds, each with why; see {@link #filtered()}
 * @param filtered         the included artifacts that hold application classes it leaves out: they are packed
 *                         with {@link #classes()} and the resources of {@link #modules()} only
 * @param excluded         every artifact left out, each with why
 * @param leftOut          every application class it leaves out (of included and excluded artifacts alike), each
 *                         with its module, in name order
 * @param blockers         what keeps it from being built; empty when it can be
 */
public record ServicePlan(ServiceRequest request, Set<String> modules, List<String> publishedTypesOf,
        Map<String, String> remoteContracts, Set<String> classes, Map<ScannedArtifact, String> included,
        Set<ScannedArtifact> filtered, Map<ScannedArtifact, String> excluded, Map<String, String> leftOut,
        List<Blocker> blockers) {

    public ServicePlan {
        leftOut = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(leftOut));
        modules = Set.copyOf(modules);
        publishedTypesOf = List.copyOf(publishedTypesOf);
        remoteContracts = Map.copyOf(remoteContracts);
        classes = Set.copyOf(classes);
        filtered = Set.copyOf(filtered);
        blockers = List.copyOf(blockers);
    }

    public String service() {
        return request.name();
    }

    /** The modules it calls over HTTP (through their HTTP contracts: {@link #remoteContracts()}), in name order. */
    public List<String> callsOverHttp() {
        return List.copyOf(new java.util.TreeSet<>(remoteContracts.values()));
    }

    /** The modules of {@link #publishedTypesOf()} it does not call over HTTP: it only uses their published types. */
    public List<String> typesOnly() {
        return publishedTypesOf.stream().filter(m -> !remoteContracts.containsValue(m)).sorted().toList();
    }

    /**
     * Whether a resource of an application artifact belongs in the service: of {@code db/migration/} only the migrations
     * of its own modules ({@link MigrationFolders#owner}: a nested module's {@code db/migration/catalog/covers/} is
     * {@code catalog.covers}', not {@code catalog}'s), and every folder that is no module's ({@code __root}, a misnamed
     * folder, a file directly in {@code db/migration/}).
     *
     * @param path       the resource's path in its artifact, {@code /}-separated without a leading one
     *                   ({@code db/migration/catalog/covers/V1__covers.sql}); a folder's entry ends with {@code /}
     * @param allModules every module's name of the application
     * @return whether the service's jar holds it
     */
    public boolean keepsResource(String path, java.util.Collection<String> allModules) {
        if (!path.startsWith(MIGRATIONS)) {
            return true;
        }
        String rest = path.substring(MIGRATIONS.length());
        String folder = rest.lastIndexOf('/') < 0 ? "" : rest.substring(0, rest.lastIndexOf('/'));
        return MigrationFolders.owner(folder, allModules).map(modules::contains).orElse(true);
    }

    /** Spring Modulith's convention: a module's migrations live in {@code db/migration/<module>/}. */
    public static final String MIGRATIONS = "db/migration/";
}
