package dev.forum.extraction.model;

import java.util.Optional;

/**
 * Whether a service's jar holds the class it starts. Every service jar and image starts the application's launch class
 * (its {@code Start-Class}, the class with the main method), but a service holds only the application classes of its
 * own modules and those outside every module: a launch class inside a module the service leaves out is missing from
 * its jar, which then fails at start with {@code ClassNotFoundException}.
 */
public final class LaunchClassPlace {

    private LaunchClassPlace() {
    }

    /**
     * @param model       the application's modules
     * @param plan        one service's plan
     * @param launchClass the binary name of the class the service jars start
     * @return the one-line refusal when {@code plan}'s jar would not hold {@code launchClass}; empty when it would (a
     *         launch class outside every module, in one of the service's modules, or in a library)
     */
    public static Optional<String> refusal(ModulithModel model, ServicePlan plan, String launchClass) {
        if (!model.isApplicationClass(launchClass) || plan.classes().contains(launchClass)) {
            return Optional.empty();
        }
        String module = model.moduleOf(launchClass).map(ModulithModel.Module::name).orElse("?");
        String root = model.rootPackages().isEmpty() ? ModulithModel.packageOf(model.mainClass())
                : model.rootPackages().get(0);
        return Optional.of("Service '" + plan.service() + "' would not start: its jar starts the launch class "
                + launchClass + " (the Start-Class), which is in module " + module + ", and the service does not hold "
                + module + ", so the jar lacks it: move " + Boundary.simpleName(launchClass) + " out of module "
                + module + " into the package " + root + ", outside every module (every service holds those classes)");
    }
}
