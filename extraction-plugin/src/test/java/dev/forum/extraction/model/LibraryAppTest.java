package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A library application (modules books, lending, members and audit), read as bytecode references without compiling: the
 * main class {@code LibraryApplication} and a class {@code JpaConfig} outside every module, which every service holds,
 * and a module {@code audit} that only uses a record {@code members} publishes.
 */
class LibraryAppTest {

    private static final String ROOT = "org.acme.library.";
    private static final String MAIN = ROOT + "LibraryApplication";
    private static final String PROPERTIES = ROOT + "books.internal.BooksProperties";

    @Test
    void theMainClassNamingAModulesInternalsIsNamedAsSuchWithAdviceThatFits() {
        ServicePlan plan = Planner.plan(model(), List.of(classes(Map.of(MAIN, Set.of(PROPERTIES)))),
                new ServiceRequest("lending", List.of("lending")));

        assertEquals(List.of("Module 'lending' alone needs other modules' internals: the application's main class " + MAIN
                + " (org/acme/library/LibraryApplication.java), which every service holds, references " + PROPERTIES
                + ", which module books does not publish, so a service without books would not start (Spring reads the main"
                + " class and what it names at startup): move the annotation that"
                + " names it (@EnableConfigurationProperties, @Import, @EntityScan, @EnableJpaRepositories(basePackageClasses"
                + " = ...) or the like) from the main class into a @Configuration class in module books, so that it applies"
                + " where books runs; for configuration properties, @ConfigurationPropertiesScan on the main class also works"),
                plan.blockers().stream().map(Blocker::message).toList());
        assertEquals(List.of(), Planner.plan(model(), List.of(classes(Map.of(MAIN, Set.of(PROPERTIES)))),
                new ServiceRequest("books", List.of("books"))).blockers(), "books' own service holds them");
    }

    @Test
    void aRootPackageClassNamingAModulesInternalsIsAdvisedToMoveIntoThatModule() {
        String config = ROOT + "config.JpaConfig";
        ServicePlan plan = Planner.plan(model(), List.of(classes(Map.of(config, Set.of(PROPERTIES)))),
                new ServiceRequest("lending", List.of("lending")));

        assertEquals(List.of("Module 'lending' alone needs other modules' internals: the class " + config + " of the root"
                + " package (in no module) (org/acme/library/config/JpaConfig.java), which every service holds, references "
                + PROPERTIES + ", which module books does not publish, so a service without books would miss it: move"
                + " JpaConfig into module books (a @Configuration class there if it configures books), or have it use only"
                + " books's published types"), plan.blockers().stream().map(Blocker::message).toList());
        assertEquals("(no module)", plan.blockers().get(0).sourceModule());
    }

    @Test
    void aModuleUsingOnlyAPublishedRecordOfAnotherCallsNothingOverHttp() {
        String event = ROOT + "members.MemberRegistered";
        ServicePlan plan = Planner.plan(model(), List.of(classes(Map.of(ROOT + "audit.internal.AuditLog", Set.of(event)))),
                new ServiceRequest("audit", List.of("audit")));

        assertEquals(List.of(), plan.blockers());
        assertEquals(List.of("members"), plan.publishedTypesOf());
        assertEquals(List.of(), plan.callsOverHttp(), "members has no HTTP contract");
        assertEquals(List.of("members"), plan.typesOnly());
        assertEquals(true, plan.classes().contains(event), "the record is in the jar");
        assertEquals("members", plan.leftOut().get(ROOT + "members.internal.MemberService"), "members' code is not");
    }

    /** The application's classes: the given references, and every module's types referencing nothing. */
    static ScannedArtifact classes(Map<String, Set<String>> references) {
        Map<String, Set<String>> all = new java.util.TreeMap<>();
        model().modules().forEach(m -> m.types().forEach(t -> all.put(t, Set.of())));
        all.put(MAIN, Set.of());
        all.putAll(references);
        return new ScannedArtifact("org.acme:library:jar:1.0 (classes)", Path.of("target/classes"), all);
    }

    static ModulithModel model() {
        List<ModulithModel.Module> modules = List.of(
                module("books", Set.of(ROOT + "books.BookApi"), Set.of(PROPERTIES, ROOT + "books.internal.BookService")),
                module("lending", Set.of(ROOT + "lending.LoanApi"), Set.of(ROOT + "lending.internal.LoanService")),
                module("members", Set.of(ROOT + "members.MemberRegistered"), Set.of(ROOT + "members.internal.MemberService")),
                module("audit", Set.of(), Set.of(ROOT + "audit.internal.AuditLog")));
        return ModulithModel.builder(MAIN, List.of("org.acme.library"), modules).build();
    }

    private static ModulithModel.Module module(String name, Set<String> published, Set<String> internal) {
        Set<String> types = new java.util.TreeSet<>(published);
        types.addAll(internal);
        return new ModulithModel.Module(name, ROOT + name, false, false, types, published, Map.of(), List.of());
    }
}
