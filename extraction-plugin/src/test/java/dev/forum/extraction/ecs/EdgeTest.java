package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.PathPattern;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load balancers' own answers: HTTPS or a test stack's plain HTTP, the non-canonical paths refused before any
 * module rule, and every answer they make themselves a problem document of the forum's catalogue.
 */
class EdgeTest {

    private static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";
    /** The catalogue's kinds (the team brief; issue 12 owns it). */
    private static final Set<String> KINDS = Set.of("validation", "malformed-request", "non-canonical-path", "bad-request",
            "unauthorized", "forbidden", "not-found", "no-route", "remote-module-route", "method-not-allowed", "not-acceptable",
            "conflict", "content-too-large", "uri-too-long", "unsupported-media-type", "reference-not-found", "rate-limited",
            "request-header-fields-too-large", "internal", "bad-gateway", "unavailable", "timeout");
    /** ALB path patterns: these characters and the wildcards, at most 128 of them (Elastic Load Balancing, "Path conditions"). */
    private static final String ALB_PATTERN = "[A-Za-z0-9_\\-.$/~\"'@:+&*?]{1,128}";

    static Stream<Path> topologies() {
        return ForumTopologies.files();
    }

    private static JsonNode base(Path file, String certificate, String route) {
        JsonNode base = Templates.json(Templates.render(ForumTopologies.topology(file)).get("base.json"));
        return Templates.resolve(base, Map.of("CertificateArn", certificate, "DefaultRoute", route));
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void withACertificateHttpsServesAndHttpRedirectsOnlyGetAndHead(Path file) {
        JsonNode resources = base(file, CERTIFICATE, "monolith").path("Resources");
        JsonNode https = resources.path("HttpsListener").path("Properties");
        assertEquals(443, https.path("Port").asInt());
        assertEquals(CERTIFICATE, https.path("Certificates").path(0).path("CertificateArn").path("Ref").asText("")
                .equals("CertificateArn") ? CERTIFICATE : "");
        JsonNode redirect = resources.path("HttpsRedirectRule").path("Properties");
        assertEquals("{\"Ref\":\"HttpListener\"}", redirect.path("ListenerArn").toString());
        assertEquals("[\"GET\",\"HEAD\"]", redirect.path("Conditions").path(0).path("HttpRequestMethodConfig").path("Values").toString());
        JsonNode refusal = resources.path("HttpListener").path("Properties").path("DefaultActions").path(0).path("FixedResponseConfig");
        JsonNode problem = Templates.json(refusal.path("MessageBody").asText());
        assertEquals("urn:forum:problem:bad-request", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("HTTPS only"), problem.toString());
        for (String rule : List.of("NonCanonicalPathRule1", "NonCanonicalPathRule2")) {
            assertEquals("{\"Ref\":\"HttpsListener\"}", resources.path(rule).path("Properties").path("ListenerArn").toString(), rule);
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void withoutACertificateHttpServesAndNothingRedirects(Path file) {
        JsonNode resources = base(file, "", "monolith").path("Resources");
        assertFalse(resources.has("HttpsListener"));
        assertFalse(resources.has("HttpsRedirectRule"));
        assertEquals("forward", resources.path("HttpListener").path("Properties").path("DefaultActions").path(0).path("Type").asText());
        assertEquals("{\"Ref\":\"HttpListener\"}", resources.path("NonCanonicalPathRule1").path("Properties").path("ListenerArn").toString());
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void nonCanonicalPathsTheAlbCanExpressAreRefusedBeforeAnyModuleRuleOnBothListeners(Path file) {
        JsonNode resources = base(file, CERTIFICATE, "monolith").path("Resources");
        for (String prefix : List.of("", "Internal")) {
            List<PathPattern> patterns = new ArrayList<>();
            for (int i = 1; i <= NonCanonicalPaths.RULES.size(); i++) {
                JsonNode rule = resources.path(prefix + "NonCanonicalPathRule" + i).path("Properties");
                assertEquals(i, rule.path("Priority").asInt());
                assertEquals("400", rule.path("Actions").path(0).path("FixedResponseConfig").path("StatusCode").asText());
                rule.path("Conditions").path(0).path("PathPatternConfig").path("Values").forEach(v -> patterns.add(new PathPattern(v.asText())));
            }
            for (String bad : List.of("/api//posts", "//api/posts", "/api/posts//1", "/api/./posts", "/./api/posts", "/api/posts/.",
                    "/api/posts/..", "/api/users/../posts/1", "/api/posts/1/../2", "/../api/users", "/api/posts/./")) {
                assertTrue(patterns.stream().anyMatch(p -> p.matches(bad)), prefix + " listener lets through " + bad);
            }
            for (String good : List.of("/", "/api/", "/api/posts", "/api/posts/1", "/api/posts/in-thread/1", "/api/posts/by-user/2",
                    "/api/users/1", "/api/threads", "/api/posts/.hidden", "/api/posts/a..b", "/api/posts/...", "/api/users/jwks.json")) {
                assertFalse(patterns.stream().anyMatch(p -> p.matches(good)), prefix + " listener refuses " + good);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void everyPathPatternIsOneTheAlbAcceptsAndEveryConditionHasAtMostThreeValues(Path file) {
        for (String text : Templates.cloudFormation(Templates.render(ForumTopologies.topology(file))).values()) {
            for (JsonNode condition : Templates.json(text).findValues("PathPatternConfig")) {
                assertTrue(condition.path("Values").size() <= 3, condition.toString());
                condition.path("Values").forEach(v -> assertTrue(v.asText().matches(ALB_PATTERN), "not an ALB path pattern: " + v));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void everyAnswerTheLoadBalancersAndTheFirewallMakeThemselvesIsAProblemOfTheCatalogue(Path file) {
        Topology topology = ForumTopologies.topology(file);
        int answers = 0;
        for (String text : Templates.cloudFormation(Templates.render(topology)).values()) {
            JsonNode template = Templates.json(text);
            for (JsonNode fixed : template.findValues("FixedResponseConfig")) {
                assertEquals("application/json", fixed.path("ContentType").asText(), "the closest type an ALB may send");
                assertTrue(fixed.path("MessageBody").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1024);
                assertProblem(fixed.path("MessageBody").asText(), fixed.path("StatusCode").asInt());
                answers++;
            }
            for (JsonNode bodies : template.findValues("CustomResponseBodies")) {
                for (JsonNode rule : template.findValues("CustomResponse")) {
                    JsonNode body = bodies.path(rule.path("CustomResponseBodyKey").asText());
                    assertEquals("APPLICATION_JSON", body.path("ContentType").asText());
                    assertProblem(body.path("Content").asText(), rule.path("ResponseCode").asInt());
                    answers++;
                }
            }
        }
        assertTrue(answers >= 8, "404, 400 (HTTPS only), two non-canonical rules per listener, the firewall's 403 and 429: " + answers);
    }

    private static void assertProblem(String body, int status) {
        JsonNode problem = Templates.json(body);
        assertEquals(List.of("type", "title", "status", "detail"), iterable(problem), body);
        String type = problem.path("type").asText();
        assertTrue(type.startsWith("urn:forum:problem:") && KINDS.contains(type.substring("urn:forum:problem:".length())), type);
        assertEquals(status, problem.path("status").asInt(), body);
        assertFalse(problem.path("detail").asText().isBlank());
        assertFalse(body.contains("Exception") || body.contains("about:blank"), body);
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
