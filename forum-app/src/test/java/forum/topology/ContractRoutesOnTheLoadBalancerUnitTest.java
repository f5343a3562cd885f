package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.PathPattern;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import forum.platform.ModuleApi;
import forum.posts.PostsApi;
import forum.threads.ThreadsApi;
import forum.users.UsersApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The load balancer's path rules (the topology model, which the ECS templates and the local load balancer
 * render) against the forum's real routes: every {@code @GetExchange}/{@code @PostExchange}/... of
 * {@link UsersApi}, {@link ThreadsApi} and {@link PostsApi}, in every topology under {@code deploy/topologies}
 * and {@code topology.yml}. Each route is matched by the rule of the service that holds its module and by no
 * other; a module the monolith holds has no rule (the default route takes it).
 */
class ContractRoutesOnTheLoadBalancerUnitTest {

    static final List<Class<?>> CONTRACTS = List.of(UsersApi.class, ThreadsApi.class, PostsApi.class);

    /** Each module with the prefix its contract declares, in name order, as the extraction plugin reads them. */
    static List<ModuleRoute> moduleRoutes() {
        return CONTRACTS.stream()
                .map(api -> new ModuleRoute(api.getAnnotation(ModuleApi.class).value(), prefix(api)))
                .sorted(Comparator.comparing(ModuleRoute::module))
                .toList();
    }

    static String prefix(Class<?> api) {
        HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
        return exchange.url().isEmpty() ? exchange.value() : exchange.url();
    }

    /** Every route of a module as a request path: each {variable} filled with a sample id. */
    static Map<String, List<String>> routes() {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (Class<?> api : CONTRACTS) {
            List<String> paths = new ArrayList<>();
            for (Method method : api.getMethods()) {
                HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
                if (exchange != null) {
                    String template = prefix(api) + (exchange.url().isEmpty() ? exchange.value() : exchange.url());
                    paths.add(template.replaceAll("\\{[^}]+}", "1"));
                    paths.add(template.replaceAll("\\{[^}]+}", "x-y.z"));
                }
            }
            routes.put(api.getAnnotation(ModuleApi.class).value(), paths);
        }
        return routes;
    }

    static Stream<Path> topologies() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(root.resolve("deploy/topologies"))) {
            List<Path> all = new ArrayList<>(files.filter(f -> f.toString().endsWith(".yml")).sorted().toList());
            all.add(root.resolve("topology.yml"));
            return all.stream();
        }
    }

    @Test
    void theContractsDeclareTheirPrefixesAndEveryRouteLivesUnderIt() {
        assertThat(moduleRoutes()).containsExactly(new ModuleRoute("posts", "/api/posts"),
                new ModuleRoute("threads", "/api/threads"), new ModuleRoute("users", "/api/users"));
        Map<String, List<String>> routes = routes();
        assertThat(routes.get("posts")).contains("/api/posts", "/api/posts/1", "/api/posts/in-thread/1", "/api/posts/by-user/1");
        assertThat(routes.get("users")).contains("/api/users", "/api/users/1");
        assertThat(routes.get("threads")).contains("/api/threads", "/api/threads/1");
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void everyRouteIsMatchedByItsHoldersRuleAndNoOther(Path file) {
        Topology topology = Topology.resolve(TopologyFile.read(file), moduleRoutes());
        List<RoutingRule> rules = topology.routingRules();
        Set<Integer> priorities = new HashSet<>();
        for (RoutingRule rule : rules) {
            assertThat(priorities.add(rule.priority())).as("unique priority %s", rule.priority()).isTrue();
            assertThat(rule.targets().stream().mapToInt(t -> t.weight()).sum()).as("weights of %s", rule.module()).isEqualTo(100);
        }
        routes().forEach((module, paths) -> {
            ServiceSpec holder = topology.extractedHolder(module).orElse(null);
            for (String path : paths) {
                List<String> matchedBy = rules.stream()
                        .filter(rule -> rule.patterns().stream().anyMatch(p -> p.matches(path)))
                        .map(RoutingRule::module).toList();
                assertThat(matchedBy).as("%s in %s", path, file.getFileName())
                        .isEqualTo(holder == null ? List.of() : List.of(module));
                Map<String, Integer> route = topology.routeOf(path);
                if (holder == null) {
                    assertThat(route).isEqualTo(Map.of(topology.monolith().name(), 100));
                } else {
                    assertThat(route.get(holder.name())).isEqualTo(holder.traffic());
                }
            }
        });
        for (String other : List.of("/api/postsettings", "/api/posts-archive", "/api/usersettings", "/api/threadsx/1", "/", "/api/",
                "/actuator/health/readiness")) {
            assertThat(rules.stream().filter(rule -> rule.patterns().stream().anyMatch(p -> p.matches(other))).toList())
                    .as("%s in %s", other, file.getFileName()).isEmpty();
        }
        rules.forEach(rule -> assertThat(rule.patterns()).extracting(PathPattern::pattern)
                .allMatch(p -> !p.endsWith("*") || p.endsWith("/*")));
    }
}
