package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;

import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's task definition as the input of {@code aws ecs register-task-definition --cli-input-json}, for
 * those who register task definitions by hand as the tutorial does: the content of the stack's task definition at
 * rest (the topology's local modules, their secrets only). The values only known in the account are
 * {@code ${VARIABLES}} for {@code envsubst}: {@value #VARIABLES}.
 */
final class TaskDefinitionJson {

    static final String VARIABLES = "AWS_ACCOUNT_ID AWS_REGION IMAGE_TAG INTERNAL_LOAD_BALANCER_URL DATABASE_URL"
            + " OWN_DATABASE_URL";

    private TaskDefinitionJson() {
    }

    static Map<String, Object> render(Topology topology, ServiceSpec service, EcsSettings settings) {
        EcsNames names = new EcsNames(topology.name());
        String account = "${AWS_ACCOUNT_ID}";
        String region = "${AWS_REGION}";
        String secretPrefix = "arn:aws:secretsmanager:" + region + ":" + account + ":secret:";
        List<Object> environment = list(
                obj("name", "SPRING_PROFILES_ACTIVE", "value", "prod"),
                obj("name", "SERVER_PORT", "value", String.valueOf(settings.containerPort())),
                obj("name", "MANAGEMENT_SERVER_PORT", "value", String.valueOf(settings.managementPort())),
                obj("name", "FORUM_TOPOLOGY_LOCAL_MODULES", "value", String.join(",", topology.localModules(service.name()))),
                obj("name", "FORUM_TOPOLOGY_REMOTE_BASE_URL", "value", "${INTERNAL_LOAD_BALANCER_URL}"),
                obj("name", "SPRING_DATASOURCE_URL", "value", "${DATABASE_URL}"),
                obj("name", "FORUM_SECURITY_JWT_ISSUERMODULE", "value", settings.identity().issuerModule()),
                obj("name", "FORUM_SECURITY_JWT_JWKSPATH", "value", settings.identity().jwkSetPath()),
                obj("name", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", "value", settings.identity().issuer()),
                obj("name", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "value", settings.identity().audience()));
        List<Object> secrets = new ArrayList<>();
        for (String module : topology.localModules(service.name())) {
            environment.add(obj("name", EcsNames.datasourceVariable(module, "MAXIMUMPOOLSIZE"),
                    "value", String.valueOf(topology.database().poolSize())));
            // A secret's name (a partial ARN, without the random suffix) is enough in the same account and region.
            String runtime = secretPrefix + names.databaseSecret(module);
            String owner = secretPrefix + names.ownerSecret(module);
            secrets.add(obj("name", EcsNames.datasourceVariable(module, "USERNAME"), "valueFrom", runtime + ":username::"));
            secrets.add(obj("name", EcsNames.datasourceVariable(module, "PASSWORD"), "valueFrom", runtime + ":password::"));
            secrets.add(obj("name", EcsNames.datasourceVariable(module, "OWNER_USERNAME"), "valueFrom", owner + ":username::"));
            secrets.add(obj("name", EcsNames.datasourceVariable(module, "OWNER_PASSWORD"), "valueFrom", owner + ":password::"));
        }
        if (service.ownDatabase()) {
            for (String module : service.modules()) {
                String runtime = secretPrefix + names.databaseSecret(module);
                environment.add(obj("name", EcsNames.datasourceVariable(module, "MOVED_URL"), "value", "${OWN_DATABASE_URL}"));
                secrets.add(obj("name", EcsNames.datasourceVariable(module, "MOVED_USERNAME"), "valueFrom", runtime + ":username::"));
                secrets.add(obj("name", EcsNames.datasourceVariable(module, "MOVED_PASSWORD"), "valueFrom", runtime + ":password::"));
            }
        }
        if (topology.localModules(service.name()).contains(settings.identity().issuerModule())) {
            secrets.add(obj("name", "FORUM_SECURITY_JWT_SIGNING_KEYS", "valueFrom", secretPrefix + names.signingKeysSecret()));
        }
        return obj(
                "family", names.family(service.name()),
                "taskRoleArn", "arn:aws:iam::" + account + ":role/" + names.taskRole(service.name()),
                "executionRoleArn", "arn:aws:iam::" + account + ":role/" + names.executionRole(service.name()),
                "networkMode", "awsvpc",
                "requiresCompatibilities", list("FARGATE"),
                "cpu", String.valueOf(service.sizing().cpu()),
                "memory", String.valueOf(service.sizing().memory()),
                "runtimePlatform", obj("cpuArchitecture", "X86_64", "operatingSystemFamily", "LINUX"),
                "volumes", list(obj("name", TaskRoles.TMP_VOLUME)),
                "containerDefinitions", list(obj(
                        "name", service.name(),
                        "image", account + ".dkr.ecr." + region + ".amazonaws.com/" + names.repository(service.name())
                                + ":${IMAGE_TAG}",
                        "essential", true,
                        "user", TaskRoles.USER,
                        "readonlyRootFilesystem", true,
                        "privileged", false,
                        "linuxParameters", obj("capabilities", obj("drop", list("ALL")), "initProcessEnabled", true),
                        "mountPoints", list(obj("sourceVolume", TaskRoles.TMP_VOLUME, "containerPath", "/tmp", "readOnly", false)),
                        "portMappings", list(obj("containerPort", settings.containerPort(), "protocol", "tcp"),
                                obj("containerPort", settings.managementPort(), "protocol", "tcp")),
                        "environment", environment,
                        "secrets", secrets,
                        "stopTimeout", settings.stopTimeout(),
                        "logConfiguration", obj("logDriver", "awslogs", "options", obj(
                                "awslogs-group", names.logGroup(service.name()),
                                "awslogs-region", region,
                                "awslogs-stream-prefix", service.name())))));
    }
}
