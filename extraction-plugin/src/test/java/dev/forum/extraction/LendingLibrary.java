package dev.forum.extraction;

import dev.forum.extraction.model.ModulithModel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A two-module library as Spring Modulith's model of it, for tests of event publications: lending publishes BookLent
 * to its own Ledger (an internal listener); catalog publishes nothing and has no listener. No class files: the model
 * alone.
 */
public final class LendingLibrary {

    private LendingLibrary() {
    }

    /** The model: modules catalog and lending below root package {@code lib}, main class {@code lib.LibraryApplication}. */
    public static ModulithModel model() {
        List<ModulithModel.Module> modules = List.of(
                new ModulithModel.Module("catalog", "lib.catalog", false, false, Set.of("lib.catalog.Book"),
                        Set.of("lib.catalog.Book"), Map.of(), List.of()),
                new ModulithModel.Module("lending", "lib.lending", false, false,
                        Set.of("lib.lending.BookLent", "lib.lending.internal.Ledger"), Set.of("lib.lending.BookLent"),
                        Map.of(), List.of()));
        return ModulithModel.builder("lib.LibraryApplication", List.of("lib"), modules)
                .listeners(List.of(new ModulithModel.Listener("lib.lending.BookLent", "lib.lending.internal.Ledger", "on")))
                .build();
    }
}
