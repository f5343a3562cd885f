package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyUnitTest {

    static final List<ModuleRoute> MODULES = List.of(
            new ModuleRoute("users", "/api/users"),
            new ModuleRoute("threads", "/api/threads"),
            new ModuleRoute("posts", "/api/posts"));

    static Topology topology(String services) {
        return Topology.resolve(TopologyFile.parse("services:\n" + services, "t.yml"), MODULES);
    }

    @Test
    void everythingInTheMonolithNeedsNoRule() {
        Topology topology = topology("  - { name: monolith, monolith: true }\n");
        assertEquals(Set.of("users", "threads", "posts"), topology.localModules("monolith"));
        assertEquals(Set.of(), topology.remoteModules("monolith"));
        assertEquals(List.of(), topology.routingRules());
        assertEquals(Map.of("monolith", 100), topology.routeOf("/api/posts/1"));
        assertEquals(List.of("monolith"), topology.deployedServices().stream().map(ServiceSpec::name).toList());
    }

    @Test
    void duringACutoverBothHoldTheModuleAndTheRuleSplitsItsRoutes() {
        Topology topology = topology("""
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts], traffic: 10 }
                """);
        assertEquals(Set.of("users", "threads", "posts"), topology.localModules("monolith"));
        assertEquals(Set.of("posts"), topology.localModules("posts"));
        assertEquals(Set.of("users", "threads"), topology.remoteModules("posts"));

        RoutingRule rule = topology.routingRules().get(0);
        assertEquals("posts", rule.module());
        assertEquals(List.of("/api/posts", "/api/posts/*"), rule.patterns().stream().map(PathPattern::pattern).toList());
        assertEquals(90, rule.weightOf("monolith"));
        assertEquals(10, rule.weightOf("posts"));
    }

    @Test
    void atOneHundredPercentTheMonolithTreatsTheModuleAsRemote() {
        Topology topology = topology("""
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts] }
                """);
        assertEquals(Set.of("users", "threads"), topology.localModules("monolith"));
        assertEquals(Set.of("posts"), topology.remoteModules("monolith"));
        assertEquals(Map.of("monolith", 0, "posts", 100), topology.routeOf("/api/posts/in-thread/1"));
    }

    @Test
    void aMonolithLeftWithNoModuleIsNotDeployed() {
        Topology topology = topology("""
                  - { name: monolith, monolith: true }
                  - { name: users, modules: [users] }
                  - { name: threads, modules: [threads] }
                  - { name: posts, modules: [posts] }
                """);
        assertFalse(topology.monolithDeployed());
        assertEquals(List.of("users", "threads", "posts"),
                topology.deployedServices().stream().map(ServiceSpec::name).toList());
        topology.routingRules().forEach(rule -> assertEquals(List.of(new WeightedTarget(rule.module(), 100)),
                rule.targets()));
        assertEquals(Map.of(), topology.routeOf("/api/other"));
    }

    @Test
    void everyRouteIsMatchedByTheRuleOfItsHolderAndNoOther() {
        Topology topology = topology("""
                  - { name: monolith, monolith: true }
                  - { name: content, modules: [posts, threads], traffic: 50 }
                  - { name: users, modules: [users] }
                """);
        Map<String, String> holderOfPath = Map.of(
                "/api/users", "users", "/api/users/1", "users",
                "/api/threads", "content", "/api/threads/2", "content",
                "/api/posts", "content", "/api/posts/in-thread/1", "content");
        holderOfPath.forEach((path, holder) -> {
            List<RoutingRule> matching = topology.routingRules().stream()
                    .filter(rule -> rule.patterns().stream().anyMatch(p -> p.matches(path))).toList();
            assertEquals(1, matching.size(), path);
            assertTrue(matching.get(0).weightOf(holder) > 0, path);
        });
        for (String other : List.of("/api/postsettings", "/api/posts-archive", "/api/user", "/", "/api/")) {
            assertTrue(topology.routingRules().stream()
                    .noneMatch(rule -> rule.patterns().stream().anyMatch(p -> p.matches(other))), other);
            assertEquals(Map.of("monolith", 100), topology.routeOf(other), other);
        }
    }

    @Test
    void prioritiesAreUniqueWeightsSumToOneHundredAndStayPutWhenModulesMove() {
        Topology grouped = topology("""
                  - { name: monolith, monolith: true }
                  - { name: content, modules: [posts, threads], traffic: 30 }
                  - { name: users, modules: [users], traffic: 0 }
                """);
        Set<Integer> priorities = new HashSet<>();
        for (RoutingRule rule : grouped.routingRules()) {
            assertTrue(priorities.add(rule.priority()), "unique: " + rule.priority());
            assertEquals(100, rule.targets().stream().mapToInt(WeightedTarget::weight).sum());
        }
        Topology single = topology("""
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts] }
                """);
        assertEquals(grouped.routingRules().stream().filter(r -> r.module().equals("posts")).findFirst()
                .orElseThrow().priority(), single.routingRules().get(0).priority());
    }

    @Test
    void prioritiesFollowTheModulesNamesWhateverOrderTheyAreGivenIn() {
        String services = """
                services:
                  - { name: monolith, monolith: true }
                  - { name: content, modules: [threads, posts] }
                  - { name: people, modules: [users], traffic: 50 }
                """;
        List<List<ModuleRoute>> orders = List.of(MODULES, List.of(MODULES.get(2), MODULES.get(1), MODULES.get(0)),
                List.of(MODULES.get(1), MODULES.get(0), MODULES.get(2)), List.of(MODULES.get(2), MODULES.get(0), MODULES.get(1)));
        for (List<ModuleRoute> order : orders) {
            Topology topology = Topology.resolve(TopologyFile.parse(services, "t.yml"), order);
            assertEquals(List.of("10 posts", "20 threads", "30 users"),
                    topology.routingRules().stream().map(r -> r.priority() + " " + r.module()).toList(), "modules given as " + order);
            assertEquals(10, topology.priorityOf("posts"));
            assertEquals(List.of("posts", "threads", "users"), topology.modules().stream().map(ModuleRoute::module).toList());
        }
        assertThrows(IllegalArgumentException.class, () -> topology("  - { name: monolith, monolith: true }\n").priorityOf("postz"));
    }

    @Test
    void aModuleWithoutARoutePrefixGetsNoRuleButKeepsItsPriority() {
        List<ModuleRoute> modules = List.of(new ModuleRoute("posts", "/api/posts"), ModuleRoute.unrouted("ratings"),
                new ModuleRoute("reviews", "/api/reviews"), ModuleRoute.unrouted("orders"));
        Topology topology = Topology.resolve(TopologyFile.parse("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: feedback, modules: [reviews, ratings] }
                """, "t.yml"), modules);
        assertEquals(List.of("40 reviews"), topology.routingRules().stream().map(r -> r.priority() + " " + r.module()).toList());
        assertEquals(30, topology.priorityOf("ratings"));
        assertEquals(Set.of("reviews", "ratings"), topology.localModules("feedback"));
        assertEquals(Set.of("orders", "posts"), topology.localModules("monolith"));
        assertEquals(Map.of("monolith", 0, "feedback", 100), topology.routeOf("/api/reviews/tea"));
        assertEquals(Map.of("monolith", 100), topology.routeOf("/api/ratings/tea"));
        assertEquals(List.of(), ModuleRoute.unrouted("ratings").patterns());
    }

    @Test
    void refusesWhatCannotBeDeployed() {
        assertRefused("""
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [postz] }
                """, "t.yml:3: posts: unknown module 'postz' (did you mean posts?); the modules are posts, threads, users");
        assertRefused("""
                  - { name: monolith, monolith: true }
                  - { name: misc, modules: [comments] }
                """, "t.yml:3: misc: unknown module 'comments'; the modules are posts, threads, users");
        assertRefused("""
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts] }
                  - { name: content, modules: [threads, posts] }
                """, "t.yml:4: module 'posts' is in two services, 'posts' (line 3) and 'content'; a module runs in one "
                + "extracted service");
        assertRefused("""
                  - { name: posts, modules: [posts] }
                """, "t.yml: no monolith: mark one service monolith: true (it holds every module not listed "
                + "elsewhere and is the default route)");
        assertRefused("""
                  - { name: monolith, monolith: true }
                  - { name: big, monolith: true }
                """, "t.yml:3: 'big' and 'monolith' are both marked monolith: true; there is exactly one monolith");
        assertRefused("""
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts] }
                  - { name: posts, modules: [users] }
                """, "t.yml:4: two services are named 'posts' (the other is on line 3); give each a name of its own");
    }

    @Test
    void aMistakenModuleInAFlowListPointsAtItsOwnLine() {
        String file = """
                name: library
                services:
                  - name: monolith
                    monolith: true
                  - name: catalog
                    modules: [threads]
                  - name: circulation
                    modules: [postz, users]
                """;
        assertResolveRefused(file, "t.yml:8: circulation: unknown module 'postz' (did you mean posts?); the modules are"
                + " posts, threads, users");
        assertResolveRefused(file.replace("[postz, users]", "[posts,\n        userz]"),
                "t.yml:9: circulation: unknown module 'userz' (did you mean users?); the modules are posts, threads, users");
        assertResolveRefused(file.replace("[postz, users]", "[posts, threads]"), "t.yml:8: module 'threads' is in two"
                + " services, 'catalog' (line 6) and 'circulation'; a module runs in one extracted service");
        assertResolveRefused(file.replace("[postz, users]", "[posts, users, posts]"), "t.yml:8: circulation: module 'posts'"
                + " is listed twice (also on line 8); list it once");
    }

    @Test
    void aMistakenModuleInABlockListPointsAtItsOwnLine() {
        String file = """
                services:
                  - name: monolith
                    monolith: true
                  - name: catalog
                    modules:
                      - threads
                  - name: circulation
                    modules:
                      - posts
                      - userz
                """;
        assertResolveRefused(file, "t.yml:10: circulation: unknown module 'userz' (did you mean users?); the modules are"
                + " posts, threads, users");
        assertResolveRefused(file.replace("- userz", "- threads"), "t.yml:10: module 'threads' is in two services,"
                + " 'catalog' (line 6) and 'circulation'; a module runs in one extracted service");
        assertResolveRefused(file.replace("- userz", "- posts"), "t.yml:10: circulation: module 'posts' is listed twice"
                + " (also on line 9); list it once");
        // One name alone, no list: its own line too.
        assertResolveRefused(file.replace("""
                    modules:
                      - posts
                      - userz
                """, """
                    modules:
                      postz
                """), "t.yml:9: circulation: unknown module 'postz' (did you mean posts?); the modules are posts,"
                + " threads, users");
    }

    @Test
    void aServiceNotReadFromAFileNamesItsOwnLineForAModule() {
        ServiceSpec monolith = new ServiceSpec("monolith", true, List.of(), Sizing.DEFAULT, 2, new Autoscaling(2, 4, 60), 100, 2);
        ServiceSpec posts = new ServiceSpec("posts", false, List.of("postz"), Sizing.DEFAULT, 2, new Autoscaling(2, 4, 60), 100, 5);
        assertEquals(5, posts.moduleLine(0));
        assertEquals("t.yml:5: posts: unknown module 'postz' (did you mean posts?); the modules are posts, threads, users",
                assertThrows(TopologyException.class, () -> Topology.resolve(new TopologySpec("t.yml", "app",
                        List.of(monolith, posts)), MODULES)).getMessage());
    }

    private static void assertResolveRefused(String yaml, String message) {
        assertEquals(message, assertThrows(TopologyException.class,
                () -> Topology.resolve(TopologyFile.parse(yaml, "t.yml"), MODULES)).getMessage());
    }

    private static void assertRefused(String services, String message) {
        assertEquals(message, assertThrows(TopologyException.class, () -> topology(services)).getMessage());
    }

    @Test
    void pathPatternsFollowTheLoadBalancersSyntax() {
        PathPattern below = new PathPattern("/api/posts/*");
        assertTrue(below.matches("/api/posts/1"));
        assertTrue(below.matches("/api/posts/in-thread/1"));
        assertFalse(below.matches("/api/posts"));
        assertFalse(below.matches("/api/postsettings"));
        assertTrue(new PathPattern("/a?c").matches("/abc"));
        assertFalse(new PathPattern("/a.c").matches("/abc"), "a dot is a literal dot");
        assertThrows(IllegalArgumentException.class, () -> new ModuleRoute("posts", "/api/posts*"));
        assertThrows(IllegalArgumentException.class, () -> new ModuleRoute("posts", "/api/posts/"));
    }
}
