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

import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.List;
import java.util.Map;

/**
 * The data move's one-off Fargate tasks in a service's own-database stack (deploy.sh runs them with
 * {@code aws ecs run-task}): per module of the service, {@code MoveTask<Module>} runs
 * {@code data-move move} from the shared database ({@value #SHARED}) to the service's own ({@value #OWN}) and
 * {@code MoveBackTask<Module>} the same with source and target swapped and {@code --then-drop-source} (a rollback: a
 * switch back over the way back, not a second copy, then the own instance's copy and every replication slot of the
 * module dropped, so the rolled-back stack can be deleted without leaving a slot that holds WAL on the shared one). {@code DropSourceTask<Module>} runs {@code data-move drop-source} with the move's arguments: the
 * operator's explicit last step, run by hand, never by deploy.sh, once the service has run on its own database long
 * enough that no rollback is wanted (it drops the shared instance's read-only copy of the module and the replication
 * back to it; data-move refuses it unless the move completed). The image ({@code MoveImage}, by digest) holds the data-move jar with the modules' migrations
 * on its class path ({@code classpath:db/migration/<module>}); its entry point is data-move's command line, the task
 * gives the arguments.
 *
 * <p>Each task gets exactly the passwords {@code data-move} reads from its environment: both instances' RDS-managed
 * admin secrets ({@code FORUM_MOVE_SOURCE_PASSWORD}, {@code FORUM_MOVE_TARGET_PASSWORD}) and the module's owner
 * secret ({@code FORUM_MOVE_OWNER_PASSWORD}: the target is migrated as the owner). Its execution role may read those
 * secrets only, pull the data-move image and write its log group; the task has no task role (it calls no AWS API).
 * Both instances force TLS: the move verifies each ({@code --ssl-root-cert}, {@code sslmode=verify-full}) against the
 * RDS certificate authorities the image carries ({@link EcsSettings#rdsCaBundle()}, as the services' images do).
 */
final class MoveTasks {

    /** The shared database's label in the placement row. */
    static final String SHARED = "shared";
    /** The own database's label (1-12 characters: data-move's rule; a module has one own database). */
    static final String OWN = "own";
    static final String CONTAINER = "data-move";

    private MoveTasks() {
    }

    static void add(Stack stack, Topology topology, ServiceSpec service, EcsSettings settings, EcsNames names,
            Map<String, String> tag) {
        String task = service.name() + "-move";
        Object sharedSecret = importValue(names.export("DatabaseAdminSecret"));
        Object ownSecret = getAtt("Database", "MasterUserSecret.SecretArn");
        List<Object> secretArns = list(sharedSecret, ownSecret);
        for (String module : service.modules()) {
            secretArns.add(importValue(names.export("OwnerSecret" + EcsNames.id(module))));
        }
        stack.add("MoveLogGroup", resource("AWS::Logs::LogGroup", obj("LogGroupName", names.logGroup(task), "RetentionInDays", 30)));
        stack.add("MoveExecutionRole", resource("AWS::IAM::Role", obj(
                "RoleName", names.executionRole(task),
                "Description", "Starts the " + service.name() + " data move task: its image, its logs, the two databases' admin "
                        + "secrets and the owner secrets of " + String.join(", ", service.modules()) + ", nothing else",
                "AssumeRolePolicyDocument", TaskRoles.assumedByEcsTasks(),
                "Policies", list(obj("PolicyName", "image-logs-move-secrets", "PolicyDocument", policy(
                        allow("ecr:GetAuthorizationToken", "*"),
                        allow(list("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                                importValue(names.export("Repository" + EcsNames.id(EcsNames.MOVE) + "Arn"))),
                        allow(list("logs:CreateLogStream", "logs:PutLogEvents"), getAtt("MoveLogGroup", "Arn")),
                        allow("secretsmanager:GetSecretValue", secretArns),
                        TaskRoles.decryptThroughSecretsManager(importValue(names.export("SecretsKey")))))),
                "Tags", tags(names.executionRole(task), tag))));

        Object shared = endpoint(SHARED, importValue(names.export("DatabaseHost")), importValue(names.export("DatabasePort")), names);
        Object own = endpoint(OWN, getAtt("Database", "Endpoint.Address"), getAtt("Database", "Endpoint.Port"), names);
        List<Object> forward = list();
        List<Object> back = list();
        for (String module : service.modules()) {
            Object owner = importValue(names.export("OwnerSecret" + EcsNames.id(module)));
            String id = EcsNames.id(module);
            taskDefinition(stack, "MoveTask" + id, names.family(task + "-" + module),
                    command(module, shared, own, names, settings), sharedSecret, ownSecret, owner, names, tag);
            // A rollback is final: the move back ends by dropping the own instance's copy and the replication to it,
            // so no slot stays on the shared instance for a database whose stack is deleted next.
            List<Object> moveBack = command(module, own, shared, names, settings);
            moveBack.add("--then-drop-source");
            taskDefinition(stack, "MoveBackTask" + id, names.family(task + "-back-" + module), moveBack, ownSecret,
                    sharedSecret, owner, names, tag);
            List<Object> drop = command(module, shared, own, names, settings);
            drop.set(0, "drop-source");
            taskDefinition(stack, "DropSourceTask" + id, names.family(task + "-drop-source-" + module), drop, sharedSecret,
                    ownSecret, owner, names, tag);
            forward.add(ref("MoveTask" + id));
            back.add(ref("MoveBackTask" + id));
        }
        // deploy.sh runs each of a list in turn: the moves after the monolith narrowed, the moves back (of a stack the
        // topology no longer names) before the service loses the own database's credentials and the monolith widens.
        stack.output("MoveTasks", conditional(output("The task definitions that move each module's data to "
                + service.name() + "'s own database (comma-separated)", obj("Fn::Join", list(",", forward)), null)));
        stack.output("MoveBackTasks", conditional(output("The task definitions that move each module's data back to the "
                + "shared database (comma-separated)", obj("Fn::Join", list(",", back)), null)));
    }

    private static Map<String, Object> conditional(Map<String, Object> output) {
        output.put("Condition", "HasMoveImage");
        return output;
    }

    /**
     * The arguments of a move of {@code module} from {@code source} to {@code target}: data-move's usage
     * ({@code dev.forum.datamove.cli.Main}, the image's entry point), each option once, the servers verified against
     * the image's RDS certificate authorities.
     */
    static List<Object> command(String module, Object source, Object target, EcsNames names, EcsSettings settings) {
        String admin = Database.adminUser(names);
        return list("move", "--module", module, "--source", source, "--source-user", admin, "--target", target,
                "--target-user", admin, "--owner", names.ownerRole(module), "--runtime-role", names.databaseRole(module),
                "--migrations", "classpath:db/migration/" + module, "--ssl-root-cert", settings.rdsCaBundle());
    }

    /** {@code LABEL@HOST:PORT/DATABASE}, data-move's form of a database. */
    private static Object endpoint(String label, Object host, Object port, EcsNames names) {
        return join("", label + "@", host, ":", port, "/" + names.databaseName());
    }

    private static void taskDefinition(Stack stack, String id, String family, List<Object> command, Object sourceSecret,
            Object targetSecret, Object ownerSecret, EcsNames names, Map<String, String> tag) {
        stack.add(id, resource("AWS::ECS::TaskDefinition", obj(
                "Family", family,
                "RequiresCompatibilities", list("FARGATE"), "NetworkMode", "awsvpc", "Cpu", "512", "Memory", "1024",
                "RuntimePlatform", obj("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"),
                "ExecutionRoleArn", getAtt("MoveExecutionRole", "Arn"),
                "Volumes", list(obj("Name", TaskRoles.TMP_VOLUME)),
                "ContainerDefinitions", list(TaskRoles.hardened(obj(
                        "Name", CONTAINER, "Image", ref("MoveImage"), "Essential", true,
                        "Command", command,
                        "Secrets", list(
                                obj("Name", "FORUM_MOVE_SOURCE_PASSWORD", "ValueFrom", join("", sourceSecret, ":password::")),
                                obj("Name", "FORUM_MOVE_TARGET_PASSWORD", "ValueFrom", join("", targetSecret, ":password::")),
                                obj("Name", "FORUM_MOVE_OWNER_PASSWORD", "ValueFrom", join("", ownerSecret, ":password::"))),
                        "LogConfiguration", TaskRoles.awsLogs(ref("MoveLogGroup"), family)), true)),
                "Tags", tags(family, tag)))).put("Condition", "HasMoveImage");
    }
}
