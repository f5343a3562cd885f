package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web application firewall (AWS WAF) in front of the internet-facing load balancer, in this order:
 *
 * <ol>
 *   <li>a rate-based rule per client IP: over the topology's {@code edge.rate-limit} requests in 5 minutes, a 429
 *       problem with {@code Retry-After};</li>
 *   <li>AWS's managed core rule set and known-bad-inputs rule group, both set to count: their rules only label
 *       the requests they match;</li>
 *   <li>a rule that blocks, with a 403 problem, every request one of those labels marks, except the labels of the
 *       rules in {@link #COUNT_ONLY}: the rules that inspect the request body, where a forum post legitimately
 *       holds what they look for. So WAF's own refusals answer a problem of the catalogue, and a managed rule
 *       AWS adds later blocks too.</li>
 * </ol>
 */
final class Firewall {

    /** A managed rule group and the namespace of the labels its rules add. */
    record ManagedGroup(String name, String labelNamespace) {
    }

    /** A managed rule set to count, not block, and why. */
    record CountOnly(ManagedGroup group, String rule, String label, String reason) {

        String fullLabel() {
            return group.labelNamespace() + label;
        }
    }

    static final ManagedGroup CORE = new ManagedGroup("AWSManagedRulesCommonRuleSet", "awswaf:managed:aws:core-rule-set:");
    static final ManagedGroup KNOWN_BAD_INPUTS = new ManagedGroup("AWSManagedRulesKnownBadInputsRuleSet",
            "awswaf:managed:aws:known-bad-inputs:");
    static final List<ManagedGroup> GROUPS = List.of(CORE, KNOWN_BAD_INPUTS);

    private static final String QUOTED_CODE = "a post may quote code, and the application stores it as text, binds it as a "
            + "parameter and answers it as JSON";

    /**
     * The body rules of the two groups (AWS WAF Developer Guide, "Baseline rule groups"), each of which a legitimate
     * post can trip: a post holds up to 10,000 characters (up to 40 KB of UTF-8) and may quote code.
     */
    static final List<CountOnly> COUNT_ONLY = List.of(
            new CountOnly(CORE, "SizeRestrictions_BODY", "SizeRestrictions_Body",
                    "blocks bodies over 8 KB, while a post may hold 10,000 characters; the application limits bodies to 128 KB (413)"),
            new CountOnly(CORE, "CrossSiteScripting_BODY", "CrossSiteScripting_Body", "HTML such as <script> in a post: " + QUOTED_CODE),
            new CountOnly(CORE, "GenericLFI_BODY", "GenericLFI_Body", "paths such as ../../etc in a post: " + QUOTED_CODE),
            new CountOnly(CORE, "GenericRFI_BODY", "GenericRFI_Body", "URLs with an IPv4 address in a post: " + QUOTED_CODE),
            new CountOnly(CORE, "EC2MetaDataSSRF_BODY", "EC2MetaDataSSRF_Body",
                    "the metadata address 169.254.169.254 in a post: " + QUOTED_CODE + "; the application fetches no URL"),
            new CountOnly(KNOWN_BAD_INPUTS, "JavaDeserializationRCE_BODY", "JavaDeserializationRCE_Body",
                    "Java such as Runtime.getRuntime().exec(...) in a post: " + QUOTED_CODE + "; it deserializes no Java objects"),
            new CountOnly(KNOWN_BAD_INPUTS, "Log4JRCE_BODY", "Log4JRCE_Body",
                    "${jndi:...} in a post about Log4Shell: " + QUOTED_CODE + "; it logs no request body"));

    /** Seconds a client is told to wait after a 429 (WAF counts over the last 5 minutes). */
    static final String RETRY_AFTER = "60";

    private Firewall() {
    }

    static void add(Stack stack, String app, int rateLimit, Problems problems, Map<String, String> tag) {
        List<Object> rules = list(
                rule("rate-limit-per-ip", 0, app,
                        obj("RateBasedStatement", obj("Limit", rateLimit, "AggregateKeyType", "IP")),
                        obj("Action", obj("Block", obj("CustomResponse", obj("ResponseCode", 429,
                                "CustomResponseBodyKey", "rate-limited",
                                "ResponseHeaders", list(obj("Name", "Retry-After", "Value", RETRY_AFTER))))))));
        for (int i = 0; i < GROUPS.size(); i++) {
            ManagedGroup group = GROUPS.get(i);
            rules.add(rule("aws-" + group.name(), 1 + i, app,
                    obj("ManagedRuleGroupStatement", obj("VendorName", "AWS", "Name", group.name())),
                    obj("OverrideAction", obj("Count", obj()))));
        }
        rules.add(rule("refuse-managed-matches", 1 + GROUPS.size(), app, refuseLabelled(),
                obj("Action", obj("Block", obj("CustomResponse", obj("ResponseCode", 403, "CustomResponseBodyKey", "forbidden"))))));

        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("forbidden", obj("ContentType", "APPLICATION_JSON", "Content", problems.firewallRefused()));
        bodies.put("rate-limited", obj("ContentType", "APPLICATION_JSON", "Content", problems.rateLimited()));
        List<Object> reasons = new ArrayList<>();
        for (CountOnly rule : COUNT_ONLY) {
            reasons.add(obj("Group", rule.group().name(), "Rule", rule.rule(), "Label", rule.fullLabel(), "Reason", rule.reason()));
        }
        Map<String, Object> acl = stack.add("WebAcl", resource("AWS::WAFv2::WebACL", obj(
                "Name", app + "-edge", "Scope", "REGIONAL",
                "Description", "The " + app + " load balancer's firewall: rate per IP, AWS managed rules (body rules count only)",
                "DefaultAction", obj("Allow", obj()),
                "CustomResponseBodies", bodies,
                "Rules", rules,
                "VisibilityConfig", visibility(app + "-edge"),
                "Tags", tags(app + "-edge", tag))));
        acl.put("Metadata", obj("CountOnly", reasons));
        stack.add("WebAclAssociation", resource("AWS::WAFv2::WebACLAssociation", obj(
                "ResourceArn", ref("LoadBalancer"), "WebACLArn", getAtt("WebAcl", "Arn"))));
    }

    /** Any label of a managed group, except the count-only rules' labels. */
    private static Map<String, Object> refuseLabelled() {
        List<Object> perGroup = new ArrayList<>();
        for (ManagedGroup group : GROUPS) {
            List<Object> exempt = new ArrayList<>();
            for (CountOnly rule : COUNT_ONLY) {
                if (rule.group().equals(group)) {
                    exempt.add(label("LABEL", rule.fullLabel()));
                }
            }
            Map<String, Object> any = label("NAMESPACE", group.labelNamespace());
            perGroup.add(exempt.isEmpty() ? any
                    : obj("AndStatement", obj("Statements", list(any, obj("NotStatement", obj("Statement", either(exempt)))))));
        }
        return either(perGroup);
    }

    private static Map<String, Object> either(List<Object> statements) {
        return statements.size() == 1 ? cast(statements.get(0)) : obj("OrStatement", obj("Statements", statements));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object statement) {
        return (Map<String, Object>) statement;
    }

    private static Map<String, Object> label(String scope, String key) {
        return obj("LabelMatchStatement", obj("Scope", scope, "Key", key));
    }

    private static Map<String, Object> rule(String name, int priority, String app, Map<String, Object> statement,
            Map<String, Object> action) {
        Map<String, Object> rule = obj("Name", name, "Priority", priority, "Statement", statement);
        rule.putAll(action);
        rule.put("VisibilityConfig", visibility(app + "-" + name));
        return rule;
    }

    private static Map<String, Object> visibility(String metric) {
        return obj("SampledRequestsEnabled", true, "CloudWatchMetricsEnabled", true,
                "MetricName", metric.replaceAll("[^A-Za-z0-9_-]", "-"));
    }
}
