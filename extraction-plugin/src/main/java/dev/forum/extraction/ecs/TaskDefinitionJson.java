package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;

import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's task definition as the input of {@code aws ecs register-task-definition --cli-input-json}, for
 * those who register task definitions by hand as the tutorial does: the content of the stack's task definition at
 * rest (the topology's local modules, their secrets only). The values only known in the account are
 * {@code ${VARIABLES}} for {@code envsubst}: {@value #VARIABLES}, and for each secret the task reads, the full ARN
 * ECS requires in {@code valueFrom} as {@code ${<OUTPUT>_ARN}}, named after the base stack's output that holds it
 * ({@link #secretArn}: {@code ${DATABASE_SECRET_POSTS_ARN}} is output {@code DatabaseSecretPosts},
 * {@code ${DATABASE_ADMIN_SECRET_ARN}} the RDS-managed admin secret of an application with one datasource). The
 * variables both task definitions share come from {@link TaskVariables}.
 */
final class TaskDefinitionJson {

    static final String VARIABLES = "AWS_ACCOUNT_ID AWS_REGION IMAGE_TAG INTERNAL_LOAD_BALANCER_URL DATABASE_URL"
            + " DATABASE_R2DBC_URL OWN_DATABASE_URL";

    private TaskDefinitionJson() {
    }

    private static Map<String, Object> variable(String name, String value) {
        return obj("name", name, "value", value);
    }

    private static Map<String, Object> secret(String name, String valueFrom) {
        return obj("name", name, "valueFrom", valueFrom);
    }

    /**
     * The placeholder of a secret's full ARN (with the random suffix Secrets Manager adds to its name, which only the
     * account knows).
     *
     * @param output the base stack's output that holds the ARN, such as {@code DatabaseSecretPosts}
     * @return {@code ${DATABASE_SECRET_POSTS_ARN}}: the output's name in upper snake case, then {@code _ARN}
     */
    static String secretArn(String output) {
        return "${" + output.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toUpperCase(Locale.ROOT) + "_ARN}";
    }

    /**
     * @return the task definition of {@code service} at rest: the topology's local modules and their secrets only
     */
    static Map<String, Object> render(Topology topology, ServiceSpec service, EcsSettings settings) {
        EcsNames names = new EcsNames(topology.name());
        String account = "${AWS_ACCOUNT_ID}";
        String region = "${AWS_REGION}";
        List<String> modules = List.copyOf(topology.localModules(service.name()));
        List<Object> environment = new ArrayList<>();
        TaskVariables.head(settings).forEach((name, value) -> environment.add(variable(name, value)));
        environment.add(variable(TaskVariables.RUNTIME_LOCAL_MODULES, String.join(",", modules)));
        if (InternalBalancer.reachedBy(topology, settings, modules)) {
            environment.add(variable(TaskVariables.RUNTIME_REMOTE_BASE_URL,
                    "${INTERNAL_LOAD_BALANCER_URL}" + settings.contextPath()));
        }
        if (settings.databaseClients().jdbc()) {
            environment.add(variable("SPRING_DATASOURCE_URL", "${DATABASE_URL}"));
        }
        if (settings.databaseClients().r2dbc()) {
            environment.add(variable(TaskVariables.R2DBC_URL, "${DATABASE_R2DBC_URL}"));
        }
        TaskVariables.tail(settings).forEach((name, value) -> environment.add(variable(name, value)));
        String poolSize = String.valueOf(topology.database().poolSize());
        List<Object> secrets = new ArrayList<>();
        // Without a database, no datasource settings and no credentials (least privilege).
        if (settings.database() && settings.moduleDatabases()) {
            for (String module : modules) {
                environment.add(variable(TaskVariables.poolSize(settings, module), poolSize));
                String runtime = secretArn("DatabaseSecret" + EcsNames.id(module));
                String owner = secretArn("OwnerSecret" + EcsNames.id(module));
                TaskVariables.runtime(settings, module).forEach(c -> secrets.add(secret(c.variable(), c.valueFrom(runtime))));
                TaskVariables.owner(settings, module).forEach(c -> secrets.add(secret(c.variable(), c.valueFrom(owner))));
            }
        } else if (settings.database()) {
            if (settings.databaseClients().jdbc()) {
                environment.add(variable(TaskVariables.poolSize(settings, null), poolSize));
            }
            TaskVariables.single(settings.databaseClients())
                    .forEach(c -> secrets.add(secret(c.variable(), c.valueFrom(secretArn("DatabaseAdminSecret")))));
        }
        if (service.ownDatabase()) {
            for (String module : service.modules()) {
                String runtime = secretArn("DatabaseSecret" + EcsNames.id(module));
                environment.add(variable(EcsNames.datasourceVariable(settings, module, "MOVED_URL"), "${OWN_DATABASE_URL}"));
                TaskVariables.moved(settings, module).forEach(c -> secrets.add(secret(c.variable(), c.valueFrom(runtime))));
            }
        }
        if (settings.tokens() && modules.contains(settings.identity().issuerModule())) {
            secrets.add(secret(TaskVariables.signingKeys(settings), secretArn("SigningKeysSecret")));
        }
        service.environment().forEach((name, value) -> environment.add(variable(name, value)));
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
