package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.importValue;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An extracted service's routing in its stack: its target group on each load balancer and, per module it holds, the
 * same weighted path rule on the public and on the internal listener, which splits the module's routes between the
 * monolith and the service by the stack's {@code Traffic} parameter. The rules match the routes under the
 * application's context path ({@link EcsSettings#routed}).
 */
final class ServiceRules {

    private ServiceRules() {
    }

    /** The service's two target groups and, per module it holds, the weighted rule on each listener; returns the rules' ids. */
    static List<String> add(Stack stack, Topology topology, ServiceSpec service, EcsSettings settings, Map<String, String> tag) {
        EcsNames names = new EcsNames(topology.name());
        Object vpc = importValue(names.export("VpcId"));
        stack.add("TargetGroup", TargetGroups.targetGroup(settings, vpc, tags(names.family(service.name()), tag)));
        stack.add("InternalTargetGroup", TargetGroups.targetGroup(settings, vpc,
                tags(names.family(service.name()) + "-internal", tag)));
        List<String> ids = new ArrayList<>();
        for (var rule : topology.routingRules()) {
            boolean held = topology.extractedHolder(rule.module()).map(s -> s.name().equals(service.name())).orElse(false);
            if (!held) {
                continue;
            }
            List<Object> patterns = new ArrayList<>();
            // The topology's patterns are the routes as the application maps them; requests carry the context path.
            rule.patterns().forEach(p -> patterns.add(settings.routed(p.pattern())));
            String id = EcsNames.id(rule.module());
            ids.add(listenerRule(stack, "Rule" + id, ref("PublicListener"), rule.priority(), patterns,
                    importValue(names.export("MonolithTargetGroup")), ref("TargetGroup")));
            ids.add(listenerRule(stack, "InternalRule" + id, importValue(names.export("InternalListener")), rule.priority(), patterns,
                    importValue(names.export("MonolithInternalTargetGroup")), ref("InternalTargetGroup")));
        }
        stack.output("TargetGroup", output("The " + service.name() + " target group", ref("TargetGroup"), null));
        stack.output("InternalTargetGroup", output("The " + service.name() + " target group on the internal load balancer",
                ref("InternalTargetGroup"), null));
        return ids;
    }

    /**
     * A rule forwarding {@code patterns} to the monolith's and this service's target groups by {@code Traffic}. The
     * monolith's target group is always a target: its weight is 100 - Traffic, so rolling back is a parameter
     * change. With no monolith deployed the topology has Traffic 100 and its weight is 0.
     */
    private static String listenerRule(Stack stack, String id, Object listener, int priority, List<Object> patterns, Object monolithGroup,
            Object ownGroup) {
        stack.add(id, resource("AWS::ElasticLoadBalancingV2::ListenerRule", obj(
                "ListenerArn", listener,
                "Priority", priority,
                "Conditions", list(obj("Field", "path-pattern", "PathPatternConfig", obj("Values", patterns))),
                "Actions", list(obj("Type", "forward", "ForwardConfig", obj(
                        "TargetGroups", list(
                                obj("TargetGroupArn", monolithGroup, "Weight", Cfn.findInMap("TrafficSplit", ref("Traffic"), "Monolith")),
                                obj("TargetGroupArn", ownGroup, "Weight", ref("Traffic"))),
                        "TargetGroupStickinessConfig", obj("Enabled", false)))))));
        return id;
    }
}
