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
 * module that runs everywhere never crosses. So does a bean of an ordinary module that a class outside every module
 * uses ({@link ModulithModel#outsideBeanReferences}): the main class's {@code getBean(Orders.class)}, say; and one that
 * the launch class (the one class the service jars start: a Kotlin {@code AppKt}, a Java {@code Launcher}) uses in its
 * {@code main} method, wherever the class is: those references have the type {@link #FROM_MAIN}.
 */
final class BeanCalls {

    private final Boundary boundary;
    private final ModulithModel model;
    /** How a blocker names the module of a class outside every module. */
    private static final String OUTSIDE = "(no module)";
    /**
     * The type of an outside bean reference made in the {@code main} method of the launch class, inside a module or
     * outside every module (the analyzer's {@code OutsideBeanUses.FROM_MAIN}); any other is {@code USES_COMPONENT}.
     */
    static final String FROM_MAIN = "MAIN_USES_COMPONENT";

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
                if (dependency.isBeanReference()) {
                    decide(module.name(), dependency, boundary.splitFromEverywhere(module.name(), dependency.module()),
                            blockers, remoteContracts);
                }
            }
        }
        for (Dependency dependency : model.outsideBeanReferences()) {
            decide(null, dependency, boundary.splitFromOutside(dependency.module()), blockers, remoteContracts);
        }
    }

    /**
     * One bean reference.
     *
     * @param caller         the calling module; {@code null} for an outside bean reference (a class outside every
     *                       module, or a launch class's {@code main} method, which runs in every process wherever it is)
     * @param fromEverywhere whether the caller runs in every process and the service splits the callee from the rest
     */
    private void decide(String caller, Dependency dependency, boolean fromEverywhere, List<Blocker> blockers,
            Map<String, String> remoteContracts) {
        String callee = dependency.module();
        if (!fromEverywhere && (caller == null || !boundary.crosses(caller, callee))) {
            return;
        }
        String callerModule = caller != null ? caller
                : model.moduleOf(dependency.source()).map(Module::name).orElse(OUTSIDE); // a launch class in a module
        String where = " (bean reference in " + model.sourcePath(dependency.source())
                + (callerModule.equals(OUTSIDE) ? ", outside every module)" : ", module " + callerModule + ")");
        HttpContract contract = model.httpContracts().get(dependency.target());
        if (contract == null) {
            blockers.add(caller == null ? outsideCall(dependency, callerModule, callee, where)
                    : fromEverywhere ? everywhereCall(dependency, caller, callee, where)
                    : boundary.blocker(Blocker.Kind.BEAN_CALL, dependency.source(), dependency.target(), caller, callee,
                            boundary.prefix() + dependency.source() + " calls " + dependency.target() + " of module "
                                    + callee + where + ", which cannot go over HTTP once " + caller + " and " + callee
                                    + " run in different services: call it through an interface in the published API"
                                    + " of " + callee + " annotated with @HttpExchange (its remote client is made from it)"
                                    + " and implemented by a @RestController in " + callee
                                    + boundary.orTogether(caller, callee, "the call")));
            return;
        }
        unsendable(contract, dependency, callerModule, callee, where, blockers);
        List<String> controllers = contract.controllers().stream()
                .filter(c -> model.moduleOf(c).map(m -> m.name().equals(callee)).orElse(false)).toList();
        if (controllers.isEmpty()) {
            blockers.add(boundary.blocker(Blocker.Kind.CONTRACT_NOT_SERVED, dependency.source(), dependency.target(),
                    callerModule, callee, boundary.prefix() + dependency.source() + " calls the HTTP contract "
                            + dependency.target() + " of module " + callee + where + ", but no @RestController of " + callee
                            + " implements it, so its remote client would find no route: implement "
                            + Boundary.simpleName(dependency.target()) + " in a controller of " + callee));
        } else if (!boundary.inside(callee)) {
            // The caller runs here (a module of the service, or code that runs everywhere), the callee elsewhere.
            remoteContracts.put(dependency.target(), callee);
        }
    }

    /**
     * Code every service runs uses a bean of an ordinary module that is no HTTP contract: a class outside every module
     * (the main class, or another class of a root package), which every service holds, or the {@code main} method of a
     * launch class ({@link #FROM_MAIN}), which every service starts. Where the module does not run, the lookup or the
     * injection finds no such bean. The advice fits the class: a launch class keeps its place and moves the call into
     * the bean's module; another class moves into that module.
     *
     * @param callerModule the launch class's module, or {@link #OUTSIDE}
     */
    private Blocker outsideCall(Dependency dependency, String callerModule, String callee, String where) {
        String source = dependency.source();
        String top = source.indexOf('$') > 0 ? source.substring(0, source.indexOf('$')) : source;
        boolean application = top.equals(model.mainClass());
        boolean launch = application || FROM_MAIN.equals(dependency.type());
        String simple = Boundary.simpleName(dependency.target());
        String contract = "make " + simple + " an interface in the published API of " + callee + " annotated with"
                + " @HttpExchange and implemented by a @RestController in " + callee + " (where " + callee
                + " runs in another service, its remote client then serves the call)";
        String fix = launch
                ? "move the call out of " + (application ? "the main class" : "the main method of " + Boundary.simpleName(top))
                        + " into module " + callee + ", into an ApplicationRunner bean or an"
                        + " @EventListener(ApplicationReadyEvent.class) method there, which runs once the application has"
                        + " started, wherever " + callee + " runs, at every start of its service: there a call of a"
                        + " module in another process fails the start while that process is down (the orchestrator then"
                        + " restarts the service); or " + contract
                : "move " + Boundary.simpleName(top) + " into module " + callee + " (an ApplicationRunner or"
                        + " @Configuration class there runs wherever " + callee + " runs); or " + contract;
        String subject = application ? "the application's main class " + source
                : launch ? "the launch class " + source + " (it declares main, which starts the application)"
                : "the class " + source + " of the root package";
        String held = application ? "the main class" : launch ? "its launch class and starts it"
                : "the classes outside every module";
        return boundary.blocker(Blocker.Kind.BEAN_CALL, source, dependency.target(), callerModule, callee,
                boundary.prefix() + subject + " uses the bean " + dependency.target() + " of module " + callee + where
                        + ", which cannot go over HTTP, and every service holds " + held + ", so "
                        + boundary.withoutIt(callee) + " would find no such bean (its lookup or injection fails"
                        + " once it starts): " + fix);
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
