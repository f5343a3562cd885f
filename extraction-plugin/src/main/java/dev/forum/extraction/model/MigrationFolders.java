package dev.forum.extraction.model;

import dev.forum.closestname.ClosestName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The places of {@code db/migration/} whose migrations do not run as their module's. The plugin expects Spring
 * Modulith's layout of per-module migrations ({@code spring.modulith.runtime.flyway-enabled}, and extraction-runtime's
 * the same): each process runs {@code db/migration/__root/} and {@code db/migration/<module>/} of each of its modules,
 * a dotted module's ({@code catalog.covers}) from its name's levels ({@code db/migration/catalog/covers/}), and Flyway
 * scans each such folder with its subfolders. So a file in a folder of no module ({@code loan} for module
 * {@code loans}, or {@code admin} above module {@code admin.reports}'s {@code admin/reports}) is run by none, and
 * {@link ServicePlan#keepsResource} packs it into every service, silently; a nested module's folder is taken by its
 * parent module's scan as well, in a process that runs both; and a folder named after the dotted name itself is run by
 * none. No layout of a nested module's migrations works: the advice is a module name without a dot. Pure: the folders
 * are given.
 */
public final class MigrationFolders {

    /** Spring Modulith's folder of the migrations that belong to no module, run by every process. */
    public static final String ROOT = "__root";

    private MigrationFolders() {
    }

    /**
     * The module whose migrations a folder of {@code db/migration/} holds: the deepest of the folder's levels, read as
     * the levels of a dotted name, that is a module's name. Spring Modulith runs a nested module's ({@code catalog.covers})
     * migrations from its name's levels, so {@code catalog/covers} is {@code catalog.covers}' when that is a module and
     * {@code catalog/extra} is {@code catalog}'s; a folder named after the dotted name itself ({@code catalog.covers})
     * is that module's too. A module whose name is another's prefix owns only its own folder ({@code cat} is not
     * {@code catalog}'s).
     *
     * @param folder  the folder's path below {@code db/migration/}, {@code /}-separated ({@code catalog/covers});
     *                {@code ""} for {@code db/migration/} itself
     * @param modules every module's name
     * @return the owning module; empty for a folder of no module ({@value #ROOT}, a misnamed one, {@code ""})
     */
    public static Optional<String> owner(String folder, Collection<String> modules) {
        String owner = null;
        String name = "";
        for (String level : folder.isEmpty() ? new String[0] : folder.split("/")) {
            name = name.isEmpty() ? level : name + "." + level;
            if (modules.contains(name)) {
                owner = name;
            }
        }
        return Optional.ofNullable(owner);
    }

    /**
     * One warning line per place of {@code db/migration/} whose migrations do not run as their module's, in name order.
     * One rule: a file belongs to {@link #owner} of its folder, and Flyway scans each folder it runs with its subfolders.
     * So a file in a folder of no module ({@value #ROOT} and below excepted) is run by no process and packed into every
     * service: a folder named after no module (its top-most such level, naming the module it most likely means,
     * {@link ClosestName}, else every module), the first level of a dotted module's folder that is no module itself
     * ({@code admin/} of {@code admin.reports}), and {@code db/migration/} itself; a nested module's folder
     * ({@code catalog/covers/}) whose parent ({@code catalog}) is a module too is run by the parent's scan as well, in
     * a process that runs both (the monolith, unless one of them is extracted); and a folder named after a dotted
     * module ({@code catalog.covers/}) is run by none.
     *
     * @param folders the folders that hold a file directly, each as its path below {@code db/migration/},
     *                {@code /}-separated ({@code loans}, {@code catalog/covers}, {@code ""} for {@code db/migration/}
     *                itself), from the application's classes and artifacts; a folder holding only folders is none
     * @param modules every module's name
     * @return e.g. {@code db/migration/loan/ is named after no module, ...: rename it db/migration/loans/ if ...};
     *         empty when every file runs as its module's (or the root's)
     */
    public static List<String> misnamed(Collection<String> folders, Collection<String> modules) {
        Map<String, String> lines = new TreeMap<>(); // by the folder warned of, so each once and in name order
        for (String folder : new TreeSet<>(folders)) {
            String first = folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder;
            if (first.equals(ROOT)) {
                continue;
            }
            if (first.contains(".") && modules.contains(first)) {
                lines.computeIfAbsent(first, dotted -> dottedFolder(dotted, modules));
                continue;
            }
            Optional<String> owner = owner(folder, modules);
            if (owner.isPresent()) {
                List<String> parents = parents(owner.get(), modules);
                if (!parents.isEmpty()) {
                    lines.computeIfAbsent(owner.get().replace('.', '/'), path -> nestedFolder(path, owner.get(), parents));
                }
                continue;
            }
            List<String> below = modules.stream().map(module -> module.replace('.', '/'))
                    .filter(path -> folder.isEmpty() || path.startsWith(folder + "/")).sorted().toList();
            if (!below.isEmpty()) {
                lines.put(folder, levelOfModules(folder, below));
                continue;
            }
            String top = folder;
            while (top.contains("/") && !aboveModules(top.substring(0, top.lastIndexOf('/')), modules)) {
                top = top.substring(0, top.lastIndexOf('/'));
            }
            lines.computeIfAbsent(top, path -> namedAfterNoModule(path, modules));
        }
        return List.copyOf(lines.values());
    }

    /** The modules whose names are a dotted prefix of {@code module}'s ({@code catalog} of {@code catalog.covers}). */
    private static List<String> parents(String module, Collection<String> modules) {
        List<String> parents = new ArrayList<>();
        for (int dot = module.indexOf('.'); dot > 0; dot = module.indexOf('.', dot + 1)) {
            if (modules.contains(module.substring(0, dot))) {
                parents.add(module.substring(0, dot));
            }
        }
        return parents;
    }

    /** Whether a module's folder lies below {@code folder} ({@code admin} of {@code admin/reports}). */
    private static boolean aboveModules(String folder, Collection<String> modules) {
        return modules.stream().anyMatch(module -> module.replace('.', '/').startsWith(folder + "/"));
    }

    private static String dottedFolder(String folder, Collection<String> modules) {
        // Spring Modulith 2.1.1 looks for a dotted module's files in db/migration/a.b/ but runs db/migration/a/b/, which
        // Flyway's recursive scan of module a's folder takes as well: no layout works.
        List<String> parents = parents(folder, modules);
        return ServicePlan.MIGRATIONS + folder + "/ holds the migrations of the nested or deep module " + folder
                + ", which are run from " + ServicePlan.MIGRATIONS + folder.replace('.', '/') + "/ instead"
                + (parents.isEmpty() ? "" : ", where a process that runs " + String.join(" or ", parents)
                        + " too takes them with its migrations as well")
                + ": " + ADVICE;
    }

    private static String nestedFolder(String path, String module, List<String> parents) {
        List<String> scanned = parents.stream().map(parent -> ServicePlan.MIGRATIONS + parent.replace('.', '/') + "/").toList();
        List<String> tables = parents.stream().map(parent -> parent + "'s").toList();
        // Spring Modulith 2.1.1 skips a dotted module without a file in db/migration/<dotted name>/, so only an undotted
        // parent's scan runs them there.
        List<String> undotted = parents.stream().filter(parent -> !parent.contains(".")).toList();
        return ServicePlan.MIGRATIONS + path + "/ holds the migrations of the nested module " + module + ", which Flyway's"
                + " scan of " + String.join(" and ", scanned) + " with " + (parents.size() == 1 ? "its" : "their")
                + " subfolders takes too: a process that runs " + String.join(" or ", parents) + " as well (the monolith,"
                + " unless one of them is extracted) runs them in " + String.join(" and ", tables) + " history " + (parents.size() == 1 ? "table" : "tables")
                + " besides " + module + "'s own, so " + (parents.size() == 1 ? "twice" : "more than once")
                + " (a version in " + (parents.size() == 1 ? "both folders" : "two of these folders") + " stops it at start)"
                + (undotted.isEmpty() ? "" : "; Spring Modulith's own strategy runs them only as " + undotted.get(0)
                        + "'s, so in no process without " + undotted.get(0))
                + ": " + ADVICE;
    }

    private static String levelOfModules(String folder, List<String> below) {
        String where = ServicePlan.MIGRATIONS + (folder.isEmpty() ? "" : folder + "/");
        String fix = below.size() == 1
                ? "move them to " + ServicePlan.MIGRATIONS + below.get(0) + "/ if they are module "
                        + below.get(0).replace('/', '.') + "'s"
                : "move them to their module's folder (" + below.stream().map(path -> ServicePlan.MIGRATIONS + path + "/")
                        .collect(Collectors.joining(", ")) + ")";
        return where + (folder.isEmpty() ? " holds migrations directly, outside every module's folder"
                : " is named after no module, only the first level of " + ServicePlan.MIGRATIONS + below.get(0) + "/"
                        + (below.size() == 1 ? "" : " and others"))
                + ", so the migrations directly in it never run: " + RUNS + ", and every service packs them unused; " + fix
                + ", or to " + ServicePlan.MIGRATIONS + ROOT + "/ if they belong to no module";
    }

    private static String namedAfterNoModule(String folder, Collection<String> modules) {
        Map<String, String> byPath = new TreeMap<>();
        modules.forEach(module -> byPath.put(module.replace('.', '/'), module));
        String fix = ClosestName.of(folder, byPath.keySet())
                .map(path -> "rename it " + ServicePlan.MIGRATIONS + path + "/ if it holds the migrations of module "
                        + byPath.get(path))
                .orElse("rename it after the module whose migrations it holds (the modules: "
                        + String.join(", ", new TreeSet<>(modules)) + "), or move them to " + ServicePlan.MIGRATIONS
                        + ROOT + "/ if they belong to no module");
        return ServicePlan.MIGRATIONS + folder + "/ is named after no module, so its migrations never run: " + RUNS
                + ", and every service packs this folder unused; " + fix;
    }

    /** Which folders a process runs, for the lines of files no process runs. */
    private static final String RUNS = "each process runs " + ServicePlan.MIGRATIONS + "<module>/ of its modules and "
            + ServicePlan.MIGRATIONS + ROOT + "/ (Spring Modulith's per-module migrations)";

    /** The layout that works for a nested module. */
    private static final String ADVICE = "give the module a name without a dot with @ApplicationModule(id = ...) and"
            + " name the folder after it";
}
