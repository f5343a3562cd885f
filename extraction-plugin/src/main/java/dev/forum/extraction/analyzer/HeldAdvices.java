package dev.forum.extraction.analyzer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The advices that answer a contract's calls over HTTP, in the process of the contract's module: a service holds the
 * classes of its own modules, of the open and shared ones and of the main class's, and those outside every module
 * (the root package), so an advice for every controller in another module, the caller's say, is not there. Over HTTP
 * the module's process answers the call, so such an advice answers it in process only ({@link ValidatedControllers}).
 * The limited advices are all kept: {@link HandlerDifferences} decides which controllers they apply to.
 */
final class HeldAdvices {

    private final ApplicationModules modules;
    private final Set<String> everywhere = new TreeSet<>();

    /**
     * @param modules Spring Modulith's modules of the application
     * @param main    the application class, whose module (if it is in one) every process runs
     */
    HeldAdvices(ApplicationModules modules, Class<?> main) {
        this.modules = modules;
        modules.getSharedModules().forEach(m -> everywhere.add(m.getIdentifier().toString()));
        modules.stream().filter(ApplicationModule::isOpen).forEach(m -> everywhere.add(m.getIdentifier().toString()));
        moduleOf(main.getName()).ifPresent(everywhere::add);
    }

    /**
     * @param contract the contract's interface, by its binary name
     * @param advices  the application's classes annotated {@code @ControllerAdvice} or {@code @RestControllerAdvice}
     * @return the limited ones, and those for every controller that the contract's module's process holds
     *         ({@link #heldWith}), in the order given
     */
    List<Class<?>> of(String contract, Collection<Class<?>> advices) {
        Optional<String> module = moduleOf(contract);
        return advices.stream().filter(advice -> HandlerDifferences.limited(advice)
                || heldWith(moduleOf(advice.getName()), module, everywhere)).toList();
    }

    /**
     * Whether the process that runs a contract's module holds an advice: one outside every module (the root package),
     * in a module every process runs (open, shared, the main class's) or in the contract's own module; not one in
     * another module, which a service of the contract's module leaves out.
     *
     * @param adviceModule   the module holding the advice; empty for a class outside every module
     * @param contractModule the module holding the contract; empty for a contract outside every module
     * @param everywhere     the modules every process runs: the open and shared ones and the main class's
     * @return whether the contract's process holds the advice
     */
    static boolean heldWith(Optional<String> adviceModule, Optional<String> contractModule, Set<String> everywhere) {
        return adviceModule.isEmpty() || everywhere.contains(adviceModule.get()) || adviceModule.equals(contractModule);
    }

    /** The name of the module holding a class; empty for one outside every module (Spring Modulith's root module). */
    private Optional<String> moduleOf(String type) {
        return modules.getModuleByType(type).filter(m -> !m.isRootModule()).map(m -> m.getIdentifier().toString());
    }
}
