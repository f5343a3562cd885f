package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return new ModulithModel("tix.TixApplication", List.of("tix"), List.of(modules), Map.of(), Set.of(), List.of(),
                List.of(), Map.of(), Map.of(), "2.1.1", "25");
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
                + " passes only once one of these dependencies goes (for example, one side publishes an event instead of"
                + " calling)", cycles.get(0).describe());
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
}
