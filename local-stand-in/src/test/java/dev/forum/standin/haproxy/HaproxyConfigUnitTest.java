package dev.forum.standin.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.standin.support.Checkout;
import dev.forum.topology.CanonicalPath;
import dev.forum.topology.LoadBalancerProblem;
import dev.forum.topology.PathPattern;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the rendered configuration says, line by line; {@code HaproxyRoutingSystemTest} runs it. */
class HaproxyConfigUnitTest {

    static Map<String, List<Endpoint>> twoEach(Topology topology) {
        Map<String, List<Endpoint>> instances = new LinkedHashMap<>();
        int port = 20000;
        for (var service : topology.deployedServices()) {
            List<Endpoint> list = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                list.add(Endpoint.loopback(service.name(), i, port++));
            }
            instances.put(service.name(), list);
        }
        return instances;
    }

    /** The lines after {@code header} up to the next blank line. */
    static String section(String config, String header) {
        int start = config.indexOf(header);
        assertTrue(start >= 0, "no " + header + " in " + config);
        start += header.length();
        return config.substring(start, config.indexOf("\n\n", start) + 1);
    }

    static String render(String file, Set<String> stopped) {
        Topology topology = Checkout.topology(file);
        return HaproxyConfig.render(topology, twoEach(topology), stopped,
                HaproxySettings.loopback(8080, 0, Path.of("/tmp/forum-test.sock")));
    }

    @Test
    void the_internal_frontend_has_the_same_rules_and_health_is_checked_on_the_management_port() {
        Topology topology = Checkout.topology("posts-canary-10.yml");
        Map<String, List<Endpoint>> instances = new LinkedHashMap<>();
        instances.put("monolith", List.of(Endpoint.loopback("monolith", 1, 20000, 21000), Endpoint.loopback("monolith", 2, 20001, 21001)));
        instances.put("posts", List.of(Endpoint.loopback("posts", 1, 20002, 21002), Endpoint.loopback("posts", 2, 20003, 21003)));
        String config = HaproxyConfig.render(topology, instances, Set.of(),
                HaproxySettings.loopback(8080, 0, Path.of("/tmp/forum-test.sock")).withInternalPort(8081));
        String external = section(config, "frontend forum\n");
        String internal = section(config, "frontend forum_internal\n");
        assertTrue(external.startsWith("    bind 127.0.0.1:8080\n"), external);
        assertTrue(internal.startsWith("    bind 127.0.0.1:8081\n"), internal);
        assertTrue(external.contains("use_backend rule_"), external);
        assertEquals(external.replace("127.0.0.1:8080", ""), internal.replace("127.0.0.1:8081", ""),
                "the same rules, priorities and backends (so the same weights)");
        assertTrue(config.contains("    server posts-1 127.0.0.1:20002 check port 21002\n"), config);
        assertTrue(config.contains("    server posts-1 127.0.0.1:20002 track svc_posts/posts-1 weight 10\n"), config);
        assertEquals("http://127.0.0.1:8081", HaproxySettings.loopback(8080, 0, Path.of("/tmp/s")).withInternalPort(8081).internalUrl());
    }

    @Test
    void the_posts_rule_comes_from_the_contract_as_two_exact_patterns_never_a_prefix_wildcard() {
        String config = render("posts-canary-10.yml", Set.of());
        assertTrue(config.contains("    acl rule_10_posts path /api/posts\n"), config);
        assertTrue(config.contains("    acl rule_10_posts path_reg '^\\Q/api/posts/\\E.*$'\n"), config);
        assertTrue(config.contains("    use_backend rule_10_posts if rule_10_posts\n"), config);
        assertTrue(config.contains("    default_backend svc_monolith\n"), config);
        assertFalse(config.contains("/api/posts*"), config);
        assertEquals("path_reg '^\\Q/api/posts/\\E.*$'", HaproxyConfig.match(new PathPattern("/api/posts/*")));
    }

    @Test
    void the_rule_backend_weights_both_services_instances_and_tracks_their_health_checks() {
        String config = render("posts-canary-10.yml", Set.of("posts-2"));
        assertTrue(config.contains("    server monolith-1 127.0.0.1:20000 track svc_monolith/monolith-1 weight 90\n"), config);
        assertTrue(config.contains("    server posts-1 127.0.0.1:20002 track svc_posts/posts-1 weight 10\n"), config);
        assertTrue(config.contains("backend svc_posts\n"), config);
        assertTrue(config.contains("    option httpchk GET /actuator/health/readiness\n"), config);
        assertTrue(config.contains("    http-check expect status 200\n"), config);
        assertTrue(config.contains("    default-server inter 500ms fastinter 250ms downinter 500ms rise 2 fall 2 slowstart 10s\n"), config);
        assertTrue(config.contains("    server posts-2 127.0.0.1:20003 check disabled\n"), config);
        assertTrue(config.contains("    server posts-1 127.0.0.1:20002 check\n"), config);
    }

    @Test
    void a_server_that_comes_back_is_ramped_up_over_the_slow_start_given_in_whole_seconds_or_not_at_all() {
        Topology topology = Checkout.topology("posts-extracted.yml");
        HaproxySettings settings = HaproxySettings.loopback(8080, 0, Path.of("/tmp/forum-test.sock"));
        String ramped = HaproxyConfig.render(topology, twoEach(topology), Set.of(), settings.withSlowStart(Duration.ofSeconds(3)));
        assertTrue(ramped.contains(" rise 2 fall 2 slowstart 3s\n"), ramped);
        String none = HaproxyConfig.render(topology, twoEach(topology), Set.of(), settings.withSlowStart(Duration.ZERO));
        assertTrue(none.contains(" rise 2 fall 2\n"), none);
        assertFalse(none.lines().anyMatch(line -> line.startsWith("    default-server") && line.contains("slowstart")), none);
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> settings.withSlowStart(Duration.ofMillis(2500)));
        assertEquals("slow start is whole seconds (HAProxy ramps once a second), not PT2.5S", fraction.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings.withSlowStart(Duration.ofSeconds(-1)));
    }

    @Test
    void connection_failures_are_retried_elsewhere_and_writes_are_never_sent_twice() {
        String config = render("posts-extracted.yml", Set.of());
        assertTrue(config.contains("    retry-on conn-failure empty-response 503\n"), config);
        assertTrue(config.contains("    option redispatch 1\n"), config);
        assertTrue(config.contains("    http-request disable-l7-retry if !METH_GET !METH_HEAD\n"), config);
        assertTrue(config.contains("    stats socket /tmp/forum-test.sock mode 600 level admin\n"), config);
    }

    @Test
    void rules_follow_the_models_priorities_and_without_a_monolith_the_load_balancer_answers_404() {
        String config = render("all-extracted.yml", Set.of());
        int posts = config.indexOf("use_backend rule_10_posts");
        int threads = config.indexOf("use_backend rule_20_threads");
        int users = config.indexOf("use_backend rule_30_users");
        assertTrue(posts > 0 && posts < threads && threads < users, config);
        assertTrue(config.contains("    default_backend no_route\n"), config);
        assertTrue(config.contains("    http-request return status 404 content-type application/problem+json string "
                + HaproxyConfig.quote(LoadBalancerProblem.NO_ROUTE.json()) + "\n"), config);
        assertFalse(config.contains("svc_monolith"), config);
    }

    @Test
    void a_path_that_is_not_canonical_is_refused_before_the_module_rules_with_the_problem_of_its_violation() {
        for (String file : List.of("monolith.yml", "posts-extracted.yml", "all-extracted.yml")) {
            String config = render(file, Set.of());
            int firstModuleRule = config.indexOf("    acl rule_");
            int lastRefusal = -1;
            for (CanonicalPath.Violation violation : CanonicalPath.Violation.values()) {
                String acl = "non_canonical_" + violation.name().toLowerCase(java.util.Locale.ROOT);
                assertTrue(config.contains("    acl " + acl + " path_reg -i " + HaproxyConfig.quote(violation.regex()) + "\n"), config);
                String refusal = "    http-request return status 400 content-type application/problem+json string "
                        + HaproxyConfig.quote(LoadBalancerProblem.nonCanonicalPath(violation).json()) + " if " + acl + "\n";
                int at = config.indexOf(refusal);
                assertTrue(at > lastRefusal, "in the order of the violations: " + refusal);
                assertTrue(firstModuleRule < 0 || at < firstModuleRule, "before the module rules: " + refusal);
                lastRefusal = at;
            }
            assertTrue(lastRefusal < config.indexOf("    http-request disable-l7-retry"), "before any other request rule");
        }
    }

    @Test
    void haproxys_own_errors_are_problem_documents() {
        String config = render("posts-extracted.yml", Set.of());
        for (LoadBalancerProblem problem : LoadBalancerProblem.errors()) {
            assertTrue(config.contains("    http-error status " + problem.status() + " content-type application/problem+json string "
                    + HaproxyConfig.quote(problem.json()) + "\n"), problem + "\n" + config);
        }
        assertTrue(config.contains("    timeout server 15000ms\n"), config);
    }

    @Test
    void text_with_quotes_becomes_one_word_of_the_configuration() {
        assertEquals("'it'\\''s'", HaproxyConfig.quote("it's"));
        assertEquals("'a \\ $b'", HaproxyConfig.quote("a \\ $b"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> HaproxyConfig.quote("a\nb"));
    }

    @Test
    void the_monolith_alone_has_no_rule_at_all() {
        String config = render("monolith.yml", Set.of());
        assertFalse(config.contains("use_backend"), config);
        assertTrue(config.contains("default_backend svc_monolith"), config);
    }
}
