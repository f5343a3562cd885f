package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.equalTo;
import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.ifThen;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.noEgress;
import static dev.forum.extraction.ecs.Cfn.not;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.EdgeSpec;
import dev.forum.topology.Topology;
import java.util.List;
import java.util.Map;

/**
 * The internet-facing load balancer, in the public subnets: HTTPS on 443 with a TLS 1.3 policy when the
 * {@code CertificateArn} parameter names an ACM certificate; HTTP on 80 then redirects GET and HEAD to HTTPS and
 * refuses every other method with a problem (a redirect would turn a POST into a GET). Without a certificate (a
 * test stack) HTTP on 80 serves. It drops invalid header fields, logs every request to the log bucket, refuses
 * desynchronising requests, cannot be deleted by accident, and sits behind the web application firewall
 * ({@link Firewall}). The listener that serves (443, or 80 without a certificate) refuses non-canonical paths
 * before any module rule and answers paths no service takes with the monolith, or a 404 problem.
 */
final class Edge {

    /** TLS 1.3 and 1.2 with forward secrecy only (Elastic Load Balancing's recommended policy for TLS 1.3). */
    static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    /** ALB maximum is 4000 s; 60 s is the default, and the application's keep-alive (75 s) is longer. */
    static final int IDLE_TIMEOUT = 60;
    /** The HTTP listener's redirect rule: after the non-canonical rules' priorities, before every module rule. */
    static final int REDIRECT_PRIORITY = 5;

    private Edge() {
    }

    static void add(Stack stack, Topology topology, EcsSettings settings, Map<String, String> tag, EcsNames names) {
        String app = topology.name();
        Problems problems = Problems.of(topology, settings);
        EdgeSpec edge = topology.edge();
        stack.parameter("CertificateArn", obj("Type", "String", "Default", edge.certificateArn().orElse(""),
                "AllowedPattern", "(" + EdgeSpec.CERTIFICATE_ARN + ")?",
                "Description", "The ACM certificate of the HTTPS listener. Empty: plain HTTP only, for a test stack "
                        + "(deploy.sh refuses that without --plain-http, since passwords and tokens cross the listener)."));
        stack.condition("Https", not(equalTo(ref("CertificateArn"), "")));

        stack.add("LoadBalancerSecurityGroup", resource("AWS::EC2::SecurityGroup", obj(
                "GroupDescription", app + " internet-facing load balancer: HTTP and HTTPS from anywhere",
                "VpcId", ref("Vpc"),
                "SecurityGroupIngress", list(
                        obj("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443, "CidrIp", "0.0.0.0/0", "Description", "HTTPS"),
                        obj("IpProtocol", "tcp", "FromPort", 80, "ToPort", 80, "CidrIp", "0.0.0.0/0",
                                "Description", "HTTP: redirected to HTTPS (or served, on a test stack)")),
                // Egress to each service's tasks is added by the service's stack.
                "SecurityGroupEgress", list(noEgress()),
                "Tags", tags(app + "-alb", tag))));
        stack.add("LoadBalancer", resource("AWS::ElasticLoadBalancingV2::LoadBalancer", obj(
                "Scheme", "internet-facing", "Type", "application", "IpAddressType", "ipv4",
                "Subnets", list(ref("PublicSubnetA"), ref("PublicSubnetB")),
                "SecurityGroups", list(getAtt("LoadBalancerSecurityGroup", "GroupId")),
                "LoadBalancerAttributes", attributes(LogBucket.PUBLIC_PREFIX),
                "Tags", tags(app, tag)))).put("DependsOn", list("PublicDefaultRoute", "LogBucketPolicy"));

        // The monolith's target group lives here, not in the monolith's stack: the default action needs it, and a
        // target group must be attached to the load balancer before an ECS service registers into it.
        stack.add("MonolithTargetGroup", TargetGroups.targetGroup(settings, ref("Vpc"),
                tags(app + "-" + topology.monolith().name(), tag)));
        Map<String, Object> defaultRoute = ifThen("ForwardToMonolith",
                obj("Type", "forward", "TargetGroupArn", ref("MonolithTargetGroup")),
                Problems.fixedResponse(404, problems.noRoute()));

        stack.add("HttpListener", resource("AWS::ElasticLoadBalancingV2::Listener", obj(
                "LoadBalancerArn", ref("LoadBalancer"), "Port", 80, "Protocol", "HTTP",
                "DefaultActions", list(ifThen("Https", Problems.fixedResponse(400, problems.httpsRequired()), defaultRoute)))));
        Map<String, Object> redirect = stack.add("HttpsRedirectRule", resource("AWS::ElasticLoadBalancingV2::ListenerRule", obj(
                "ListenerArn", ref("HttpListener"), "Priority", REDIRECT_PRIORITY,
                "Conditions", list(obj("Field", "http-request-method", "HttpRequestMethodConfig", obj("Values", list("GET", "HEAD")))),
                "Actions", list(obj("Type", "redirect", "RedirectConfig", obj(
                        "Protocol", "HTTPS", "Port", "443", "Host", "#{host}", "Path", "/#{path}", "Query", "#{query}",
                        "StatusCode", "HTTP_301"))))));
        redirect.put("Condition", "Https");
        Map<String, Object> https = stack.add("HttpsListener", resource("AWS::ElasticLoadBalancingV2::Listener", obj(
                "LoadBalancerArn", ref("LoadBalancer"), "Port", 443, "Protocol", "HTTPS",
                "SslPolicy", TLS_POLICY, "Certificates", list(obj("CertificateArn", ref("CertificateArn"))),
                "DefaultActions", list(defaultRoute))));
        https.put("Condition", "Https");
        Object serving = ifThen("Https", ref("HttpsListener"), ref("HttpListener"));
        nonCanonicalRules(stack, "", serving, problems);

        stack.output("LoadBalancerDnsName", output("The internet-facing load balancer's DNS name: point the certificate's "
                + "domain at it (an alias record)", getAtt("LoadBalancer", "DNSName"), null));
        stack.output("LoadBalancerUrl", output("Where the application answers (with a certificate: use its domain name)",
                join("", ifThen("Https", "https://", "http://"), getAtt("LoadBalancer", "DNSName")), null));
        stack.output("PublicListener", output("The serving listener (HTTPS, or HTTP on a test stack) the services' rules "
                + "attach to: deploy.sh passes it to their stacks", serving, null));
        stack.output("LoadBalancerSecurityGroup", output("The internet-facing load balancer's security group",
                getAtt("LoadBalancerSecurityGroup", "GroupId"), names.export("LoadBalancerSecurityGroup")));
        stack.output("MonolithTargetGroup", output("The monolith's target group on the internet-facing load balancer",
                ref("MonolithTargetGroup"), names.export("MonolithTargetGroup")));
    }

    /** Rules before every module rule that answer the non-canonical paths an ALB pattern can express with a 400. */
    static void nonCanonicalRules(Stack stack, String idPrefix, Object listener, Problems problems) {
        for (int i = 0; i < NonCanonicalPaths.RULES.size(); i++) {
            stack.add(idPrefix + "NonCanonicalPathRule" + (i + 1), resource("AWS::ElasticLoadBalancingV2::ListenerRule", obj(
                    "ListenerArn", listener, "Priority", NonCanonicalPaths.FIRST_PRIORITY + i,
                    "Conditions", list(obj("Field", "path-pattern", "PathPatternConfig",
                            obj("Values", List.copyOf(NonCanonicalPaths.RULES.get(i))))),
                    "Actions", list(Problems.fixedResponse(400, problems.nonCanonicalPath())))));
        }
    }

    /**
     * A load balancer's attributes: the idle timeout, invalid header fields dropped (Security Hub ELB.4), the
     * desync mitigation mode (ELB.12), deletion protection (ELB.6) and access logs (ELB.5) under {@code logPrefix}.
     */
    static List<Object> attributes(String logPrefix) {
        List<Object> attributes = list(
                obj("Key", "idle_timeout.timeout_seconds", "Value", String.valueOf(IDLE_TIMEOUT)),
                obj("Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true"),
                obj("Key", "routing.http.desync_mitigation_mode", "Value", "defensive"),
                obj("Key", "deletion_protection.enabled", "Value", "true"));
        attributes.addAll(LogBucket.accessLogAttributes(logPrefix));
        return attributes;
    }
}
