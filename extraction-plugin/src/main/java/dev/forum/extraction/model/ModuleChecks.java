package dev.forum.extraction.model;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.Optional;

/** The one-line refusals about which modules there are and which of them can be a service. */
public final class ModuleChecks {

    private ModuleChecks() {
    }

    /**
     * Refuses an application in which Spring Modulith found no module, or none that can be a service, saying how
     * modules are recognised and what to change.
     */
    public static void requireModules(ModulithModel model) {
        String roots = String.join(", ", model.rootPackages());
        if (model.modules().isEmpty()) {
            String example = model.rootPackages().isEmpty() ? "com.example.orders" : model.rootPackages().get(0) + ".orders";
            throw new ExtractionException("No module found: Spring Modulith takes each direct sub-package of the main class's"
                    + " package as a module, and " + model.mainClass() + " has none below " + roots + " holding classes:"
                    + " move each module's classes into a package of its own below it (e.g. " + example + ")");
        }
        if (model.extractableModules().isEmpty()) {
            throw new ExtractionException("No module can be a service of its own: Spring Modulith found "
                    + describe(model) + " below " + roots + ", and open or shared modules and the main class's module"
                    + " run in every service: give the application a module of its own for each part to extract");
        }
    }

    /** Refuses a name that is not a module that can be a service; {@code where} says where the name came from. */
    public static void requireExtractable(ModulithModel model, String name, String where) {
        if (model.extractableModules().contains(name)) {
            return;
        }
        String valid = "valid are modules " + String.join(", ", model.extractableModules());
        Optional<Module> module = model.module(name);
        if (module.isEmpty()) {
            throw new ExtractionException("Unknown module '" + name + "' " + where
                    + ClosestName.hint(name, model.extractableModules()) + ": " + valid);
        }
        String why = module.get().open() ? "an open module" : module.get().shared() ? "a shared module"
                : "the module of the main class " + model.mainClass();
        throw new ExtractionException("Module '" + name + "' " + where + " is " + why + ", which runs in every service: "
                + valid);
    }

    private static String describe(ModulithModel model) {
        return model.modules().stream().map(m -> m.name() + (m.open() ? " (open)" : m.shared() ? " (shared)" : " (main class)"))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
