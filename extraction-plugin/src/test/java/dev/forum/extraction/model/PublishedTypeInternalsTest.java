package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published type of another module, copied into a service, whose own code uses its module's internals (Spring
 * Modulith allows that): never reported as the service's own use of internals, and never packed without them
 * either. A lending library compiled at test time, as one classes folder (a package-based application): books,
 * loans and members under {@code lend}; members publishes the bean {@code MemberDirectory} (backed by its internal
 * {@code MemberStore}), the HTTP contract {@code MembersApi} (served by its controller) and the record
 * {@code MemberCard}.
 */
class PublishedTypeInternalsTest {

    @TempDir
    Path dir;

    /** How loans reaches members. */
    private enum Use {
        /** LoanService calls the published bean MemberDirectory (not an HTTP contract), as the trial application does. */
        BEAN,
        /** LoanService calls the served HTTP contract MembersApi and names MemberCard itself. */
        CONTRACT_AND_CARD,
        /** LoanService calls the served HTTP contract MembersApi only (which names MemberCard). */
        CONTRACT
    }

    @Test
    void aPublishedBeanBackedByItsModulesInternalsBlocksOnlyAsTheBeanCallItIs() throws IOException {
        List<ScannedArtifact> app = compile(Use.BEAN, false);
        ModulithModel model = model(Use.BEAN);

        ServicePlan loans = Planner.plan(model, app, new ServiceRequest("loans", List.of("loans")));
        assertEquals(List.of(Blocker.Kind.BEAN_CALL), loans.blockers().stream().map(Blocker::kind).toList(),
                "MemberDirectory -> MemberStore is members' own business: " + loans.blockers());
        assertEquals("lend.members.MemberDirectory", loans.blockers().get(0).target());
        assertTrue(loans.blockers().stream().noneMatch(b -> b.message().contains("MemberStore")));

        ServicePlan together = Planner.plan(model, app, new ServiceRequest("circulation", List.of("loans", "members")));
        assertEquals(List.of(), together.blockers());
        assertTrue(together.classes().contains("lend.members.internal.MemberStore"));
        assertSelfContained(together, app, model);
    }

    @Test
    void aPublishedTypeACallerNamesWhoseCodeNeedsItsModulesInternalsBlocksNamingItAndWhoUsesIt() throws IOException {
        List<ScannedArtifact> app = compile(Use.CONTRACT_AND_CARD, true);
        ModulithModel model = model(Use.CONTRACT_AND_CARD);

        ServicePlan loans = Planner.plan(model, app, new ServiceRequest("loans", List.of("loans")));
        assertEquals(1, loans.blockers().size(), loans.blockers().toString());
        Blocker blocker = loans.blockers().get(0);
        assertEquals(Blocker.Kind.INTERNAL_REFERENCE, blocker.kind());
        assertEquals("lend.members.MemberCard", blocker.source());
        assertEquals("lend.members.internal.Member", blocker.target());
        assertEquals("Module 'loans' alone: lend.loans.internal.LoanService uses lend.members.MemberCard, published by module"
                + " members, whose own code needs lend.members.internal.Member (lend/members/MemberCard.java; module members does"
                + " not publish Member), which the service does not hold: of a module it does not run, a service holds only the"
                + " published types it uses, so MemberCard would miss them; keep the code that needs them out of MemberCard"
                + " (in an internal type of members, behind its published API), or keep loans and members in one service: list"
                + " both in one service of the topology file (modules: [loans, members]) and build that service with"
                + " -Dextract=<its name>", blocker.message());
        assertFalse(loans.classes().contains("lend.members.internal.Member"), "loans does not run members' internals");

        TopologyServices file = new TopologyServices("topology.yml", "monolith", Map.of("circulation", List.of("loans", "members")));
        assertTrue(Planner.plan(model, app, new ServiceRequest("loans", List.of("loans")), file).blockers().get(0).message()
                .endsWith("or keep loans and members in one service: service 'circulation' of topology.yml holds both; build it"
                        + " with -Dextract=circulation"));
        ServicePlan together = Planner.plan(model, app, new ServiceRequest("circulation", List.of("loans", "members")));
        assertEquals(List.of(), together.blockers());
        assertSelfContained(together, app, model);
        // books is no part of it: its service holds nothing of members.
        ServicePlan books = Planner.plan(model, app, new ServiceRequest("books", List.of("books")));
        assertEquals(List.of(), books.blockers());
        assertSelfContained(books, app, model);
    }

    @Test
    void aPublishedTypeBroughtAlongByAnotherSaysWhichOneTheCallerUses() throws IOException {
        List<ScannedArtifact> app = compile(Use.CONTRACT, true);

        ServicePlan loans = Planner.plan(model(Use.CONTRACT), app, new ServiceRequest("loans", List.of("loans")));
        assertEquals(1, loans.blockers().size(), loans.blockers().toString());
        assertTrue(loans.blockers().get(0).message().startsWith("Module 'loans' alone: lend.loans.internal.LoanService uses"
                + " lend.members.MembersApi of module members, which brings along lend.members.MemberCard, published by module"
                + " members, whose own code needs lend.members.internal.Member (lend/members/MemberCard.java; module members does"
                + " not publish Member)"), loans.blockers().get(0).message());
    }

    @Test
    void aSelfContainedPublishedTypeIsCopiedAndTheServiceBuilds() throws IOException {
        List<ScannedArtifact> app = compile(Use.CONTRACT_AND_CARD, false);
        ModulithModel model = model(Use.CONTRACT_AND_CARD);

        ServicePlan loans = Planner.plan(model, app, new ServiceRequest("loans", List.of("loans")));
        assertEquals(List.of(), loans.blockers());
        assertEquals(Map.of("lend.books.BooksApi", "books", "lend.members.MembersApi", "members"), loans.remoteContracts());
        assertTrue(loans.classes().containsAll(List.of("lend.members.MembersApi", "lend.members.MemberCard")));
        assertSelfContained(loans, app, model);
    }

    /** A plan that builds holds every application class its classes reference: nothing is missing at run time. */
    private static void assertSelfContained(ServicePlan plan, List<ScannedArtifact> app, ModulithModel model) {
        Set<String> missing = new HashSet<>();
        for (ScannedArtifact artifact : app) {
            artifact.references().forEach((type, references) -> {
                if (plan.classes().contains(type)) {
                    references.stream().filter(model::isApplicationClass).filter(r -> !plan.classes().contains(r))
                            .forEach(r -> missing.add(type + " -> " + r));
                }
            });
        }
        assertEquals(Set.of(), missing, plan.service() + " would miss classes");
    }

    private List<ScannedArtifact> compile(Use use, boolean cardFromEntity) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("lend/LendingApplication.java", "package lend; public class LendingApplication {"
                + " public static void main(String[] args) { } }");
        sources.put("lend/books/BooksApi.java", "package lend.books; public interface BooksApi { BookView lend(String isbn); }");
        sources.put("lend/books/BookView.java", "package lend.books; public record BookView(String isbn, String title) { }");
        sources.put("lend/books/internal/BookController.java", "package lend.books.internal;"
                + " public class BookController implements lend.books.BooksApi {"
                + " public lend.books.BookView lend(String isbn) { return new lend.books.BookView(isbn, \"?\"); } }");
        sources.put("lend/members/MemberCard.java", "package lend.members; public record MemberCard(long id, String name) {"
                + (cardFromEntity ? " public static MemberCard of(lend.members.internal.Member m) { return new MemberCard(m.id, m.name); }" : "")
                + " }");
        sources.put("lend/members/MemberDirectory.java", "package lend.members; public class MemberDirectory {"
                + " private final lend.members.internal.MemberStore store;"
                + " MemberDirectory(lend.members.internal.MemberStore store) { this.store = store; }"
                + " public java.util.Optional<MemberCard> lookup(long id) { return store.card(id); } }");
        sources.put("lend/members/MembersApi.java", "package lend.members; public interface MembersApi {"
                + " MemberCard find(long id); int count(); }");
        sources.put("lend/members/internal/Member.java", "package lend.members.internal; public class Member {"
                + " public long id; public String name; }");
        sources.put("lend/members/internal/MemberStore.java", "package lend.members.internal; public class MemberStore {"
                + " public java.util.Optional<lend.members.MemberCard> card(long id) {"
                + " return java.util.Optional.of(new lend.members.MemberCard(id, \"m\")); } }");
        sources.put("lend/members/internal/MemberController.java", "package lend.members.internal;"
                + " public class MemberController implements lend.members.MembersApi {"
                + " public lend.members.MemberCard find(long id) { return new lend.members.MemberCard(id, \"m\"); }"
                + " public int count() { return 1; } }");
        String members = switch (use) {
            case BEAN -> "lend.members.MemberDirectory members; String name(long id) { return members.lookup(id).map(lend.members.MemberCard::name).orElse(\"\"); }";
            case CONTRACT_AND_CARD -> "lend.members.MembersApi members; String name(long id) { lend.members.MemberCard card = members.find(id); return card.name(); }";
            case CONTRACT -> "lend.members.MembersApi members; int count() { return members.count(); }";
        };
        sources.put("lend/loans/internal/LoanService.java", "package lend.loans.internal; class LoanService {"
                + " lend.books.BooksApi books; " + members + " String title(String isbn) { return books.lend(isbn).title(); } }");

        Path classes = dir.resolve("classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the lending application compiles");
        return List.of(new BytecodeScanner().scan("lending (classes)", classes));
    }

    /** The application as Spring Modulith's model has it: each module publishes its base package. */
    private static ModulithModel model(Use use) {
        String membersTarget = use == Use.BEAN ? "lend.members.MemberDirectory" : "lend.members.MembersApi";
        List<ModulithModel.Module> modules = List.of(
                module("books", Set.of("BooksApi", "BookView"), Set.of("BookController")),
                module("loans", Set.of(), Set.of("LoanService"),
                        bean("lend.loans.internal.LoanService", "lend.books.BooksApi", "books"),
                        bean("lend.loans.internal.LoanService", membersTarget, "members")),
                module("members", Set.of("MemberCard", "MemberDirectory", "MembersApi"),
                        Set.of("Member", "MemberStore", "MemberController")));
        Map<String, HttpContract> contracts = Map.of(
                "lend.books.BooksApi", new HttpContract("lend.books.BooksApi", "/api/books",
                        List.of("lend.books.internal.BookController")),
                "lend.members.MembersApi", new HttpContract("lend.members.MembersApi", "/api/members",
                        List.of("lend.members.internal.MemberController")));
        return ModulithModel.builder("lend.LendingApplication", List.of("lend"), modules)
                .httpContracts(contracts)
                .controllers(Map.of("lend.books.internal.BookController", List.of(),
                        "lend.members.internal.MemberController", List.of()))
                .build();
    }

    private static ModulithModel.Module module(String name, Set<String> published, Set<String> internal,
            ModulithModel.Dependency... dependencies) {
        Set<String> publishedTypes = new HashSet<>();
        published.forEach(t -> publishedTypes.add("lend." + name + "." + t));
        Set<String> types = new HashSet<>(publishedTypes);
        internal.forEach(t -> types.add("lend." + name + ".internal." + t));
        return new ModulithModel.Module(name, "lend." + name, false, false, types, publishedTypes, Map.of(), List.of(dependencies));
    }

    private static ModulithModel.Dependency bean(String source, String target, String module) {
        return new ModulithModel.Dependency("USES_COMPONENT", source, target, module);
    }
}
