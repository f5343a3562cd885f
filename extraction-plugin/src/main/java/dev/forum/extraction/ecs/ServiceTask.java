package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.ifThen;
import static dev.forum.extraction.ecs.Cfn.importValue;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.noValue;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service stack's Fargate task definition and the secrets its execution role may read. The variables both task
 * definitions share come from {@link TaskVariables}; here come the ones that are CloudFormation references (the
 * base stack's exports) and the database secrets of the modules the task holds in a step of the deployment: the
 * monolith may hold every module (its {@code LocalModules} parameter), under the condition {@code holdsCondition}
 * names per module.
 */
final class ServiceTask {

    private final Topology topology;
    private final ServiceSpec service;
    private final EcsSettings settings;
    private final EcsNames names;
    private final Map<String, String> holdsCondition;

    /**
     * @param holdsCondition per module the monolith holds only in some steps, the name of the condition under which it
     *                       does; empty for an extracted service
     */
    ServiceTask(Topology topology, ServiceSpec service, EcsSettings settings, Map<String, String> holdsCondition) {
        this.topology = topology;
        this.service = service;
        this.settings = settings;
        this.names = new EcsNames(topology.name());
        this.holdsCondition = holdsCondition;
    }

    /** The modules whose secrets the service's stack may give its tasks: every module for the monolith (it may widen). */
    static List<String> databaseModules(Topology topology, ServiceSpec service) {
        return service.monolith() ? topology.modules().stream().map(ModuleRoute::module).toList()
                : List.copyOf(topology.localModules(service.name()));
    }

    /**
     * Whether the task reaches the internal load balancer in some step ({@link InternalBalancer#reachedBy}): for the
     * monolith, with any of the module sets its {@code LocalModules} may take; for an extracted service, with its own.
     */
    boolean reachesInternalBalancer() {
        if (!service.monolith()) {
            return InternalBalancer.reachedBy(topology, settings, topology.localModules(service.name()));
        }
        return ServiceStack.monolithModuleSets(topology).stream()
                .anyMatch(set -> InternalBalancer.reachedBy(topology, settings, List.of(set.split(","))));
    }

    /** {@code item} where the service always holds {@code module}, else only under its condition. */
    private Object ifHolds(String module, Object item) {
        String condition = holdsCondition.get(module);
        return condition == null ? item : ifThen(condition, item, noValue());
    }

    private boolean issuesTokens() {
        return settings.tokens() && databaseModules(topology, service).contains(settings.identity().issuerModule());
    }

    /**
     * The ARNs of the secrets the execution role reads to start a task (each under its module's condition); empty when
     * it reads none (no database, and no module here issues tokens).
     */
    List<Object> executionSecrets() {
        List<Object> secrets = new ArrayList<>();
        // Without a database, nothing to read but the signing keys, below.
        if (settings.database() && settings.moduleDatabases()) {
            for (String module : databaseModules(topology, service)) {
                secrets.add(ifHolds(module, importValue(names.export("DatabaseSecret" + EcsNames.id(module)))));
                secrets.add(ifHolds(module, importValue(names.export("OwnerSecret" + EcsNames.id(module)))));
            }
        } else if (settings.database()) {
            secrets.add(importValue(names.export("DatabaseAdminSecret")));
        }
        if (issuesTokens()) {
            String issuer = settings.identity().issuerModule();
            secrets.add(ifHolds(issuer, importValue(names.export("SigningKeysSecret"))));
        }
        return secrets;
    }

    /**
     * The condition under which a task reads any secret at all, for the execution role's statements that allow it: null
     * when it always does (or never, {@link #executionSecrets} being empty). Without a database a task reads only the
     * signing keys, where it holds the issuer module: a role must not name an empty list of secrets.
     */
    String secretsCondition() {
        return settings.database() || !issuesTokens() ? null : holdsCondition.get(settings.identity().issuerModule());
    }

    /** The task definition, with {@code localModules} (the modules the task runs in process) and the stack's tags. */
    Map<String, Object> taskDefinition(Object localModules, Map<String, String> tag) {
        String repositoryId = "Repository" + EcsNames.id(service.name());
        List<Object> environment = new ArrayList<>();
        TaskVariables.head(settings).forEach((name, value) -> environment.add(variable(name, value)));
        environment.add(variable(TaskVariables.RUNTIME_LOCAL_MODULES, localModules));
        // Every remote module is behind the internal load balancer: the path rules send each call to its holder. A task
        // that calls no remote module is not told where it is (nor may it reach it).
        if (reachesInternalBalancer()) {
            environment.add(variable(TaskVariables.RUNTIME_REMOTE_BASE_URL, TaskVariables.remoteBaseUrl(settings,
                    importValue(names.export("InternalLoadBalancerUrl")))));
        }
        if (settings.databaseClients().jdbc()) {
            environment.add(variable("SPRING_DATASOURCE_URL", importValue(names.export("DatabaseUrl"))));
        }
        if (settings.databaseClients().r2dbc()) {
            environment.add(variable(TaskVariables.R2DBC_URL, importValue(names.export(Database.R2DBC_URL))));
        }
        TaskVariables.tail(settings).forEach((name, value) -> environment.add(variable(name, value)));
        String poolSize = String.valueOf(topology.database().poolSize());
        List<Object> secrets = new ArrayList<>();
        // Without a database, no datasource settings and no credentials (least privilege).
        if (settings.database() && settings.moduleDatabases()) {
            for (String module : databaseModules(topology, service)) {
                // Only where the task holds the module, as its credentials (taskdefs/<service>.json says the same).
                environment.add(ifHolds(module, variable(TaskVariables.poolSize(settings, module), poolSize)));
            }
            for (String module : databaseModules(topology, service)) {
                Object runtime = importValue(names.export("DatabaseSecret" + EcsNames.id(module)));
                Object owner = importValue(names.export("OwnerSecret" + EcsNames.id(module)));
                TaskVariables.runtime(settings, module).forEach(c -> secrets.add(ifHolds(module, secret(c, runtime))));
                TaskVariables.owner(settings, module).forEach(c -> secrets.add(ifHolds(module, secret(c, owner))));
            }
        } else if (settings.database()) {
            if (settings.databaseClients().jdbc()) {
                environment.add(variable(TaskVariables.poolSize(settings, null), poolSize));
            }
            Object admin = importValue(names.export("DatabaseAdminSecret"));
            TaskVariables.single(settings.databaseClients()).forEach(c -> secrets.add(secret(c, admin)));
        }
        if (service.ownDatabase()) {
            // The own database, held from before the move (issue 16): the process switches to it when the placement
            // row says so, not by a redeploy. The same runtime role and password (the bootstrap sets both instances).
            Object url = importValue(names.ownDatabaseExport(service.name(), "DatabaseUrl"));
            for (String module : service.modules()) {
                Object runtime = importValue(names.export("DatabaseSecret" + EcsNames.id(module)));
                environment.add(variable(EcsNames.datasourceVariable(settings, module, "MOVED_URL"), url));
                TaskVariables.moved(settings, module).forEach(c -> secrets.add(secret(c, runtime)));
            }
        }
        if (issuesTokens()) {
            secrets.add(ifHolds(settings.identity().issuerModule(), obj("Name", TaskVariables.signingKeys(settings),
                    "ValueFrom", importValue(names.export("SigningKeysSecret")))));
        }
        // The service's own (the topology's environment:), last; none of them is a name set above (EcsRenderer's checks).
        service.environment().forEach((name, value) -> environment.add(variable(name, value)));
        return resource("AWS::ECS::TaskDefinition", obj(
                "Family", names.family(service.name()),
                "RequiresCompatibilities", list("FARGATE"), "NetworkMode", "awsvpc",
                "Cpu", String.valueOf(service.sizing().cpu()), "Memory", String.valueOf(service.sizing().memory()),
                "RuntimePlatform", obj("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"),
                "ExecutionRoleArn", getAtt("ExecutionRole", "Arn"),
                "TaskRoleArn", getAtt("TaskRole", "Arn"),
                "Volumes", list(obj("Name", TaskRoles.TMP_VOLUME)),
                "ContainerDefinitions", list(TaskRoles.hardened(obj(
                        "Name", service.name(),
                        "Image", join("", importValue(names.export(repositoryId + "Uri")), ":", ref("ImageTag")),
                        "Essential", true,
                        "PortMappings", list(obj("ContainerPort", settings.containerPort(), "Protocol", "tcp"),
                                obj("ContainerPort", settings.managementPort(), "Protocol", "tcp")),
                        "Environment", environment,
                        "Secrets", secrets,
                        // ECS drains the target first (deregistration delay), then sends SIGTERM; the application
                        // finishes its requests within its shutdown phase (20 s), below this timeout.
                        "StopTimeout", settings.stopTimeout(),
                        "LogConfiguration", TaskRoles.awsLogs(ref("LogGroup"), service.name())), true)),
                "Tags", tags(names.family(service.name()), tag)));
    }

    private static Map<String, Object> variable(String name, Object value) {
        return obj("Name", name, "Value", value);
    }

    private static Map<String, Object> secret(TaskVariables.Credential credential, Object secretArn) {
        return obj("Name", credential.variable(), "ValueFrom", join("", secretArn, ":" + credential.key() + "::"));
    }
}
