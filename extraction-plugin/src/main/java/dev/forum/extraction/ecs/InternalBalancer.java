package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.ifThen;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.noEgress;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The internal load balancer, in subnets of its own ({@link Network#internalBalancerCidr}: private, on the private
 * route table, and holding nothing else, so that the tasks trust its addresses without trusting each other): where a
 * process reaches the modules it does not hold ({@code EXTRACTION_TOPOLOGY_REMOTE_BASE_URL}) and the token signing
 * keys ({@code .../jwks.json}), if it calls any ({@link #reachedBy}). The services' stacks give it the same rules,
 * priorities and weights as the internet-facing one, so a canary's share applies to internal calls too, and nothing
 * between modules crosses the internet-facing load balancer or leaves the VPC. It listens on plain HTTP inside the
 * VPC: only the tasks' security groups may reach it (TLS here would need a private certificate authority; see the
 * README).
 */
final class InternalBalancer {

    static final int PORT = 80;

    private InternalBalancer() {
    }

    /**
     * Whether a task holding {@code held} reaches the internal load balancer at all (its security group's path there and
     * the {@code EXTRACTION_TOPOLOGY_REMOTE_BASE_URL} it is told): where a module it holds, or one that runs in every
     * process, calls through an HTTP contract a module it does not hold ({@link EcsSettings#moduleCalls}), or it verifies
     * tokens whose issuer module it does not hold (it fetches the issuer's keys there). Otherwise it never calls out.
     *
     * @param held the modules the task runs in process (the topology's modules; those that run everywhere are implied)
     */
    static boolean reachedBy(Topology topology, EcsSettings settings, Collection<String> held) {
        if (settings.tokens() && !held.contains(settings.identity().issuerModule())) {
            return true;
        }
        Set<String> listed = topology.modules().stream().map(ModuleRoute::module).collect(Collectors.toSet());
        return settings.moduleCalls().entrySet().stream()
                .filter(caller -> held.contains(caller.getKey()) || !listed.contains(caller.getKey()))
                .flatMap(caller -> caller.getValue().stream())
                .anyMatch(callee -> !held.contains(callee));
    }

    static void add(Stack stack, Topology topology, EcsSettings settings, Map<String, String> tag, EcsNames names) {
        String app = topology.name();
        // Ingress from each service's tasks and egress to them are added by the services' stacks.
        stack.add("InternalLoadBalancerSecurityGroup", resource("AWS::EC2::SecurityGroup", obj(
                "GroupDescription", app + " internal load balancer: HTTP from the tasks only",
                "VpcId", ref("Vpc"),
                "SecurityGroupEgress", list(noEgress()),
                "Tags", tags(app + "-internal-alb", tag))));
        stack.add("InternalLoadBalancer", resource("AWS::ElasticLoadBalancingV2::LoadBalancer", obj(
                "Scheme", "internal", "Type", "application", "IpAddressType", "ipv4",
                "Subnets", list(ref(Network.INTERNAL_BALANCER_SUBNET + "A"), ref(Network.INTERNAL_BALANCER_SUBNET + "B")),
                "SecurityGroups", list(getAtt("InternalLoadBalancerSecurityGroup", "GroupId")),
                "LoadBalancerAttributes", Edge.attributes(LogBucket.INTERNAL_PREFIX),
                "Tags", tags(app + "-internal", tag)))).put("DependsOn", "LogBucketPolicy");
        stack.add("MonolithInternalTargetGroup", TargetGroups.targetGroup(settings, ref("Vpc"),
                tags(app + "-" + topology.monolith().name() + "-internal", tag)));
        stack.add("InternalListener", resource("AWS::ElasticLoadBalancingV2::Listener", obj(
                "LoadBalancerArn", ref("InternalLoadBalancer"), "Port", PORT, "Protocol", "HTTP",
                "DefaultActions", list(ifThen("ForwardToMonolith",
                        obj("Type", "forward", "TargetGroupArn", ref("MonolithInternalTargetGroup")),
                        Problems.fixedResponse(404, Problems.of(topology, settings).noRoute()))))));
        Edge.nonCanonicalRules(stack, "Internal", ref("InternalListener"), Problems.of(topology, settings));

        stack.output("InternalLoadBalancerUrl", output("Where every process reaches its remote modules"
                + (settings.tokens() ? " and the token keys" : ""),
                join("", "http://", getAtt("InternalLoadBalancer", "DNSName")), names.export("InternalLoadBalancerUrl")));
        stack.output("InternalListener", output("The internal listener the services' rules attach to", ref("InternalListener"),
                names.export("InternalListener")));
        stack.output("InternalLoadBalancerSecurityGroup", output("The internal load balancer's security group",
                getAtt("InternalLoadBalancerSecurityGroup", "GroupId"), names.export("InternalLoadBalancerSecurityGroup")));
        stack.output("MonolithInternalTargetGroup", output("The monolith's target group on the internal load balancer",
                ref("MonolithInternalTargetGroup"), names.export("MonolithInternalTargetGroup")));
    }
}
