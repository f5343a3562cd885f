package dev.forum.extraction.ecs;

import dev.forum.extraction.model.ModuleNames;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a topology into what ECS needs, as files of one folder: {@code base.json}, a {@code database-<service>.json}
 * per service with a database of its own, {@code db-bootstrap.json} (with a bootstrap image) and
 * a {@code service-<service>.json} per service (CloudFormation), {@code taskdefs/<service>.json} (for
 * {@code aws ecs register-task-definition --cli-input-json}), and {@code deploy.sh}. Pure: no I/O, no AWS.
 */
public final class EcsRenderer {

    /** CloudFormation takes a template of at most this many bytes inline (larger ones need an S3 bucket). */
    public static final int MAX_INLINE_TEMPLATE = 51_200;

    private EcsRenderer() {
    }

    /** File name (relative, '/'-separated) to content, in a stable order. */
    public static Map<String, String> render(Topology topology, EcsSettings settings) {
        check(topology, settings);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(EcsNames.baseTemplate(), Json.compact(BaseStack.render(topology, settings)));
        for (ServiceSpec service : topology.extracted()) {
            if (service.ownDatabase()) {
                files.put(EcsNames.ownDatabaseTemplate(service.name()),
                        Json.compact(OwnDatabaseStack.render(topology, service, settings)));
            }
        }
        if (settings.databaseBootstrapImage() != null) {
            files.put(EcsNames.bootstrapTemplate(), Json.compact(BootstrapStack.render(topology, settings)));
        }
        for (ServiceSpec service : services(topology)) {
            files.put(EcsNames.serviceTemplate(service.name()), Json.compact(ServiceStack.render(topology, service, settings)));
        }
        for (ServiceSpec service : topology.deployedServices()) {
            files.put("taskdefs/" + service.name() + ".json", Json.write(TaskDefinitionJson.render(topology, service, settings)));
        }
        files.put("deploy.sh", DeployScript.render(topology, settings));
        for (Map.Entry<String, String> file : files.entrySet()) {
            int size = file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (file.getKey().endsWith(".json") && !file.getKey().startsWith("taskdefs/") && size > MAX_INLINE_TEMPLATE) {
                throw new IllegalStateException(file.getKey() + " is " + size + " bytes, over CloudFormation's inline limit of "
                        + MAX_INLINE_TEMPLATE);
            }
        }
        return files;
    }

    /**
     * The modules the rendered monolith's tasks may run at some point of a deployment: every module of any set its
     * {@code LocalModules} parameter may take (deploy.sh widens it to every module while it moves traffic, and a
     * monolith the topology leaves nothing keeps running what it held until deploy.sh retires it).
     *
     * @param topology the topology as rendered
     * @return the modules, in the topology's module order
     */
    public static Set<String> monolithModules(Topology topology) {
        Set<String> modules = new LinkedHashSet<>();
        ServiceStack.monolithModuleSets(topology).forEach(set -> modules.addAll(List.of(set.split(","))));
        return modules;
    }

    /** The monolith's stack is rendered even when it holds nothing: deploy.sh retires an existing one with it. */
    static List<ServiceSpec> services(Topology topology) {
        List<ServiceSpec> services = new ArrayList<>();
        services.add(topology.monolith());
        services.addAll(topology.extracted());
        return services;
    }

    /** What ECS adds to the topology's own rules, each problem of every service refused at once with what to change. */
    private static void check(Topology topology, EcsSettings settings) {
        find(written(topology), settings.databaseClients(), settings.moduleDatabases(), settings.settingsPrefix(),
                settings.springProfile() != null, settings.tokens()).throwIfAny();
    }

    /**
     * What ECS adds to the topology's own rules, checked on the file as written: so the ecs goal reports these with
     * the file's other mistakes (an unknown module, two monoliths) and its settings' in one build, not after them.
     *
     * @param topology        the services to deploy, as read from the file (whether or not its modules check out)
     * @param database        how the application reads a database ({@link EcsSettings#databaseClients}); null when not
     *                        known yet (before the dependencies are resolved): the checks that need it find nothing
     * @param moduleDatabases whether each module has database credentials ({@link EcsSettings#moduleDatabases})
     * @param settingsPrefix  the application's settings' prefix ({@link EcsSettings#settingsPrefix}), for the advice
     *                        and the names of the application's variables
     * @param profile         whether {@code extract.ecs.profile} is set (every task's {@code SPRING_PROFILES_ACTIVE})
     * @param tokens          whether {@code extract.ecs.tokenIssuerModule} is set (every task's token settings)
     * @return one line per problem, {@code <source>:<line>: <service>: <what to fix>}, sorted by line; empty when none
     */
    public static List<String> mistakes(TopologySpec topology, DatabaseClients database, boolean moduleDatabases,
            String settingsPrefix, boolean profile, boolean tokens) {
        return find(topology, database, moduleDatabases, settingsPrefix, profile, tokens).lines();
    }

    /**
     * As {@link #mistakes(TopologySpec, DatabaseClients, boolean, String, boolean, boolean)}, on the services to render of a
     * checked topology (the monolith and the extracted services it keeps).
     */
    public static List<String> mistakes(Topology topology, DatabaseClients database, boolean moduleDatabases,
            String settingsPrefix, boolean profile, boolean tokens) {
        List<String> lines = new ArrayList<>(find(written(topology), database, moduleDatabases, settingsPrefix, profile,
                tokens).lines());
        if (database.any() && moduleDatabases) {
            // Every module, the monolith's too, gets a database role, a schema and secrets named after it.
            List<String> modules = topology.modules().stream().map(ModuleRoute::module).toList();
            modules.forEach(module -> ModuleNames.problem(module, modules, "deployed with database roles and"
                    + " secrets of its own (extract.ecs.moduleDatabases=true names them after it)", "or set"
                    + " extract.ecs.moduleDatabases=false").ifPresent(line -> lines.add(topology.source() + ": " + line)));
        }
        return lines;
    }

    private static TopologySpec written(Topology topology) {
        return new TopologySpec(topology.source(), topology.name(), services(topology), topology.edge(), topology.database());
    }

    private static EcsMistakes find(TopologySpec topology, DatabaseClients known, boolean moduleDatabases, String settingsPrefix,
            boolean profile, boolean tokens) {
        EcsMistakes mistakes = new EcsMistakes(topology.source());
        // Not known yet: taken as there with module credentials for the checks of a database, which then find nothing;
        // taken as absent for a service's own variables, so that none of the datasource's is refused on a guess.
        boolean database = known == null || known.any();
        boolean modules = known == null || moduleDatabases;
        DatabaseClients variablesDatabase = known == null ? DatabaseClients.NONE : known;
        for (ServiceSpec service : topology.services()) {
            String name = service.name();
            if (name.equals("base") || name.equals(EcsNames.BOOTSTRAP)) {
                mistakes.add(service.line(), name, "the name '" + name + "' is taken by the " + topology.name() + "-" + name
                        + " stack or task; rename the service");
            }
            if (name.equals(EcsNames.MOVE)) {
                mistakes.add(service.line(), name, "the name '" + name + "' is taken by the data move's image repository;"
                        + " rename the service");
            }
            for (ServiceSpec other : topology.services()) {
                if (other.ownDatabase() && name.equals(other.name() + "-db")) {
                    mistakes.add(service.line(), name, "the name '" + name + "' is taken by the stack of the own database of "
                            + other.name() + " (" + topology.name() + "-" + name + "); rename the service");
                }
            }
            if (service.ownDatabase() && !database) {
                mistakes.add(service.line(), name, "a database of its own (database:) is where its modules' data moves, but"
                        + " the application " + EcsSettings.NO_JDBC + ", so there is no data to move: remove database:"
                        + " from the service in " + topology.source() + ", or add the dependency " + EcsSettings.JDBC_STARTER
                        + " if the application reads a database");
            } else if (service.ownDatabase() && !modules) {
                mistakes.add(service.line(), name, "a database of its own (database:) needs database credentials"
                        + " per module: set extract.ecs.moduleDatabases=true if the application reads " + settingsPrefix
                        + ".datasource.<module>.* (extract.ecs.settingsPrefix),"
                        + " else remove database: from the service in " + topology.source());
            }
            // Two tasks, one per availability zone: a rolling deployment or a lost zone leaves one serving.
            if (service.count() < 2 || service.autoscaling().min() < 2) {
                mistakes.add(service.line(), name, "ECS runs at least 2 tasks of a service (one per availability zone, "
                        + "so that a deployment or a lost zone never leaves its routes without a task): set count: 2 "
                        + "(and autoscaling min: 2)");
            }
            String size = service.sizing().problem();
            if (size != null) {
                mistakes.add(service.line(), name, size);
            }
            service.environment().keySet().forEach(variable -> TaskVariables.setByGoal(variable, variablesDatabase,
                    moduleDatabases, settingsPrefix, profile, tokens).ifPresent(what -> mistakes.add(service.line(), name,
                    "environment variable " + variable + " is set by the ecs goal itself, to " + what
                            + ": remove it from environment:")));
            service.environment().forEach((variable, value) -> OverridingVariables.refusal(variable, value).ifPresent(
                    why -> mistakes.add(service.line(), name, "environment variable " + variable + " is refused: " + why)));
        }
        if (!database && topology.database().line() > 0) {
            mistakes.add(topology.database().line(), "database", "the section sizes the deployment's PostgreSQL database,"
                    + " but the application " + EcsSettings.NO_JDBC + ", so the deployment has none: remove database: from "
                    + topology.source() + ", or add the dependency " + EcsSettings.JDBC_STARTER
                    + " if the application reads a database");
        }
        return mistakes;
    }
}
