package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.allow;
import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.importValue;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.policy;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import java.util.List;
import java.util.Map;

/**
 * The stack of the database bootstrap: a one-off Fargate task that runs {@code deploy/postgres/module-roles.sql}
 * with psql as the RDS admin, from an image we build and push ourselves ({@code deploy/images/build-db-bootstrap.sh})
 * and name by digest, so no public image ever receives the admin password. It creates or updates two roles per
 * module (owner and runtime) with their connection limits; deploy.sh runs it on every deployment (it is safe to
 * repeat) before any service starts.
 */
final class BootstrapStack {

    /** Where the bootstrap image keeps the RDS certificate authorities (psql's {@code PGSSLROOTCERT}). */
    static final String IMAGE_CA_BUNDLE = "/bootstrap/rds-global-bundle.pem";

    private BootstrapStack() {
    }

    static Map<String, Object> render(Topology topology, EcsSettings settings) {
        EcsNames names = new EcsNames(topology.name());
        Map<String, String> tag = Map.of("extract:app", topology.name(), "extract:service", EcsNames.BOOTSTRAP);
        String service = EcsNames.BOOTSTRAP;
        Stack stack = new Stack();
        stack.parameter("Image", obj("Type", "String", "AllowedPattern", "[^@ ]+@sha256:[0-9a-f]{64}",
                "Description", "The bootstrap image, by digest (deploy.sh builds and pushes it to "
                        + names.repository(service) + ")"));

        Object adminSecret = importValue(names.export("DatabaseAdminSecret"));
        List<Object> secretArns = list(adminSecret);
        List<Object> secrets = list(
                obj("Name", "PGUSER", "ValueFrom", join("", adminSecret, ":username::")),
                obj("Name", "PGPASSWORD", "ValueFrom", join("", adminSecret, ":password::")));
        List<Object> environment = list(
                obj("Name", "PGHOST", "Value", importValue(names.export("DatabaseHost"))),
                obj("Name", "PGPORT", "Value", importValue(names.export("DatabasePort"))),
                obj("Name", "PGDATABASE", "Value", names.databaseName()),
                obj("Name", "PGSSLMODE", "Value", "verify-full"),
                obj("Name", "PGSSLROOTCERT", "Value", IMAGE_CA_BUNDLE),
                obj("Name", "PGCONNECT_TIMEOUT", "Value", "10"));
        for (ModuleRoute module : topology.modules()) {
            String m = module.module();
            String variable = EcsNames.shellName(m);
            Object runtime = importValue(names.export("DatabaseSecret" + EcsNames.id(m)));
            Object owner = importValue(names.export("OwnerSecret" + EcsNames.id(m)));
            secretArns.add(runtime);
            secretArns.add(owner);
            environment.add(obj("Name", variable + "_ROLE", "Value", names.databaseRole(m)));
            environment.add(obj("Name", variable + "_OWNER", "Value", names.ownerRole(m)));
            environment.add(obj("Name", variable + "_CONNECTION_LIMIT",
                    "Value", String.valueOf(DatabaseRoles.runtimeConnectionLimit(topology, m))));
            environment.add(obj("Name", variable + "_OWNER_CONNECTION_LIMIT",
                    "Value", String.valueOf(DatabaseRoles.ownerConnectionLimit(topology, m))));
            secrets.add(obj("Name", variable + "_PASSWORD", "ValueFrom", join("", runtime, ":password::")));
            secrets.add(obj("Name", variable + "_OWNER_PASSWORD", "ValueFrom", join("", owner, ":password::")));
        }

        stack.add("LogGroup", resource("AWS::Logs::LogGroup", obj("LogGroupName", names.logGroup(service), "RetentionInDays", 30)));
        stack.add("ExecutionRole", resource("AWS::IAM::Role", obj(
                "RoleName", names.executionRole(service),
                "Description", "Starts the database bootstrap task: its image, its logs and the database secrets, nothing else",
                "AssumeRolePolicyDocument", TaskRoles.assumedByEcsTasks(),
                "Policies", list(obj("PolicyName", "image-logs-database-secrets", "PolicyDocument", policy(
                        allow("ecr:GetAuthorizationToken", "*"),
                        allow(list("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                                importValue(names.export("Repository" + EcsNames.id(service) + "Arn"))),
                        allow(list("logs:CreateLogStream", "logs:PutLogEvents"), getAtt("LogGroup", "Arn")),
                        allow("secretsmanager:GetSecretValue", secretArns),
                        TaskRoles.decryptThroughSecretsManager(importValue(names.export("SecretsKey")))))),
                "Tags", tags(names.executionRole(service), tag))));
        stack.add("TaskDefinition", resource("AWS::ECS::TaskDefinition", obj(
                "Family", names.family(service),
                "RequiresCompatibilities", list("FARGATE"), "NetworkMode", "awsvpc", "Cpu", "256", "Memory", "512",
                "RuntimePlatform", obj("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"),
                "ExecutionRoleArn", getAtt("ExecutionRole", "Arn"),
                "ContainerDefinitions", list(TaskRoles.hardened(obj(
                        "Name", service, "Image", ref("Image"), "Essential", true,
                        "Environment", environment,
                        "Secrets", secrets,
                        "LogConfiguration", TaskRoles.awsLogs(ref("LogGroup"), service)), false)),
                "Tags", tags(names.family(service), tag))));
        stack.output("TaskDefinition", output("The one-off task that creates the module roles and schemas",
                ref("TaskDefinition"), null));
        return stack.template("The " + topology.name() + " database bootstrap task (two roles and a schema per module). "
                + "Generated by extraction-maven-plugin (goal ecs).");
    }
}
