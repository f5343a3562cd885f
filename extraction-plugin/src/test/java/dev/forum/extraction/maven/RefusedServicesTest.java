package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.ecs.EcsRenderer;
import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.report.ExtractionReport;
import dev.forum.extraction.report.ReportText;
import dev.forum.extraction.request.ExtractRequests;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Whatever {@code -Dextract=<service>} refuses a service of the topology file for (its missing route prefix, or any
 * blocker of its plan) is what the report calls it blocked for, in the same words, and what the ecs goal leaves it
 * out for, with one warning line each.
 */
class RefusedServicesTest {

    /**
     * A library: books serves /api/books; loans serves /api/loans and publishes LoanCreated, which fines (serving
     * /api/fines) listens to; members has a controller but no HTTP contract (no route prefix); notifications serves none.
     */
    private static ModulithModel library() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        Map<String, HttpContract> contracts = new LinkedHashMap<>();
        module(modules, "books", "BooksApi", "internal.BookController");
        module(modules, "loans", "LoansApi", "LoanCreated", "internal.LoanController");
        module(modules, "members", "MemberCard", "internal.MemberController");
        module(modules, "notifications", "internal.LoanNotifier");
        module(modules, "fines", "FinesApi", "internal.FineController", "internal.FineBook");
        contracts.put("lib.fines.FinesApi", new HttpContract("lib.fines.FinesApi", "/api/fines",
                List.of("lib.fines.internal.FineController")));
        contracts.put("lib.books.BooksApi", new HttpContract("lib.books.BooksApi", "/api/books",
                List.of("lib.books.internal.BookController")));
        contracts.put("lib.loans.LoansApi", new HttpContract("lib.loans.LoansApi", "/api/loans",
                List.of("lib.loans.internal.LoanController")));
        Map<String, List<String>> controllers = Map.of("lib.books.internal.BookController", List.of(),
                "lib.loans.internal.LoanController", List.of(), "lib.members.internal.MemberController", List.of(),
                "lib.fines.internal.FineController", List.of());
        return ModulithModel.builder("lib.LibraryApplication", List.of("lib"), modules)
                .httpContracts(contracts)
                .controllers(controllers)
                .listeners(List.of(new ModulithModel.Listener("lib.loans.LoanCreated", "lib.fines.internal.FineBook",
                        "on")))
                .build();
    }

    private static void module(List<ModulithModel.Module> modules, String name, String... types) {
        Set<String> all = new TreeSet<>();
        Set<String> published = new TreeSet<>();
        for (String type : types) {
            all.add("lib." + name + "." + type);
            if (!type.startsWith("internal.")) {
                published.add("lib." + name + "." + type);
            }
        }
        modules.add(new ModulithModel.Module(name, "lib." + name, false, false, all, published, Map.of(), List.of()));
    }

    private static Topology topology(String services) {
        return Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n" + services,
                "/app/topology.yml"), ModuleRoutes.of(library()));
    }

    private static final String SERVICES = """
              - { name: catalog, modules: [books] }
              - { name: circulation, modules: [loans, members] }
              - { name: fining, modules: [fines] }
            """;

    @Test
    void aServiceBlockedByItsRouteOrByItsPlanIsBlockedInTheReportWithTheRefusalsWords() {
        Topology topology = topology(SERVICES);
        TopologyServices services = ExtractRequests.topologyServices(topology, "/app/topology.yml");
        ExtractionReport report = ReportMojo.report(library(), List.of(), Optional.empty(), topology, services,
                PublicationRegistry.NONE, List.of());

        assertEquals(List.of("monolith", "catalog"), report.buildableServices());
        ExtractionReport.ServiceEntry circulation = report.service("circulation").orElseThrow();
        assertFalse(circulation.buildable());
        Blocker route = circulation.blockers().get(0);
        assertEquals(Blocker.Kind.NO_ROUTE, route.kind());
        assertEquals(ModuleRoutes.blockedServices(topology, library()).get("circulation"), route.message(),
                "the words -Dextract=circulation refuses it with");
        assertEquals(List.of(Blocker.Kind.NO_ROUTE, Blocker.Kind.EVENT), circulation.blockers().stream().map(Blocker::kind).toList());
        ExtractionReport.ServiceEntry fining = report.service("fining").orElseThrow();
        assertFalse(fining.buildable());
        assertEquals(List.of(Blocker.Kind.EVENT), fining.blockers().stream().map(Blocker::kind).toList());
        List<String> text = ReportText.lines(report);
        assertEquals("4 services in topology.yml: 2 can be built now (monolith, catalog), 2 blocked (circulation, fining)",
                text.get(2));
        assertTrue(text.stream().anyMatch(l -> l.contains("- no-route: /app/topology.yml:4: service 'circulation' is blocked:"
                + " module 'members' has no route prefix")), String.join("\n", text));
    }

    @Test
    void theEcsGoalRendersWithoutEveryServiceThatWouldBeRefusedAndWarnsOnceForEachReason() {
        Topology topology = topology(SERVICES);
        TopologyServices services = ExtractRequests.topologyServices(topology, "/app/topology.yml");
        List<String> warnings = new ArrayList<>();
        Topology rendered = RenderedTopology.of(topology, library(), List.of(), services, warnings::add);

        assertEquals(List.of("catalog"), rendered.extracted().stream().map(s -> s.name()).toList());
        assertEquals(3, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).startsWith("[extract] ecs: /app/topology.yml:4: service 'circulation' is blocked: module"
                + " 'members' has no route prefix"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("[extract] ecs: /app/topology.yml:4: service 'circulation' is blocked: event"
                + " lib.loans.LoanCreated, published by module loans, is listened to by"
                + " lib.fines.internal.FineBook.on"), warnings.get(1));
        assertTrue(warnings.get(2).startsWith("[extract] ecs: /app/topology.yml:5: service 'fining' is blocked: event"
                + " lib.loans.LoanCreated"), warnings.get(2));
        warnings.forEach(w -> assertTrue(w.endsWith("; rendered without it"), w));
        assertEquals(Set.of("books"), rendered.localModules("catalog"));
        assertTrue(rendered.localModules("monolith").containsAll(Set.of("loans", "members", "fines")));
    }

    @Test
    void aServiceNothingBlocksIsRenderedWithoutAWord() {
        Topology topology = topology("  - { name: lending, modules: [loans, fines] }\n");
        List<String> warnings = new ArrayList<>();
        Topology rendered = RenderedTopology.of(topology, library(), List.of(),
                ExtractRequests.topologyServices(topology, "/app/topology.yml"), warnings::add);

        assertEquals(List.of(), warnings);
        assertEquals(List.of("lending"), rendered.extracted().stream().map(s -> s.name()).toList());
        assertEquals(List.of("monolith", "lending"), ReportMojo.report(library(), List.of(), Optional.empty(), topology,
                ExtractRequests.topologyServices(topology, "/app/topology.yml"),
                PublicationRegistry.NONE, List.of()).buildableServices());
    }

    /**
     * A service left out of the render leaves no rule: its routes take the default route to the monolith, which
     * holds its modules at full weight; a service nothing blocks keeps the share the file gives it in its stack's
     * rules ({@code [monolith 0, catalog 100]} in the goal's log is catalog's own rule at its default share).
     */
    @Test
    void aLeftOutServicesRoutesGoToTheMonolithAndTheOthersKeepTheirShares() throws Exception {
        for (int share : new int[] {30, 100}) {
            String catalog = share == 100 ? "  - { name: catalog, modules: [books] }\n"
                    : "  - { name: catalog, modules: [books], traffic: " + share + " }\n";
            Topology topology = topology(catalog + "  - { name: fining, modules: [fines], traffic: 40 }\n");
            Topology rendered = RenderedTopology.of(topology, library(), List.of(),
                    ExtractRequests.topologyServices(topology, "/app/topology.yml"), w -> { });

            assertEquals(List.of("books " + List.of("monolith " + (100 - share), "catalog " + share)),
                    rendered.routingRules().stream().map(r -> r.module() + " " + r.targets().stream()
                            .map(t -> t.service() + " " + t.weight()).toList()).toList());
            assertEquals(Map.of("monolith", 100), rendered.routeOf("/api/fines/1"), "fining's routes");
            assertTrue(rendered.localModules("monolith").contains("fines"));

            Map<String, String> files = EcsRenderer.render(rendered, EcsSettings.defaults("lib", null, "../..", ".",
                    "target/services"));
            assertEquals(Set.of("base.json", "service-monolith.json", "service-catalog.json", "taskdefs/monolith.json",
                    "taskdefs/catalog.json", "deploy.sh"), files.keySet());
            ObjectMapper json = new ObjectMapper();
            assertEquals("monolith", json.readTree(files.get("base.json")).at("/Parameters/DefaultRoute/Default").asText());
            JsonNode monolith = json.readTree(files.get("service-monolith.json"));
            assertEquals("books,fines,loans,members,notifications".replace(share == 100 ? "books," : "", ""),
                    monolith.at("/Parameters/LocalModules/Default").asText());
            JsonNode stack = json.readTree(files.get("service-catalog.json"));
            assertEquals(share, stack.at("/Parameters/Traffic/Default").asInt());
            assertEquals(100 - share, stack.at("/Mappings/TrafficSplit/" + share + "/Monolith").asInt());
            List<String> rules = new ArrayList<>();
            stack.path("Resources").fields().forEachRemaining(r -> {
                if (r.getValue().path("Type").asText().equals("AWS::ElasticLoadBalancingV2::ListenerRule")) {
                    JsonNode rule = r.getValue().path("Properties");
                    JsonNode groups = rule.at("/Actions/0/ForwardConfig/TargetGroups");
                    rules.add(r.getKey() + " " + rule.path("Priority").asInt() + " " + rule.at("/Conditions/0/PathPatternConfig/Values")
                            + " " + groups.at("/0/TargetGroupArn") + " " + groups.at("/0/Weight") + " " + groups.at("/1/Weight"));
                }
            });
            String weights = "{\"Fn::FindInMap\":[\"TrafficSplit\",{\"Ref\":\"Traffic\"},\"Monolith\"]} {\"Ref\":\"Traffic\"}";
            assertEquals(List.of(
                    "RuleBooks 10 [\"/api/books\",\"/api/books/*\"] {\"Fn::ImportValue\":\"app-base-MonolithTargetGroup\"} " + weights,
                    "InternalRuleBooks 10 [\"/api/books\",\"/api/books/*\"] {\"Fn::ImportValue\":\"app-base-MonolithInternalTargetGroup\"} "
                            + weights), rules);
        }
    }
}
