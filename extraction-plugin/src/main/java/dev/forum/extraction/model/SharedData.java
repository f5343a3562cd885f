package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Dependency;
import dev.forum.extraction.model.ModulithModel.Entity;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity and table rules of a {@link Boundary}: a service owns its entities and tables, so a module using another
 * module's entity (a field, a JPA relation, a Spring Data repository over it) or mapping a table another module maps
 * blocks once the two run in different services.
 *
 * <p>A module that runs everywhere (open, shared, or the main class's) doing so with an ordinary module counts wherever
 * the service splits that module from the rest of the application ({@link Boundary#splitFromEverywhere}): it then maps
 * the entity or table in a process whose database does not hold that module's data. Two modules that run everywhere
 * never cross, and neither does an ordinary module using the entity of one that runs everywhere (it runs in every
 * process, as calls into it do). A table mapped by both an ordinary module and one that runs everywhere blocks either
 * way round: it belongs to one of them, and the other maps it where that one's data is not.
 */
final class SharedData {

    private final Boundary boundary;
    private final ModulithModel model;

    SharedData(Boundary boundary, ModulithModel model) {
        this.boundary = boundary;
        this.model = model;
    }

    /** Adds a {@code SHARED_ENTITY} blocker per entity used across the boundary, a {@code SHARED_TABLE} one per table. */
    void decide(List<Blocker> blockers) {
        entities(blockers);
        tables(blockers);
    }

    private void entities(List<Blocker> blockers) {
        Set<String> seen = new LinkedHashSet<>();
        for (Module module : model.modules()) {
            for (Dependency dependency : module.dependencies()) {
                String user = module.name();
                String owner = dependency.module();
                boolean entity = "ENTITY".equals(dependency.type()) || model.entity(dependency.target()).isPresent();
                boolean fromEverywhere = boundary.splitFromEverywhere(user, owner);
                if (!entity || !(fromEverywhere || boundary.crosses(user, owner))
                        || !seen.add(dependency.source() + dependency.target())) {
                    continue;
                }
                String uses = boundary.prefix() + dependency.source() + " uses the entity " + dependency.target() + " of module "
                        + owner + " (" + model.sourcePath(dependency.source()) + ", module " + user + ")";
                String simple = Boundary.simpleName(dependency.target());
                blockers.add(boundary.blocker(Blocker.Kind.SHARED_ENTITY, dependency.source(), dependency.target(), user, owner,
                        fromEverywhere
                                ? uses + ", and " + user + " is " + Boundary.everywhereRole(model, user) + " that runs in every"
                                        + " service, so " + boundary.withoutIt(owner) + " would map " + simple + " onto a"
                                        + " database that does not hold the data of " + owner + ": a service owns its entities and"
                                        + " tables; refer to " + simple + " by its id and read it through an HTTP contract of "
                                        + owner + ", or move the use of " + simple + " out of " + user + " into a module that is"
                                        + " neither open nor shared"
                                : uses + ", which would run in another service: a service owns its entities and tables; refer to"
                                        + " it by its id and read it through an HTTP contract of " + owner
                                        + boundary.orTogether(user, owner, "the use")));
            }
        }
    }

    private void tables(List<Blocker> blockers) {
        Map<String, List<Entity>> byTable = new LinkedHashMap<>();
        model.entities().forEach(e -> byTable.computeIfAbsent(e.table(), t -> new ArrayList<>()).add(e));
        byTable.forEach((table, entities) -> {
            for (int i = 0; i < entities.size(); i++) {
                for (int j = i + 1; j < entities.size(); j++) {
                    table(table, entities.get(i), entities.get(j), blockers);
                }
            }
        });
    }

    /** {@code a} and {@code b} both map {@code table}. */
    private void table(String table, Entity a, Entity b, List<Blocker> blockers) {
        String moduleA = model.moduleOf(a.type()).map(Module::name).orElse("");
        String moduleB = model.moduleOf(b.type()).map(Module::name).orElse("");
        if (moduleA.isEmpty() || moduleB.isEmpty()) {
            return;
        }
        if (boundary.crosses(moduleA, moduleB)) {
            blockers.add(boundary.blocker(Blocker.Kind.SHARED_TABLE, a.type(), "table " + table, moduleA, moduleB,
                    boundary.prefix() + "table '" + table + "' is mapped by " + a.type() + " (" + model.sourcePath(a.type())
                            + ", module " + moduleA + ") and by " + b.type() + " (module " + moduleB + "), which would run in"
                            + " different services: each table belongs to one module; read the other module's data through its"
                            + " HTTP contract" + boundary.orTogether(moduleA, moduleB, "the table")));
            return;
        }
        // The side that runs everywhere first: it maps the table where the other module's data is not.
        boolean aEverywhere = boundary.splitFromEverywhere(moduleA, moduleB);
        if (!aEverywhere && !boundary.splitFromEverywhere(moduleB, moduleA)) {
            return;
        }
        Entity mapping = aEverywhere ? a : b;
        Entity owning = aEverywhere ? b : a;
        String everywhere = aEverywhere ? moduleA : moduleB;
        String owner = aEverywhere ? moduleB : moduleA;
        blockers.add(boundary.blocker(Blocker.Kind.SHARED_TABLE, mapping.type(), "table " + table, everywhere, owner,
                boundary.prefix() + "table '" + table + "' is mapped by " + mapping.type() + " (" + model.sourcePath(mapping.type())
                        + ", module " + everywhere + ") and by " + owning.type() + " (module " + owner + "), and " + everywhere
                        + " is " + Boundary.everywhereRole(model, everywhere) + " that runs in every service, so "
                        + boundary.withoutIt(owner) + " would map '" + table + "' apart from the data of " + owner
                        + ": each table belongs to one module; map it in one of the two only: in " + owner + " (" + everywhere
                        + " then reads it through an HTTP contract of " + owner + ") or in " + everywhere + " (" + owner
                        + " then reads it through the beans of " + everywhere + ", which run in every service)"));
    }
}
