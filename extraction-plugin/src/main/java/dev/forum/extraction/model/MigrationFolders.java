package dev.forum.extraction.model;

import dev.forum.closestname.ClosestName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The folders of {@code db/migration/} that are named after no module. The plugin expects Spring Modulith's layout of
 * per-module migrations ({@code spring.modulith.runtime.flyway-enabled}, and extraction-runtime's the same): each
 * process runs {@code db/migration/__root/} and {@code db/migration/<module>/} of each of its modules, so a folder
 * named after no module ({@code loan} for module {@code loans}) is run by none, and {@link ServicePlan#keepsResource}
 * packs it into every service, silently. A nested or deep module's ({@code catalog.covers}) migrations are run from
 * its name's levels ({@code db/migration/catalog/covers/}), which a service packs with that module alone, and the first
 * level is no mistake; a folder named after the dotted name itself is warned of: no process runs it, and the nested
 * layout is taken by Flyway's scan of the parent module's folder too, in a process that runs both. Pure: the folders are
 * given.
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
     * One warning line per folder of {@code db/migration/} named after no module (nor {@value #ROOT}), in name order,
     * naming the folder and the module it most likely means ({@link ClosestName}), else every module.
     *
     * @param folders the names of the folders directly in {@code db/migration/} of the application's classes and
     *                artifacts ({@code loan}, {@code catalog}); files there are no folder
     * @param modules every module's name
     * @return e.g. {@code db/migration/loan/ is named after no module, ...: rename it db/migration/loans/ if ...};
     *         empty when every folder is a module's
     */
    public static List<String> misnamed(Collection<String> folders, Collection<String> modules) {
        List<String> lines = new ArrayList<>();
        for (String folder : new TreeSet<>(folders)) {
            if (folder.contains(".") && modules.contains(folder)) {
                // Spring Modulith 2.1.1 looks for a dotted module's files in db/migration/a.b/ but runs
                // db/migration/a/b/, which Flyway's recursive scan of module a's folder takes as well: no layout works.
                List<String> parents = new ArrayList<>();
                for (int dot = folder.indexOf('.'); dot > 0; dot = folder.indexOf('.', dot + 1)) {
                    if (modules.contains(folder.substring(0, dot))) {
                        parents.add(folder.substring(0, dot));
                    }
                }
                lines.add(ServicePlan.MIGRATIONS + folder + "/ holds the migrations of the nested or deep module " + folder
                        + ", which are run from " + ServicePlan.MIGRATIONS + folder.replace('.', '/') + "/ instead"
                        + (parents.isEmpty() ? "" : ", where a process that runs " + String.join(" or ", parents)
                                + " too takes them with its migrations as well")
                        + ": give the module a name without a dot with @ApplicationModule(id = ...) and name the folder"
                        + " after it");
                continue;
            }
            if (folder.equals(ROOT) || owner(folder, modules).isPresent()
                    || modules.stream().anyMatch(module -> module.startsWith(folder + "."))) {
                continue; // a module's folder, or the first level of a dotted module's (db/migration/admin/reports/)
            }
            String where = ServicePlan.MIGRATIONS + folder + "/";
            String fix = ClosestName.of(folder, modules)
                    .map(module -> "rename it " + ServicePlan.MIGRATIONS + module + "/ if it holds the migrations of module "
                            + module)
                    .orElse("rename it after the module whose migrations it holds (the modules: "
                            + String.join(", ", new TreeSet<>(modules)) + "), or move them to " + ServicePlan.MIGRATIONS
                            + ROOT + "/ if they belong to no module");
            lines.add(where + " is named after no module, so its migrations never run: each process runs "
                    + ServicePlan.MIGRATIONS + "<module>/ of its modules and " + ServicePlan.MIGRATIONS + ROOT
                    + "/ (Spring Modulith's per-module migrations), and every service packs this folder unused; " + fix);
        }
        return lines;
    }
}
