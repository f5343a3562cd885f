package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.resource;

import java.util.List;
import java.util.Map;

/**
 * A service's target group, as the zero-downtime checklist says: requests go to the application port, the
 * readiness endpoint is checked on the management port (which no listener rule forwards to) every 5 s, healthy
 * and unhealthy after 2 checks, only a 200 counts (AWS's defaults take about 150 s to call a new target healthy);
 * a short drain, since every route answers within a second. Each service has one per load balancer: an ALB target
 * group belongs to one load balancer.
 *
 * <p>A target that becomes healthy (a new task of a deployment, one that failed its checks and recovered) gets its
 * share of requests ramped up over {@link #SLOW_START} seconds ({@code slow_start.duration_seconds}): a JVM just
 * started answers slowly until its code is compiled, and a full share at once sends its callers past their read
 * timeout. Slow start needs the round robin algorithm (AWS: "the least outstanding requests routing algorithm can not
 * be used with slow start mode", and neither can weighted random), the one the local stand-in's HAProxy has always
 * used with the same ramp ({@code slowstart}).
 */
final class TargetGroups {

    static final int INTERVAL = 5;
    static final int TIMEOUT = 4;
    static final int HEALTHY = 2;
    static final int UNHEALTHY = 2;
    /** Seconds of ramp for a target that becomes healthy: the ALB's least (30; at most 900). */
    static final int SLOW_START = 30;

    private TargetGroups() {
    }

    static Map<String, Object> targetGroup(EcsSettings settings, Object vpc, List<Object> tags) {
        return resource("AWS::ElasticLoadBalancingV2::TargetGroup", obj(
                "TargetType", "ip", "Protocol", "HTTP", "ProtocolVersion", "HTTP1", "Port", settings.containerPort(),
                "VpcId", vpc,
                "HealthCheckEnabled", true, "HealthCheckProtocol", "HTTP",
                "HealthCheckPort", String.valueOf(settings.managementPort()),
                "HealthCheckPath", settings.healthCheckPath(),
                "HealthCheckIntervalSeconds", INTERVAL, "HealthCheckTimeoutSeconds", TIMEOUT,
                "HealthyThresholdCount", HEALTHY, "UnhealthyThresholdCount", UNHEALTHY,
                "Matcher", obj("HttpCode", "200"),
                "TargetGroupAttributes", list(
                        obj("Key", "deregistration_delay.timeout_seconds", "Value", String.valueOf(settings.deregistrationDelay())),
                        // A stateless API: no stickiness, so weights alone decide where a request goes.
                        obj("Key", "stickiness.enabled", "Value", "false"),
                        obj("Key", "load_balancing.algorithm.type", "Value", "round_robin"),
                        obj("Key", "slow_start.duration_seconds", "Value", String.valueOf(SLOW_START))),
                "Tags", tags));
    }
}
