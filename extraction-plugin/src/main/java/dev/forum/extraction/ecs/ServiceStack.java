package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.allow;
import static dev.forum.extraction.ecs.Cfn.equalTo;
import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.ifThen;
import static dev.forum.extraction.ecs.Cfn.importValue;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.noValue;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.policy;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.sub;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One service's stack: its security group (in from the two load balancers only; out to the internal load balancer
 * where it calls a remote module, the database and the AWS endpoints only), log group, an execution role and an
 * empty task role of its own, the hardened Fargate task definition, the ECS service (with autoscaling) registered
 * with both load balancers and, for an extracted service, its two target groups and, per module it holds, the same
 * weighted rule on the public and on the internal listener.
 *
 * <p>Zero downtime, in the order CloudFormation creates things: an extracted service's listener rules (which
 * attach its target groups to the load balancers) come before its ECS service, which depends on them; the rules
 * split each module's routes between the monolith and the service by the {@code Traffic} parameter, which
 * deploy.sh keeps at its current value (0 for a new stack) until the service is stable, and raises afterwards.
 * The monolith's modules are the {@code LocalModules} parameter, widened to every module before weights move and
 * narrowed to the topology's set after (see {@link DeployScript}); a task gets the database secrets of the modules
 * it holds in that step only.
 *
 * <p>This class holds the parameters, roles, ECS service and autoscaling; the task definition and the secrets its
 * execution role reads are {@link ServiceTask}'s, the target groups and listener rules {@link ServiceRules}'.
 */
final class ServiceStack {

    private final Topology topology;
    private final ServiceSpec service;
    private final EcsSettings settings;
    private final EcsNames names;
    private final Map<String, String> tag;
    private final Stack stack = new Stack();
    /** For the monolith: the condition under which it holds a module; absent when it always does. */
    private final Map<String, String> holdsCondition = new LinkedHashMap<>();
    private final ServiceTask task;

    private ServiceStack(Topology topology, ServiceSpec service, EcsSettings settings) {
        this.topology = topology;
        this.service = service;
        this.settings = settings;
        this.names = new EcsNames(topology.name());
        this.tag = Map.of("extract:app", topology.name(), "extract:service", service.name());
        this.task = new ServiceTask(topology, service, settings, holdsCondition);
    }

    static Map<String, Object> render(Topology topology, ServiceSpec service, EcsSettings settings) {
        return new ServiceStack(topology, service, settings).render();
    }

    /** The modules whose secrets the service's stack may give its tasks: every module for the monolith (it may widen). */
    static List<String> databaseModules(Topology topology, ServiceSpec service) {
        return ServiceTask.databaseModules(topology, service);
    }

    /**
     * The module sets the monolith's {@code LocalModules} may take: every module (widen), every module but those of
     * any combination of services with a database of their own (widen, where such a service already takes 100 % of
     * its routes: its data may be in its own database, which the monolith never reaches; deploy.sh picks the set),
     * and the topology's (narrow).
     */
    static List<String> monolithModuleSets(Topology topology) {
        Set<String> sets = new LinkedHashSet<>();
        List<ServiceSpec> own = topology.extracted().stream().filter(ServiceSpec::ownDatabase).toList();
        for (int subset = 0; subset < 1 << own.size(); subset++) {
            Set<String> moved = new LinkedHashSet<>();
            for (int i = 0; i < own.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    moved.addAll(own.get(i).modules());
                }
            }
            List<String> widened = allModules(topology).stream().filter(m -> !moved.contains(m)).toList();
            if (!widened.isEmpty()) {
                sets.add(String.join(",", widened));
            }
        }
        if (topology.monolithDeployed()) {
            sets.add(String.join(",", topology.localModules(topology.monolith().name())));
        }
        return List.copyOf(sets);
    }

    private static List<String> allModules(Topology topology) {
        return topology.modules().stream().map(ModuleRoute::module).toList();
    }

    private Map<String, Object> render() {
        stack.parameter("ImageTag", obj("Type", "String", "AllowedPattern", "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}",
                "Description", "The tag of the " + service.name() + " image in " + names.repository(service.name())
                        + " (deploy.sh uses the image's content digest)"));
        Object localModules;
        if (service.monolith()) {
            localModules = monolithParameters();
        } else {
            extractedParameters();
            localModules = String.join(",", service.modules());
        }
        ServiceSecurityGroup.add(stack, topology.name(), service, settings, names, tag, task.reachesInternalBalancer());
        logsAndRoles();
        stack.add("TaskDefinition", task.taskDefinition(localModules, tag));
        List<String> rules = service.monolith() ? List.of() : ServiceRules.add(stack, topology, service, settings, tag);
        ecsService(rules);
        autoscaling();
        return stack.template("The " + service.name() + " service of " + topology.name() + " ("
                + (service.monolith() ? "the monolith" : "modules " + String.join(", ", service.modules())) + "), from "
                + java.nio.file.Path.of(topology.source()).getFileName() + ". Generated by extraction-maven-plugin (goal ecs).");
    }

    private Object monolithParameters() {
        List<String> sets = monolithModuleSets(topology);
        // A monolith the topology leaves nothing is not deployed (deploy.sh retires it); its template still names a
        // valid set: the application refuses to start with no local module.
        stack.parameter("LocalModules", obj("Type", "String", "Default", sets.get(sets.size() - 1), "AllowedValues", sets,
                "Description", "The modules the monolith runs in process; the others are reached through the internal load "
                        + "balancer. deploy.sh sets every module before it moves traffic and the topology's set after."));
        for (String module : allModules(topology)) {
            List<Object> holding = new ArrayList<>();
            for (String set : sets) {
                if (List.of(set.split(",")).contains(module)) {
                    holding.add(equalTo(ref("LocalModules"), set));
                }
            }
            if (holding.size() < sets.size()) {
                String condition = "Holds" + EcsNames.id(module);
                stack.condition(condition, Cfn.or(holding));
                holdsCondition.put(module, condition);
            }
        }
        return ref("LocalModules");
    }

    private void extractedParameters() {
        // AllowedValues, not MinValue..MaxValue: a Number range takes fractions (12.5), which TrafficSplit has no key for.
        List<Integer> shares = java.util.stream.IntStream.rangeClosed(0, 100).boxed().toList();
        stack.parameter("Traffic", obj("Type", "Number", "AllowedValues", shares, "Default", service.traffic(),
                "ConstraintDescription", "a whole number from 0 to 100",
                "Description", "The share (0-100) of the routes of " + String.join(", ", service.modules())
                        + " this service takes; the monolith takes the rest. 0 -> 10 -> 50 -> 100 is a cutover, "
                        + "setting it back a rollback."));
        stack.parameter("PublicListener", obj("Type", "String",
                "AllowedPattern", "arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/.+",
                "Description", "The internet-facing load balancer's serving listener (the base stack's PublicListener "
                        + "output: HTTPS, or HTTP on a test stack); deploy.sh passes it"));
        Map<String, Object> split = new LinkedHashMap<>();
        for (int share = 0; share <= 100; share++) {
            split.put(String.valueOf(share), obj("Monolith", 100 - share));
        }
        stack.mappings.put("TrafficSplit", split);
    }

    private void logsAndRoles() {
        stack.add("LogGroup", resource("AWS::Logs::LogGroup", obj("LogGroupName", names.logGroup(service.name()),
                "RetentionInDays", 30)));
        String repositoryId = "Repository" + EcsNames.id(service.name());
        List<Object> secrets = task.executionSecrets();
        // The execution role starts the task: pull this service's image, write its log group, read the secrets of
        // the modules it holds in this step. Nothing else.
        List<Object> statements = list(
                allow("ecr:GetAuthorizationToken", "*"),
                allow(list("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                        importValue(names.export(repositoryId + "Arn"))),
                allow(list("logs:CreateLogStream", "logs:PutLogEvents"), getAtt("LogGroup", "Arn")));
        if (!secrets.isEmpty()) {
            String condition = task.secretsCondition();
            for (Object statement : List.of(allow("secretsmanager:GetSecretValue", secrets),
                    TaskRoles.decryptThroughSecretsManager(importValue(names.export("SecretsKey"))))) {
                statements.add(condition == null ? statement : ifThen(condition, statement, noValue()));
            }
        }
        stack.add("ExecutionRole", resource("AWS::IAM::Role", obj(
                "RoleName", names.executionRole(service.name()),
                "Description", "Starts " + service.name() + " tasks: its image, its logs"
                        + (secrets.isEmpty() ? "" : ", its modules' secrets"),
                "AssumeRolePolicyDocument", TaskRoles.assumedByEcsTasks(),
                "Policies", list(obj("PolicyName", secrets.isEmpty() ? "image-logs" : "image-logs-secrets",
                        "PolicyDocument", policy(statements.toArray()))),
                "Tags", tags(names.executionRole(service.name()), tag))));
        // The application calls no AWS API: its task role has no permission at all (least privilege). Add a policy
        // here when a module needs one, for this service only.
        stack.add("TaskRole", resource("AWS::IAM::Role", obj(
                "RoleName", names.taskRole(service.name()),
                "Description", "The " + service.name() + " application's own AWS permissions: none",
                "AssumeRolePolicyDocument", TaskRoles.assumedByEcsTasks(),
                "Tags", tags(names.taskRole(service.name()), tag))));
    }

    private void ecsService(List<String> rules) {
        Object publicGroup = service.monolith() ? importValue(names.export("MonolithTargetGroup")) : ref("TargetGroup");
        Object internalGroup = service.monolith() ? importValue(names.export("MonolithInternalTargetGroup")) : ref("InternalTargetGroup");
        Map<String, Object> ecs = stack.add("Service", resource("AWS::ECS::Service", obj(
                "ServiceName", names.family(service.name()),
                "Cluster", importValue(names.export("Cluster")),
                "LaunchType", "FARGATE", "PlatformVersion", "LATEST",
                "TaskDefinition", ref("TaskDefinition"),
                "DesiredCount", service.count(),
                // A rolling deployment never drops below the desired count (new tasks start first, up to twice as
                // many), and a deployment whose tasks do not become healthy is rolled back by ECS itself.
                "DeploymentConfiguration", obj("MinimumHealthyPercent", 100, "MaximumPercent", DatabaseRoles.DEPLOYMENT_MAXIMUM_PERCENT,
                        "DeploymentCircuitBreaker", obj("Enable", true, "Rollback", true)),
                "DeploymentController", obj("Type", "ECS"),
                "HealthCheckGracePeriodSeconds", settings.healthCheckGracePeriod(),
                // Registered with both load balancers: the public one for clients, the internal one for other modules.
                "LoadBalancers", list(
                        obj("ContainerName", service.name(), "ContainerPort", settings.containerPort(), "TargetGroupArn", publicGroup),
                        obj("ContainerName", service.name(), "ContainerPort", settings.containerPort(), "TargetGroupArn", internalGroup)),
                // Private subnets in two zones (ECS spreads the tasks across them), no public IP, and the service's
                // own security group.
                "NetworkConfiguration", obj("AwsvpcConfiguration", obj(
                        "AssignPublicIp", "DISABLED",
                        "Subnets", list(importValue(names.export("PrivateSubnetA")), importValue(names.export("PrivateSubnetB"))),
                        "SecurityGroups", list(getAtt("SecurityGroup", "GroupId")))),
                "PropagateTags", "SERVICE", "EnableECSManagedTags", true,
                "Tags", tags(names.family(service.name()), tag))));
        // The target groups are attached to the listeners, and the paths to the database and the endpoints are open,
        // before the service starts tasks.
        List<String> dependsOn = new ArrayList<>(rules);
        if (settings.database()) {
            dependsOn.add("DatabaseFromTasks");
        }
        if (task.reachesInternalBalancer()) {
            dependsOn.add("InternalLoadBalancerFromTasks");
        }
        dependsOn.addAll(List.of("EndpointsFromTasks", "LoadBalancerHealthChecks", "InternalLoadBalancerHealthChecks"));
        if (service.ownDatabase()) {
            dependsOn.add("OwnDatabaseFromTasks");
        }
        ecs.put("DependsOn", dependsOn);
        stack.output("ServiceName", output("The ECS service", getAtt("Service", "Name"), null));
    }

    private void autoscaling() {
        stack.add("ScalableTarget", resource("AWS::ApplicationAutoScaling::ScalableTarget", obj(
                "ServiceNamespace", "ecs", "ScalableDimension", "ecs:service:DesiredCount",
                "ResourceId", join("/", "service", importValue(names.export("Cluster")), getAtt("Service", "Name")),
                "MinCapacity", service.autoscaling().min(), "MaxCapacity", service.autoscaling().max(),
                "RoleARN", sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
                        + "ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService"))));
        stack.add("ScalingPolicy", resource("AWS::ApplicationAutoScaling::ScalingPolicy", obj(
                "PolicyName", names.family(service.name()) + "-cpu",
                "PolicyType", "TargetTrackingScaling",
                "ScalingTargetId", ref("ScalableTarget"),
                "TargetTrackingScalingPolicyConfiguration", obj(
                        "PredefinedMetricSpecification", obj("PredefinedMetricType", "ECSServiceAverageCPUUtilization"),
                        "TargetValue", service.autoscaling().cpuTarget(),
                        "ScaleInCooldown", 120, "ScaleOutCooldown", 60))));
    }
}
