package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.importValue;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's own security group, in its stack: in, the application and management ports from the two load
 * balancers' groups only; out, the internal load balancer (where the tasks call a remote module), the database (when
 * the application has one), the interface endpoints and S3's prefix list only. The base stack's groups start with no
 * rule: this stack opens the other side of each path for this service's group, so deleting the service closes them.
 */
final class ServiceSecurityGroup {

    private ServiceSecurityGroup() {
    }

    /**
     * @param internalBalancer whether the service's tasks call out through the internal load balancer
     *                         ({@link InternalBalancer#reachedBy}): the path there is opened only then
     */
    static void add(Stack stack, String app, ServiceSpec spec, EcsSettings settings, EcsNames names, Map<String, String> tag,
            boolean internalBalancer) {
        String service = spec.name();
        Object self = getAtt("SecurityGroup", "GroupId");
        Object publicBalancer = importValue(names.export("LoadBalancerSecurityGroup"));
        Object internalBalancerGroup = importValue(names.export("InternalLoadBalancerSecurityGroup"));
        int application = settings.containerPort();
        int management = settings.managementPort();
        List<Object> egress = new ArrayList<>();
        if (internalBalancer) {
            egress.add(port(InternalBalancer.PORT, "DestinationSecurityGroupId", internalBalancerGroup,
                    settings.tokens() ? "Remote modules and token keys" : "Remote modules"));
        }
        if (settings.database()) {
            egress.add(port(5432, "DestinationSecurityGroupId", importValue(names.export("DatabaseSecurityGroup")),
                    "PostgreSQL"));
        }
        egress.addAll(list(
                port(443, "DestinationSecurityGroupId", importValue(names.export("EndpointSecurityGroup")),
                        settings.secrets() ? "ECR, CloudWatch Logs, Secrets Manager endpoints" : "ECR, CloudWatch Logs endpoints"),
                port(443, "DestinationPrefixListId", importValue(names.export("S3PrefixList")),
                        "S3 (ECR's image layers), through the gateway endpoint")));
        Object ownDatabase = importValue(names.ownDatabaseExport(service, "DatabaseSecurityGroup"));
        if (spec.ownDatabase()) {
            egress.add(port(5432, "DestinationSecurityGroupId", ownDatabase, "PostgreSQL: the service's own database"));
        }
        stack.add("SecurityGroup", resource("AWS::EC2::SecurityGroup", obj(
                "GroupDescription", app + " " + service + " tasks: in from the load balancers only; out to "
                        + (internalBalancer ? "the internal load balancer, " : "")
                        + (settings.database() ? "the database and " : "") + "the AWS endpoints only",
                "VpcId", importValue(names.export("VpcId")),
                "SecurityGroupIngress", list(
                        port(application, "SourceSecurityGroupId", publicBalancer, "The application port from the internet-facing load balancer"),
                        port(management, "SourceSecurityGroupId", publicBalancer, "Health checks from the internet-facing load balancer"),
                        port(application, "SourceSecurityGroupId", internalBalancerGroup,
                                "The application port from the internal load balancer"),
                        port(management, "SourceSecurityGroupId", internalBalancerGroup,
                                "Health checks from the internal load balancer")),
                "SecurityGroupEgress", egress,
                "Tags", tags(names.family(service), tag))));
        // The other side of each path, on the base stack's groups (which start with no rule of their own).
        crossStack(stack, "LoadBalancerToTasks", "AWS::EC2::SecurityGroupEgress", publicBalancer, application, "DestinationSecurityGroupId", self,
                "To " + service + " tasks");
        crossStack(stack, "LoadBalancerHealthChecks", "AWS::EC2::SecurityGroupEgress", publicBalancer, management,
                "DestinationSecurityGroupId", self, "Health checks of " + service + " tasks");
        crossStack(stack, "InternalLoadBalancerToTasks", "AWS::EC2::SecurityGroupEgress", internalBalancerGroup, application,
                "DestinationSecurityGroupId", self, "To " + service + " tasks");
        crossStack(stack, "InternalLoadBalancerHealthChecks", "AWS::EC2::SecurityGroupEgress", internalBalancerGroup, management,
                "DestinationSecurityGroupId", self, "Health checks of " + service + " tasks");
        if (internalBalancer) {
            crossStack(stack, "InternalLoadBalancerFromTasks", "AWS::EC2::SecurityGroupIngress", internalBalancerGroup,
                    InternalBalancer.PORT, "SourceSecurityGroupId", self, "From " + service + " tasks");
        }
        if (settings.database()) {
            crossStack(stack, "DatabaseFromTasks", "AWS::EC2::SecurityGroupIngress", importValue(names.export("DatabaseSecurityGroup")),
                    5432, "SourceSecurityGroupId", self, "PostgreSQL from " + service + " tasks");
        }
        if (spec.ownDatabase()) {
            crossStack(stack, "OwnDatabaseFromTasks", "AWS::EC2::SecurityGroupIngress", ownDatabase, 5432, "SourceSecurityGroupId",
                    self, "PostgreSQL from " + service + " tasks");
        }
        crossStack(stack, "EndpointsFromTasks", "AWS::EC2::SecurityGroupIngress", importValue(names.export("EndpointSecurityGroup")), 443,
                "SourceSecurityGroupId", self, "HTTPS from " + service + " tasks");
    }

    private static Map<String, Object> port(int port, String peerKey, Object peer, String description) {
        return obj("IpProtocol", "tcp", "FromPort", port, "ToPort", port, peerKey, peer, "Description", description);
    }

    private static void crossStack(Stack stack, String id, String type, Object group, int port, String peerKey, Object peer, String description) {
        Map<String, Object> rule = port(port, peerKey, peer, description);
        Map<String, Object> properties = obj("GroupId", group);
        properties.putAll(rule);
        stack.add(id, resource(type, properties));
    }

}
