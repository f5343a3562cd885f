package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cycles among modules, which Spring Modulith's verify() rejects, are found from the model and named step by step. */
class ModuleCyclesTest {

    /** A module of {@code tix} whose one class depends on the given modules' API types. */
    static ModulithModel.Module module(String name, String... targets) {
        List<ModulithModel.Dependency> dependencies = new ArrayList<>();
        for (String target : targets) {
            dependencies.add(new ModulithModel.Dependency("DEFAULT", "tix." + name + ".internal.Service",
                    "tix." + target + "." + Character.toUpperCase(target.charAt(0)) + target.substring(1) + "Api", target));
        }
        return new ModulithModel.Module(name, "tix." + name, false, false, Set.of("tix." + name + ".internal.Service"),
                Set.of(), Map.of(), dependencies);
    }

    static ModulithModel model(ModulithModel.Module... modules) {
        return ModulithModel.builder("tix.TixApplication", List.of("tix"), List.of(modules)).build();
    }

    @Test
    void twoModulesCallingEachOtherAreOneCycleNamedWithEachStepsDependency() {
        ModulithModel model = model(module("shows", "tickets"), module("tickets", "shows"), module("mailer", "tickets"),
                module("venues"));

        List<ModuleCycles.Cycle> cycles = ModuleCycles.of(model);

        assertEquals(1, cycles.size(), cycles.toString());
        assertEquals(List.of("shows", "tickets", "shows"), cycles.get(0).modules());
        assertEquals(List.of("tix.shows.internal.Service -> tix.tickets.TicketsApi",
                "tix.tickets.internal.Service -> tix.shows.ShowsApi"), cycles.get(0).dependencies());
        assertEquals("the modules shows -> tickets -> shows depend on each other in a cycle (tix.shows.internal.Service ->"
                + " tix.tickets.TicketsApi; tix.tickets.internal.Service -> tix.shows.ShowsApi), which Spring Modulith's"
                + " ApplicationModules.verify() rejects (\"Cycle detected\"): extraction does not need it gone, but verify()"
                + " passes only once one of these dependencies goes: move the type it names into the module that uses it,"
                + " or into a shared module (@Modulithic(sharedModules), which runs in every service). An event in place"
                + " of a call removes the dependency too, but the plugin refuses to split an event's publisher from its"
                + " listener into two services (event-across-services: this project does not carry events across"
                + " services yet), so choose an event only between modules you keep in one service of the topology file",
                cycles.get(0).describe());
    }

    @Test
    void aLongerCycleAndAKnotAreFoundOnceEachAndNoCycleIsNone() {
        ModulithModel knot = model(module("a", "b"), module("b", "c"), module("c", "a", "d"), module("d", "c"),
                module("x", "y"), module("y", "x"), module("z", "a"));

        List<ModuleCycles.Cycle> cycles = ModuleCycles.of(knot);

        assertEquals(2, cycles.size(), cycles.toString());
        assertEquals(List.of("a", "b", "c", "a"), cycles.get(0).modules());
        assertEquals(List.of("a", "b", "c", "d"), cycles.get(0).members());
        assertTrue(cycles.get(0).describe().contains("; the knot holds a, b, c, d)"), cycles.get(0).describe());
        assertEquals(List.of("x", "y", "x"), cycles.get(1).modules());
        assertEquals(List.of(), ModuleCycles.of(model(module("a", "b"), module("b", "c"), module("c"))));
    }

    /**
     * The advice agrees with the event blocker: where the modules may end up in two services (no file, the file's
     * monolith, or two services of the file), an event is no way out without keeping them together; where one
     * extracted service of the file holds the whole knot, the event stays in process and is advised as such.
     */
    @Test
    void theAdviceOffersAnEventOnlyWhereTheEventBlockerWouldAcceptIt() {
        ModulithModel model = model(module("shows", "tickets"), module("tickets", "shows"), module("venues"));
        String onlyTogether = "so choose an event only between modules you keep in one service of ";

        String none = ModuleCycles.of(model, TopologyServices.none("/app/topology.yml")).get(0).advice();
        assertTrue(none.endsWith(onlyTogether + "a topology file at /app/topology.yml"), none);
        assertFalse(none.contains("let one side publish an event"), none);
        TopologyServices split = new TopologyServices("topology.yml", "monolith", Map.of("box", List.of("shows"),
                "gate", List.of("tickets")), "/app/topology.yml");
        assertTrue(ModuleCycles.of(model, split).get(0).advice().endsWith(onlyTogether + "/app/topology.yml"));
        TopologyServices inMonolith = new TopologyServices("topology.yml", "monolith", Map.of("hall", List.of("venues")),
                "/app/topology.yml");
        assertTrue(ModuleCycles.of(model, inMonolith).get(0).advice().contains(onlyTogether), "the monolith's modules"
                + " may each be extracted alone, where the event would block");

        TopologyServices together = new TopologyServices("topology.yml", "monolith", Map.of("box", List.of("shows",
                "tickets")), "/app/topology.yml");
        String advice = ModuleCycles.of(model, together).get(0).advice();
        assertEquals("move the type it names into the module that uses it, or into a shared module"
                + " (@Modulithic(sharedModules), which runs in every service); or let one side publish an event that the"
                + " other listens to in place of the call: service 'box' of /app/topology.yml runs shows, tickets"
                + " together, so the event stays in one process", advice);
        ServiceRequest box = new ServiceRequest("box", List.of("shows", "tickets"));
        assertTrue(Planner.plan(listening(), List.of(), box, together).blockers().isEmpty(),
                "the event the advice offers does not block the service that holds both");
        ServiceRequest showsAlone = new ServiceRequest("shows", List.of("shows"));
        List<Blocker> blockers = Planner.plan(listening(), List.of(), showsAlone, together).blockers();
        assertEquals(List.of(Blocker.Kind.EVENT), blockers.stream().map(Blocker::kind).distinct().toList());
        assertTrue(blockers.get(0).message().endsWith("service 'box' of /app/topology.yml holds both; build it with"
                + " -Dextract=box"), blockers.get(0).message());
    }

    /** shows calls tickets; tickets no longer calls shows but listens to its event ShowCancelled: the advised way. */
    private static ModulithModel listening() {
        ModulithModel.Module shows = module("shows", "tickets");
        ModulithModel.Module tickets = new ModulithModel.Module("tickets", "tix.tickets", false, false,
                Set.of("tix.tickets.internal.Service"), Set.of(), Map.of(), List.of(new ModulithModel.Dependency(
                        "EVENT_LISTENER", "tix.tickets.internal.Service", "tix.shows.ShowCancelled", "shows")));
        ModulithModel.Module withEvent = new ModulithModel.Module("shows", "tix.shows", false, false, shows.types(),
                shows.publishedTypes(), Map.of("tix.shows.ShowCancelled", List.of("tix.shows.internal.Service")),
                shows.dependencies());
        // venues, tied to none, keeps the service of shows and tickets from being the whole application.
        return ModulithModel.builder("tix.TixApplication", List.of("tix"), List.of(withEvent, tickets, module("venues")))
                .listeners(List.of(new ModulithModel.Listener("tix.shows.ShowCancelled", "tix.tickets.internal.Service",
                        "on")))
                .build();
    }
}
