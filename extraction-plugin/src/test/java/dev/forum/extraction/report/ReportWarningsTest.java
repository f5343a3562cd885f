package dev.forum.extraction.report;

import static dev.forum.extraction.report.ReportSchema.JSON;
import static dev.forum.extraction.report.ReportSchema.READ;
import static dev.forum.extraction.report.ReportSchema.problems;
import static dev.forum.extraction.report.ReportSchema.schema;
import static dev.forum.extraction.report.ReportSchema.withoutFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.FakeApp;
import dev.forum.extraction.LendingLibrary;
import dev.forum.extraction.model.MigrationFolders;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.SharedPublications;
import dev.forum.extraction.model.TopologyServices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's warnings (a cycle among the modules, plans that may share the publication table, violations of Spring
 * Modulith's verification, a migration folder named after no module) say the same in the text and in the JSON, which
 * holds to its schema, and block nothing.
 */
class ReportWarningsTest {

    @TempDir
    Path dir;

    @Test
    void aCycleAmongTheModulesIsAWarningOfTheTextAndInTheJson() throws IOException {
        List<ModulithModel.Module> modules = new ArrayList<>();
        for (String[] edge : new String[][] {{"shows", "tickets"}, {"tickets", "shows"}}) {
            modules.add(new ModulithModel.Module(edge[0], "tix." + edge[0], false, false, Set.of("tix." + edge[0] + ".Api"),
                    Set.of("tix." + edge[0] + ".Api"), Map.of(), List.of(new ModulithModel.Dependency("DEFAULT",
                            "tix." + edge[0] + ".Api", "tix." + edge[1] + ".Api", edge[1]))));
        }
        ModulithModel model = ModulithModel.builder("tix.TixApplication", List.of("tix"), modules).build();
        ExtractionReport report = ExtractionReport.of(model, List.of(), Optional.empty(), TopologyServices.NONE, Map.of(),
                PublicationRegistry.NONE, List.of());
        JsonNode json = JSON.readTree(ReportJson.write(report));

        assertEquals(List.of(), problems(schema(), json, "$"));
        assertEquals("[\"shows\",\"tickets\",\"shows\"]", json.at("/cycles/0/modules").toString());
        assertEquals("tix.shows.Api -> tix.tickets.Api", json.at("/cycles/0/dependencies/0").asText());
        List<String> text = ReportText.lines(report);
        assertTrue(text.get(2).startsWith("Warning: the modules shows -> tickets -> shows depend on each other in a cycle"
                + " (tix.shows.Api -> tix.tickets.Api; tix.tickets.Api -> tix.shows.Api), which Spring Modulith's"
                + " ApplicationModules.verify() rejects (\"Cycle detected\")"), text.get(2));
        assertEquals("[]", JSON.readTree(ReportJson.write(ExtractionReport.of(FakeApp.model(), FakeApp.scanned(dir, true),
                Optional.empty(), TopologyServices.NONE, Map.of(), PublicationRegistry.NONE, List.of())))
                .get("cycles").toString(), "the fake application has none");
    }

    @Test
    void plansThatMayShareThePublicationTableAreWarningsOfTheTextAndInTheJsonTheModulesStayExtractable() throws IOException {
        ModulithModel model = LendingLibrary.model();
        TopologyServices services = new TopologyServices("topology.yml", "monolith", Map.of("shelf", List.of("catalog")));
        PublicationRegistry registry = new PublicationRegistry(PublicationRegistry.Kind.JPA,
                List.of(PublicationRegistry.REPUBLISH_OLD + "=true in application.properties"), List.of(), READ);
        ExtractionReport report = ExtractionReport.of(model, List.of(), Optional.empty(), services, Map.of(), registry, List.of());
        JsonNode json = JSON.readTree(ReportJson.write(report));

        assertEquals(List.of(), problems(schema(), json, "$"));
        assertEquals("[\"catalog\",\"lending\"]", json.at("/summary/extractable").toString(), "a warning blocks nothing");
        assertEquals("shelf", json.at("/modules/0/service").asText(), "a module's service keeps its meaning");
        assertEquals(1, json.get("warnings").size(), "one situation, one warning");
        JsonNode warning = json.at("/warnings/0");
        assertEquals("shared-event-publications", warning.get("kind").asText());
        assertEquals("jpa", warning.get("registry").asText());
        assertEquals(List.of("Module 'catalog' alone", "Module 'lending' alone", "Services of topology.yml"),
                warning.get("plans").findValuesAsText("about"));
        assertEquals("[\"catalog\",\"monolith\"]", warning.at("/plans/0/processes").toString());
        assertEquals("[\"monolith\"]", warning.at("/plans/0/writers").toString(), "lending stays in the monolith");
        assertEquals("[\"lending\"]", warning.at("/plans/1/writers").toString());
        assertEquals("[\"monolith\",\"shelf\"]", warning.at("/plans/2/processes").toString());
        assertEquals("[\"monolith\"]", warning.at("/plans/2/writers").toString());
        assertEquals(report.warnings().get(0).lines().size(), warning.get("lines").size());

        List<String> text = ReportText.lines(report);
        int first = text.indexOf("Warning: 3 plans run the application in processes that may share Spring Modulith's JPA"
                + " event publication table:");
        assertTrue(first > 0, String.join("\n", text));
        assertEquals(List.of("Warning:   - Module 'catalog' alone: catalog, monolith; monolith stores event publications.",
                "Warning:   - Module 'lending' alone: lending, monolith; lending stores event publications.",
                "Warning:   - Services of topology.yml: monolith, shelf; monolith stores event publications.",
                "Warning:   If a plan's processes share one database, they share its event_publication table."),
                text.subList(first + 1, first + 5));
        assertEquals(1, text.stream().filter(l -> l.contains("share one database")).count(), "the explanation once");
        assertEquals("Warning:   - republish at start is on (" + PublicationRegistry.REPUBLISH_OLD
                + "=true in application.properties):", text.get(first + 6));

        ExtractionReport without = ExtractionReport.of(model, List.of(), Optional.empty(), services, Map.of(),
                PublicationRegistry.NONE, List.of());
        assertEquals("[]", JSON.readTree(ReportJson.write(without)).get("warnings").toString());
        assertTrue(ReportText.lines(without).stream().noneMatch(l -> l.contains("event_publication")));
    }

    /**
     * What Spring Modulith's verify() rejects is a warning per violation in its words, in the text and the JSON, and
     * blocks nothing; its cycle is left to the report's own cycle warning when the report has one, kept when not.
     */
    @Test
    void violationsOfSpringModulithsVerificationAreWarningsAndBlockNothing() throws IOException {
        String allowed = "Module 'shows' depends on module 'tickets' via tix.shows.Api -> tix.tickets.Api. Allowed"
                + " targets: none.";
        String cycle = "Cycle detected: Slice shows -> \n                Slice tickets -> \n                Slice shows\n"
                + "1. Dependencies of Slice shows\n - Field <tix.shows.Api.tickets> has type <tix.tickets.Api>";
        List<ModulithModel.Module> modules = new ArrayList<>();
        for (String[] edge : new String[][] {{"shows", "tickets"}, {"tickets", "shows"}}) {
            modules.add(new ModulithModel.Module(edge[0], "tix." + edge[0], false, false, Set.of("tix." + edge[0] + ".Api"),
                    Set.of("tix." + edge[0] + ".Api"), Map.of(), List.of(new ModulithModel.Dependency("DEFAULT",
                            "tix." + edge[0] + ".Api", "tix." + edge[1] + ".Api", edge[1]))));
        }
        String internal = "Module 'tickets' depends on non-exposed type tix.shows.internal.Seat within module 'shows'!";
        ModulithModel model = ModulithModel.builder("tix.TixApplication", List.of("tix"), modules)
                .violations(List.of(cycle, allowed,
                        internal + "\nField <tix.tickets.Api.seat> has type <tix.shows.internal.Seat> in (Api.java:0)",
                        internal + "\nMethod <tix.tickets.Api.seat()> has return type <tix.shows.internal.Seat> in (Api.java:0)"))
                .build();
        ExtractionReport report = withoutFile(model, List.of());
        JsonNode json = JSON.readTree(ReportJson.write(report));

        assertEquals(List.of(), problems(schema(), json, "$"));
        ModulithModel verified = ModulithModel.builder("tix.TixApplication", List.of("tix"), modules).build();
        assertEquals(withoutFile(verified, List.of()).extractable(), report.extractable(),
                "a warning blocks nothing");
        assertEquals(List.of(), withoutFile(verified, List.of()).warnings());
        assertEquals(1, json.get("cycles").size());
        assertEquals(2, json.get("warnings").size(), "the cycle is the report's own cycle warning, the two places of one"
                + " dependency one warning: " + json.get("warnings"));
        assertEquals(List.of("Spring Modulith's ApplicationModules.verify() rejects: " + internal,
                "Field <tix.tickets.Api.seat> has type <tix.shows.internal.Seat> in (Api.java:0)",
                "Method <tix.tickets.Api.seat()> has return type <tix.shows.internal.Seat> in (Api.java:0)",
                "the application's own verify() test fails until it is fixed; the blockers above say whether extraction needs it too"),
                JSON.convertValue(json.at("/warnings/1/lines"), List.class));
        JsonNode warning = json.at("/warnings/0");
        assertEquals("modulith-verification", warning.get("kind").asText());
        assertEquals("", warning.get("registry").asText());
        assertEquals("[]", warning.get("plans").toString());
        assertEquals(List.of("Spring Modulith's ApplicationModules.verify() rejects: " + allowed,
                "the application's own verify() test fails until it is fixed; the blockers above say whether extraction needs it too"),
                JSON.convertValue(warning.get("lines"), List.class));
        List<String> text = ReportText.lines(report);
        assertTrue(text.contains("Warning: Spring Modulith's ApplicationModules.verify() rejects: " + allowed),
                String.join("\n", text));

        // Without a cycle of the report's own, Spring Modulith's is kept, each line of its message a line of the warning.
        ModulithModel acyclic = ModulithModel.builder("tix.TixApplication", List.of("tix"), List.of(modules.get(0)))
                .violations(List.of(cycle))
                .build();
        ExtractionReport.Warning kept = withoutFile(acyclic, List.of()).warnings().get(0);
        assertEquals(List.of("Spring Modulith's ApplicationModules.verify() rejects: Cycle detected: Slice shows ->",
                "Slice tickets ->", "Slice shows", "1. Dependencies of Slice shows",
                "- Field <tix.shows.Api.tickets> has type <tix.tickets.Api>",
                "the application's own verify() test fails until it is fixed; the blockers above say whether extraction needs it too"),
                kept.lines());
    }

    /** A migration folder named after no module is a warning of the text and the JSON, after the report's own. */
    @Test
    void aMigrationFolderNamedAfterNoModuleIsAWarningOfTheTextAndInTheJson() throws IOException {
        ExtractionReport plain = withoutFile(FakeApp.model(), FakeApp.scanned(dir, true));
        ExtractionReport report = ExtractionReport.of(FakeApp.model(), FakeApp.scanned(dir, true), Optional.empty(),
                TopologyServices.NONE, Map.of(), PublicationRegistry.NONE, MigrationFolders.misnamed(List.of("alpha",
                        "gamme", "__root"), FakeApp.model().modules().stream().map(ModulithModel.Module::name).toList()));
        JsonNode json = JSON.readTree(ReportJson.write(report));

        assertEquals(List.of(), problems(schema(), json, "$"));
        assertEquals(plain.warnings().size() + 1, report.warnings().size(), "gamme alone: alpha is a module, __root the root's");
        JsonNode warning = json.at("/warnings/" + plain.warnings().size());
        assertEquals("misnamed-migration-folder", warning.get("kind").asText());
        String line = warning.at("/lines/0").asText();
        assertTrue(line.startsWith("db/migration/gamme/ is named after no module, so its migrations never run"), line);
        assertTrue(line.endsWith("rename it db/migration/gamma/ if it holds the migrations of module gamma"), line);
        assertTrue(ReportText.lines(report).contains("Warning: " + line));
        assertEquals(plain.extractable(), report.extractable(), "a warning blocks nothing");
    }

    @Test
    void aPlanBlockedForAnotherReasonGetsNoLineOfThePublicationWarning() throws IOException {
        // catalog calls a bean of lending: each alone is blocked; members alone builds. The file's shelf (catalog) is
        // blocked, loans (members) builds.
        List<ModulithModel.Module> modules = List.of(
                new ModulithModel.Module("catalog", "lib.catalog", false, false, Set.of("lib.catalog.Book"),
                        Set.of("lib.catalog.Book"), Map.of(), List.of(new ModulithModel.Dependency("USES_COMPONENT",
                                "lib.catalog.Book", "lib.lending.internal.Ledger", "lending"))),
                new ModulithModel.Module("lending", "lib.lending", false, false,
                        Set.of("lib.lending.BookLent", "lib.lending.internal.Ledger"), Set.of("lib.lending.BookLent"), Map.of(),
                        List.of()),
                new ModulithModel.Module("members", "lib.members", false, false, Set.of("lib.members.Member"),
                        Set.of("lib.members.Member"), Map.of(), List.of()));
        ModulithModel model = ModulithModel.builder("lib.LibraryApplication", List.of("lib"), modules)
                .listeners(List.of(new ModulithModel.Listener("lib.lending.BookLent", "lib.lending.internal.Ledger", "on")))
                .build();
        Map<String, List<String>> extracted = new LinkedHashMap<>();
        extracted.put("shelf", List.of("catalog"));
        extracted.put("loans", List.of("members"));
        TopologyServices services = new TopologyServices("topology.yml", "monolith", extracted);
        PublicationRegistry jdbc = new PublicationRegistry(PublicationRegistry.Kind.JDBC, List.of(), List.of(), READ);
        ExtractionReport report = ExtractionReport.of(model, List.of(), Optional.empty(), services, Map.of(), jdbc, List.of());

        assertEquals(List.of("members"), report.extractable());
        assertEquals(List.of("monolith", "loans"), report.buildableServices());
        ExtractionReport.Warning warning = report.warnings().get(0);
        assertEquals(List.of("Module 'members' alone", "Services of topology.yml"),
                warning.plans().stream().map(SharedPublications.Sharing::about).toList(), "catalog and lending alone are blocked");
        assertEquals(List.of("monolith", "loans"), warning.plans().get(1).processes(),
                "the blocked shelf is left out, its catalog staying in the monolith, as the ecs goal renders it");
        assertEquals(List.of("monolith"), warning.plans().get(1).writers());

        ExtractionReport unrouted = ExtractionReport.of(model, List.of(), Optional.empty(), services,
                Map.of("loans", "no route"), jdbc, List.of());
        assertEquals(List.of("Module 'members' alone"),
                unrouted.warnings().get(0).plans().stream().map(SharedPublications.Sharing::about).toList(),
                "with loans refused too, the file's services run as one process: nothing shared there");
        assertEquals(List.of(), report.warnings().get(0).plans().stream()
                .filter(plan -> plan.processes().contains("shelf") || plan.processes().contains("catalog")).toList());
        assertEquals(List.of(), problems(schema(), JSON.readTree(ReportJson.write(report)), "$"));
    }

    @Test
    void functionalEndpointsAreAWarningOfTheServiceThatHoldsTheModuleInTextAndJson() throws IOException {
        ModulithModel model = dev.forum.extraction.model.FunctionalRoutesTest.tickets();
        TopologyServices services = new TopologyServices("topology.yml", "monolith",
                Map.of("sales", List.of("orders", "events")));
        ExtractionReport report = ExtractionReport.of(model, List.of(), Optional.empty(), services, Map.of(),
                PublicationRegistry.NONE, List.of());
        JsonNode json = JSON.readTree(ReportJson.write(report));
        assertEquals(List.of(), problems(schema(), json, "$"));
        List<JsonNode> functional = new ArrayList<>();
        json.path("warnings").forEach(w -> {
            if (w.path("kind").asText().equals(ExtractionReport.Warning.FUNCTIONAL_ROUTES)) {
                functional.add(w);
            }
        });
        assertEquals(2, functional.size(), json.path("warnings").toString());
        assertTrue(functional.get(0).at("/lines/0").asText().startsWith("sales: module events serves functional endpoints"
                + " (a RouterFunction declared by tix.events.internal.EventsRoutes.routes())"), functional.get(0).toString());
        assertTrue(functional.get(1).at("/lines/0").asText().startsWith("Module 'stats' alone: module stats serves"),
                functional.get(1).toString());
        assertTrue(ReportText.lines(report).contains(ReportText.WARNING + functional.get(0).at("/lines/0").asText()));
    }
}
