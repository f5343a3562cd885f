package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.allow;
import static dev.forum.extraction.ecs.Cfn.findInMap;
import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.importValue;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.policy;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.sub;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.PathPattern;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's stack: its log group, an execution role and a task role of its own, the Fargate task definition,
 * the ECS service (with autoscaling) and, for an extracted service, its target group and the listener rules of
 * the modules it holds.
 *
 * <p>Zero downtime, in the order CloudFormation creates things: an extracted service's listener rules (which
 * attach its target group to the load balancer) come before its ECS service, which depends on them; the rules
 * split each module's routes between the monolith and the service by the {@code Traffic} parameter, which
 * deploy.sh keeps at its current value (0 for a new stack) until the service is stable, and raises afterwards.
 * The monolith's modules are the {@code LocalModules} parameter, widened to every module before weights move and
 * narrowed to the topology's set after (see {@link DeployScript}).
 */
final class ServiceStack {

    private final Topology topology;
    private final ServiceSpec service;
    private final EcsSettings settings;
    private final EcsNames names;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> mappings = new LinkedHashMap<>();
    private final Map<String, Object> resources = new LinkedHashMap<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();

    private ServiceStack(Topology topology, ServiceSpec service, EcsSettings settings) {
        this.topology = topology;
        this.service = service;
        this.settings = settings;
        this.names = new EcsNames(topology.name());
    }

    static Map<String, Object> render(Topology topology, ServiceSpec service, EcsSettings settings) {
        return new ServiceStack(topology, service, settings).render();
    }

    /** The modules whose database secrets the service's tasks get: every module for the monolith (it may widen). */
    static List<String> databaseModules(Topology topology, ServiceSpec service) {
        return service.monolith() ? topology.modules().stream().map(ModuleRoute::module).toList() : service.modules();
    }

    private Map<String, Object> render() {
        parameters.put("ImageTag", obj("Type", "String", "AllowedPattern", "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}",
                "Description", "The tag of the " + service.name() + " image in " + names.repository(service.name())
                        + " (deploy.sh uses the image's content digest)"));
        Object localModules;
        if (service.monolith()) {
            parameters.put("LocalModules", obj("Type", "String",
                    // A monolith the topology leaves nothing is not deployed (deploy.sh retires it); its template still
                    // names a valid set: the application refuses to start with no local module.
                    "Default", String.join(",", topology.monolithDeployed() ? topology.localModules(service.name())
                            : topology.modules().stream().map(ModuleRoute::module).toList()),
                    "AllowedPattern", "[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*)*",
                    "Description", "The modules the monolith runs in process; the others are reached through the load "
                            + "balancer. deploy.sh sets every module before it moves traffic and the topology's set after."));
            localModules = ref("LocalModules");
        } else {
            parameters.put("Traffic", obj("Type", "Number", "MinValue", 0, "MaxValue", 100,
                    "Default", service.traffic(),
                    "Description", "The share (0-100) of the routes of " + String.join(", ", service.modules())
                            + " this service takes; the monolith takes the rest. 0 -> 10 -> 50 -> 100 is a cutover, "
                            + "setting it back a rollback."));
            Map<String, Object> split = new LinkedHashMap<>();
            for (int share = 0; share <= 100; share++) {
                split.put(String.valueOf(share), obj("Monolith", 100 - share));
            }
            mappings.put("TrafficSplit", split);
            localModules = String.join(",", service.modules());
        }

        logsAndRoles();
        taskDefinition(localModules);
        List<String> rules = service.monolith() ? List.of() : targetGroupAndRules();
        ecsService(rules);
        autoscaling();
        return Cfn.template("The " + service.name() + " service of " + topology.name() + " ("
                + (service.monolith() ? "the monolith" : "modules " + String.join(", ", service.modules())) + "), from "
                + java.nio.file.Path.of(topology.source()).getFileName() + ". Generated by extraction-maven-plugin (goal ecs).",
                parameters, mappings, Map.of(), resources, outputs);
    }

    private Map<String, String> tagsOf() {
        return Map.of("extract:app", topology.name(), "extract:service", service.name());
    }

    private void logsAndRoles() {
        resources.put("LogGroup", resource("AWS::Logs::LogGroup", obj("LogGroupName", names.logGroup(service.name()),
                "RetentionInDays", 30)));
        String repositoryId = "Repository" + EcsNames.id(service.name());
        List<Object> secrets = new ArrayList<>();
        for (String module : databaseModules(topology, service)) {
            secrets.add(importValue(names.export("DatabaseSecret" + EcsNames.id(module))));
        }
        // The execution role starts the task: pull this service's image, write its log group, read its modules'
        // database secrets. Nothing else.
        resources.put("ExecutionRole", resource("AWS::IAM::Role", obj(
                "RoleName", names.executionRole(service.name()),
                "Description", "Starts " + service.name() + " tasks: its image, its logs, its modules' database secrets",
                "AssumeRolePolicyDocument", TaskRoles.assumedByEcsTasks(),
                "Policies", list(obj("PolicyName", "image-logs-secrets", "PolicyDocument", policy(
                        allow("ecr:GetAuthorizationToken", "*"),
                        allow(list("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                                importValue(names.export(repositoryId + "Arn"))),
                        allow(list("logs:CreateLogStream", "logs:PutLogEvents"), getAtt("LogGroup", "Arn")),
                        allow("secretsmanager:GetSecretValue", secrets)))),
                "Tags", tags(names.executionRole(service.name()), tagsOf()))));
        // The application calls no AWS API: its task role has no permission at all (least privilege). Add a policy
        // here when a module needs one, for this service only.
        resources.put("TaskRole", resource("AWS::IAM::Role", obj(
                "RoleName", names.taskRole(service.name()),
                "Description", "The " + service.name() + " application's own AWS permissions: none",
                "AssumeRolePolicyDocument", TaskRoles.assumedByEcsTasks(),
                "Tags", tags(names.taskRole(service.name()), tagsOf()))));
    }

    private void taskDefinition(Object localModules) {
        String repositoryId = "Repository" + EcsNames.id(service.name());
        List<Object> environment = list(
                obj("Name", "SPRING_PROFILES_ACTIVE", "Value", "prod"),
                obj("Name", "FORUM_TOPOLOGY_LOCAL_MODULES", "Value", localModules),
                // Every remote module is behind the load balancer: the path rules send each call to its holder.
                obj("Name", "FORUM_TOPOLOGY_REMOTE_BASE_URL", "Value", importValue(names.export("LoadBalancerUrl"))),
                obj("Name", "SPRING_DATASOURCE_URL", "Value", importValue(names.export("DatabaseUrl"))));
        List<Object> secrets = new ArrayList<>();
        for (String module : databaseModules(topology, service)) {
            Object arn = importValue(names.export("DatabaseSecret" + EcsNames.id(module)));
            secrets.add(obj("Name", EcsNames.datasourceVariable(module, "USERNAME"), "ValueFrom", join("", arn, ":username::")));
            secrets.add(obj("Name", EcsNames.datasourceVariable(module, "PASSWORD"), "ValueFrom", join("", arn, ":password::")));
        }
        resources.put("TaskDefinition", resource("AWS::ECS::TaskDefinition", obj(
                "Family", names.family(service.name()),
                "RequiresCompatibilities", list("FARGATE"), "NetworkMode", "awsvpc",
                "Cpu", String.valueOf(service.sizing().cpu()), "Memory", String.valueOf(service.sizing().memory()),
                "RuntimePlatform", obj("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"),
                "ExecutionRoleArn", getAtt("ExecutionRole", "Arn"),
                "TaskRoleArn", getAtt("TaskRole", "Arn"),
                "ContainerDefinitions", list(obj(
                        "Name", service.name(),
                        "Image", join("", importValue(names.export(repositoryId + "Uri")), ":", ref("ImageTag")),
                        "Essential", true,
                        "PortMappings", list(obj("ContainerPort", settings.containerPort(), "Protocol", "tcp")),
                        "Environment", environment,
                        "Secrets", secrets,
                        // ECS drains the target first (deregistration delay), then sends SIGTERM; the application
                        // finishes its requests within its shutdown phase (20 s), below this timeout.
                        "StopTimeout", settings.stopTimeout(),
                        "LogConfiguration", TaskRoles.awsLogs(ref("LogGroup"), service.name()))),
                "Tags", tags(names.family(service.name()), tagsOf()))));
    }

    /** The service's target group and, per module it holds, the weighted rule; returns the rules' logical ids. */
    private List<String> targetGroupAndRules() {
        resources.put("TargetGroup", TargetGroups.targetGroup(settings, importValue(names.export("VpcId")),
                tags(names.family(service.name()), tagsOf())));
        List<String> ids = new ArrayList<>();
        for (RoutingRule rule : topology.routingRules()) {
            boolean held = topology.extractedHolder(rule.module()).map(s -> s.name().equals(service.name())).orElse(false);
            if (!held) {
                continue;
            }
            String ruleId = "Rule" + EcsNames.id(rule.module());
            List<Object> patterns = new ArrayList<>();
            for (PathPattern pattern : rule.patterns()) {
                patterns.add(pattern.pattern());
            }
            // The monolith's target group is always a target: its weight is 100 - Traffic, so rolling back is a
            // parameter change. With no monolith deployed the topology has Traffic 100 and its weight is 0.
            List<Object> targets = list(
                    obj("TargetGroupArn", importValue(names.export("MonolithTargetGroup")),
                            "Weight", findInMap("TrafficSplit", ref("Traffic"), "Monolith")),
                    obj("TargetGroupArn", ref("TargetGroup"), "Weight", ref("Traffic")));
            resources.put(ruleId, resource("AWS::ElasticLoadBalancingV2::ListenerRule", obj(
                    "ListenerArn", importValue(names.export("Listener")),
                    "Priority", rule.priority(),
                    "Conditions", list(obj("Field", "path-pattern", "PathPatternConfig", obj("Values", patterns))),
                    "Actions", list(obj("Type", "forward", "ForwardConfig", obj(
                            "TargetGroups", targets,
                            "TargetGroupStickinessConfig", obj("Enabled", false)))))));
            ids.add(ruleId);
        }
        outputs.put("TargetGroup", output("The " + service.name() + " target group", ref("TargetGroup"), null));
        return ids;
    }

    private void ecsService(List<String> rules) {
        Object targetGroup = service.monolith() ? importValue(names.export("MonolithTargetGroup")) : ref("TargetGroup");
        Map<String, Object> ecs = resource("AWS::ECS::Service", obj(
                "ServiceName", names.family(service.name()),
                "Cluster", importValue(names.export("Cluster")),
                "LaunchType", "FARGATE", "PlatformVersion", "LATEST",
                "TaskDefinition", ref("TaskDefinition"),
                "DesiredCount", service.count(),
                // A rolling deployment never drops below the desired count (new tasks start first, up to twice as
                // many), and a deployment whose tasks do not become healthy is rolled back by ECS itself.
                "DeploymentConfiguration", obj("MinimumHealthyPercent", 100, "MaximumPercent", 200,
                        "DeploymentCircuitBreaker", obj("Enable", true, "Rollback", true)),
                "DeploymentController", obj("Type", "ECS"),
                "HealthCheckGracePeriodSeconds", settings.healthCheckGracePeriod(),
                "LoadBalancers", list(obj("ContainerName", service.name(), "ContainerPort", settings.containerPort(),
                        "TargetGroupArn", targetGroup)),
                // Private subnets in two zones (ECS spreads the tasks across them), no public IP, and the task
                // security group, which admits only the load balancer.
                "NetworkConfiguration", obj("AwsvpcConfiguration", obj(
                        "AssignPublicIp", "DISABLED",
                        "Subnets", list(importValue(names.export("PrivateSubnetA")), importValue(names.export("PrivateSubnetB"))),
                        "SecurityGroups", list(importValue(names.export("TaskSecurityGroup"))))),
                "PropagateTags", "SERVICE", "EnableECSManagedTags", true,
                "Tags", tags(names.family(service.name()), tagsOf())));
        if (!rules.isEmpty()) {
            // The target group must be attached to the listener before the service registers tasks into it.
            ecs.put("DependsOn", List.copyOf(rules));
        }
        resources.put("Service", ecs);
        outputs.put("ServiceName", output("The ECS service", getAtt("Service", "Name"), null));
    }

    private void autoscaling() {
        resources.put("ScalableTarget", resource("AWS::ApplicationAutoScaling::ScalableTarget", obj(
                "ServiceNamespace", "ecs", "ScalableDimension", "ecs:service:DesiredCount",
                "ResourceId", join("/", "service", importValue(names.export("Cluster")), getAtt("Service", "Name")),
                "MinCapacity", service.autoscaling().min(), "MaxCapacity", service.autoscaling().max(),
                "RoleARN", sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
                        + "ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService"))));
        resources.put("ScalingPolicy", resource("AWS::ApplicationAutoScaling::ScalingPolicy", obj(
                "PolicyName", names.family(service.name()) + "-cpu",
                "PolicyType", "TargetTrackingScaling",
                "ScalingTargetId", ref("ScalableTarget"),
                "TargetTrackingScalingPolicyConfiguration", obj(
                        "PredefinedMetricSpecification", obj("PredefinedMetricType", "ECSServiceAverageCPUUtilization"),
                        "TargetValue", service.autoscaling().cpuTarget(),
                        "ScaleInCooldown", 120, "ScaleOutCooldown", 60))));
    }
}
