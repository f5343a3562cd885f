package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Dependency;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bean-call rules of a {@link Boundary}: a bean reference (Spring Modulith's {@code USES_COMPONENT}) across the
 * service's boundary to an HTTP contract gets the remote client at run time, provided a controller of the callee's
 * module serves it and every parameter and return type of its methods can travel over HTTP; to anything else it blocks.
 *
 * <p>A reference from a module that runs everywhere (open, shared, or the main class's) into an ordinary module counts
 * wherever the service splits that module from the rest of the application ({@link Boundary#splitFromEverywhere}): the
 * caller runs in every process, the callee in some only, as the run time sees it ({@code Topology}). A reference into a
 * module that runs everywhere never crosses.
 */
final class BeanCalls {

    private final Boundary boundary;
    private final ModulithModel model;
    private final Set<String> unsendableSeen = new LinkedHashSet<>();

    BeanCalls(Boundary boundary, ModulithModel model) {
        this.boundary = boundary;
        this.model = model;
    }

    /**
     * Adds a blocker for each bean reference that cannot cross, and each served contract the service calls remotely to
     * {@code remoteContracts} (contract to its module).
     */
    void decide(List<Blocker> blockers, Map<String, String> remoteContracts) {
        for (Module module : model.modules()) {
            for (Dependency dependency : module.dependencies()) {
                if (!dependency.isBeanReference()) {
                    continue;
                }
                String caller = module.name();
                String callee = dependency.module();
                boolean fromEverywhere = boundary.splitFromEverywhere(caller, callee);
                if (!fromEverywhere && !boundary.crosses(caller, callee)) {
                    continue;
                }
                String where = " (bean reference in " + model.sourcePath(dependency.source()) + ", module " + caller + ")";
                HttpContract contract = model.httpContracts().get(dependency.target());
                if (contract == null) {
                    blockers.add(fromEverywhere ? everywhereCall(dependency, caller, callee, where)
                            : boundary.blocker(Blocker.Kind.BEAN_CALL, dependency.source(), dependency.target(), caller, callee,
                                    boundary.prefix() + dependency.source() + " calls " + dependency.target() + " of module "
                                            + callee + where + ", which cannot go over HTTP once " + caller + " and " + callee
                                            + " run in different services: call it through an interface in the published API"
                                            + " of " + callee + " annotated with @HttpExchange (its remote client is made from it)"
                                            + " and implemented by a @RestController in " + callee + ", or "
                                            + boundary.together(caller, callee)));
                    continue;
                }
                unsendable(contract, dependency, caller, callee, where, blockers);
                List<String> controllers = contract.controllers().stream()
                        .filter(c -> model.moduleOf(c).map(m -> m.name().equals(callee)).orElse(false)).toList();
                if (controllers.isEmpty()) {
                    blockers.add(boundary.blocker(Blocker.Kind.CONTRACT_NOT_SERVED, dependency.source(), dependency.target(),
                            caller, callee, boundary.prefix() + dependency.source() + " calls the HTTP contract "
                                    + dependency.target() + " of module " + callee + where + ", but no @RestController of " + callee
                                    + " implements it, so its remote client would find no route: implement "
                                    + Boundary.simpleName(dependency.target()) + " in a controller of " + callee));
                } else if (!boundary.inside(callee)) {
                    // The caller runs here (a module of the service, or one that runs everywhere), the callee elsewhere.
                    remoteContracts.put(dependency.target(), callee);
                }
            }
        }
    }

    /**
     * A module that runs everywhere uses a bean of an ordinary module that is no HTTP contract: every process without
     * the callee refuses to start. Keeping the two together is no advice (the caller is in every service already).
     */
    private Blocker everywhereCall(Dependency dependency, String caller, String callee, String where) {
        String simple = Boundary.simpleName(dependency.target());
        return boundary.blocker(Blocker.Kind.BEAN_CALL, dependency.source(), dependency.target(), caller, callee,
                boundary.prefix() + dependency.source() + " calls " + dependency.target() + " of module " + callee + where
                        + ", which cannot go over HTTP, and " + caller + " is " + Boundary.everywhereRole(model, caller)
                        + " that runs in every service, so " + boundary.withoutIt(callee) + " would refuse to start:"
                        + " make " + simple + " an interface in the published API of " + callee + " annotated with"
                        + " @HttpExchange and implemented by a @RestController in " + callee + " (where " + callee
                        + " runs in another service, " + caller + " then calls it through its remote client), or move the"
                        + " call out of " + caller + " into a module that is neither open nor shared");
    }

    /**
     * One line per parameter or return type of the contract that cannot travel ({@code contract-type}) and per method
     * whose client path holds an empty segment ({@code contract-path}), once per contract.
     */
    private void unsendable(HttpContract contract, Dependency dependency, String caller, String callee, String where,
            List<Blocker> blockers) {
        if (!unsendableSeen.add(contract.type())) {
            return;
        }
        for (HttpContract.Unsendable part : contract.unsendable()) {
            blockers.add(boundary.blocker(Blocker.Kind.CONTRACT_TYPE, dependency.source(), contract.type(), caller, callee,
                    boundary.prefix() + dependency.source() + " calls the HTTP contract " + contract.type() + " of module "
                            + callee + where + ", whose method " + Boundary.simpleName(contract.type()) + "." + part.method()
                            + " cannot carry its " + part.part() + " (" + part.type() + ") over HTTP: " + part.problem()
                            + ", so every remote call of it would fail at run time; " + part.fix()));
        }
        for (HttpContract.EmptySegment join : contract.emptySegments()) {
            String simple = Boundary.simpleName(contract.type());
            blockers.add(boundary.blocker(Blocker.Kind.CONTRACT_PATH, dependency.source(), contract.type(), caller,
                    callee, boundary.prefix() + dependency.source() + " calls the HTTP contract " + contract.type()
                            + " of module " + callee + where + ", whose method " + simple + "." + join.method()
                            + " Spring's HTTP client sends to " + join.sent() + " (the class-level @HttpExchange(\""
                            + join.classPath() + "\") and \"" + join.path() + "\" joined as written), whose empty segment ('//') the load"
                            + " balancer refuses as a non-canonical path, so every remote call of it would fail at run"
                            + " time; drop the trailing '/' of the class-level @HttpExchange(\"" + join.classPath()
                            + "\") of " + simple + " (Spring MVC serves the same routes without it)"));
        }
    }
}
