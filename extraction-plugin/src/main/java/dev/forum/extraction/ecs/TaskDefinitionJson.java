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
 * those who register task definitions by hand as the tutorial does. The same content as the stack's task
 * definition; the values only known in the account are {@code ${VARIABLES}} for {@code envsubst}:
 * {@value #VARIABLES}.
 */
final class TaskDefinitionJson {

    static final String VARIABLES = "AWS_ACCOUNT_ID AWS_REGION IMAGE_TAG LOAD_BALANCER_URL DATABASE_URL";

    private TaskDefinitionJson() {
    }

    static Map<String, Object> render(Topology topology, ServiceSpec service, EcsSettings settings) {
        EcsNames names = new EcsNames(topology.name());
        String account = "${AWS_ACCOUNT_ID}";
        String region = "${AWS_REGION}";
        List<Object> secrets = new ArrayList<>();
        for (String module : ServiceStack.databaseModules(topology, service)) {
            // A secret's name (a partial ARN, without the random suffix) is enough in the same account and region.
            String arn = "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + names.databaseSecret(module);
            secrets.add(obj("name", EcsNames.datasourceVariable(module, "USERNAME"), "valueFrom", arn + ":username::"));
            secrets.add(obj("name", EcsNames.datasourceVariable(module, "PASSWORD"), "valueFrom", arn + ":password::"));
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
                "containerDefinitions", list(obj(
                        "name", service.name(),
                        "image", account + ".dkr.ecr." + region + ".amazonaws.com/" + names.repository(service.name())
                                + ":${IMAGE_TAG}",
                        "essential", true,
                        "portMappings", list(obj("containerPort", settings.containerPort(), "protocol", "tcp")),
                        "environment", list(
                                obj("name", "SPRING_PROFILES_ACTIVE", "value", "prod"),
                                obj("name", "FORUM_TOPOLOGY_LOCAL_MODULES",
                                        "value", String.join(",", topology.localModules(service.name()))),
                                obj("name", "FORUM_TOPOLOGY_REMOTE_BASE_URL", "value", "${LOAD_BALANCER_URL}"),
                                obj("name", "SPRING_DATASOURCE_URL", "value", "${DATABASE_URL}")),
                        "secrets", secrets,
                        "stopTimeout", settings.stopTimeout(),
                        "logConfiguration", obj("logDriver", "awslogs", "options", obj(
                                "awslogs-group", names.logGroup(service.name()),
                                "awslogs-region", region,
                                "awslogs-stream-prefix", service.name())))));
    }
}
