package dev.forum.extraction.maven;

import dev.forum.extraction.ecs.DatabaseClients;
import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.extraction.ecs.SettingsMismatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ecs goal's settings ({@code extract.ecs.*}) that need no compiled class of the application, as given, read into
 * {@link EcsSettings} with every wrong one refused: the one reading of them, by the ecs goal ({@link EcsMojo}) and by
 * the goals that read the topology file before it ({@link EcsChecksAhead}), so that a build running the ecs goal
 * learns a wrong setting in the same run as the file's mistakes. Each value is as Maven configures the goal's
 * parameter of that name (its default included); {@code null} when unset.
 *
 * @param containerPort          {@code extract.ecs.containerPort}
 * @param managementPort         {@code extract.ecs.managementPort}
 * @param deregistrationDelay    {@code extract.ecs.deregistrationDelay}, seconds
 * @param healthCheckGracePeriod {@code extract.ecs.healthCheckGracePeriod}, seconds
 * @param stopTimeout            {@code extract.ecs.stopTimeout}, seconds
 * @param healthCheckPath        {@code extract.ecs.healthCheckPath} (unset: read from the application, {@link EcsPaths})
 * @param contextPath            {@code extract.ecs.contextPath} (unset: read from the application, {@link EcsPaths})
 * @param rdsCaBundle            {@code extract.ecs.rdsCaBundle}
 * @param springProfile          {@code extract.ecs.profile}
 * @param problemTypePrefix      {@code extract.ecs.problemTypePrefix}
 * @param moduleDatabases        {@code extract.ecs.moduleDatabases}
 */
record EcsParameters(String containerPort, String managementPort, String deregistrationDelay,
        String healthCheckGracePeriod, String stopTimeout, String healthCheckPath, String contextPath, String rdsCaBundle,
        String springProfile, String problemTypePrefix, boolean moduleDatabases) {

    /**
     * @param parameter the ecs goal's parameter of a name (its field's name in {@link EcsMojo}) as Maven evaluates it,
     *                  or null when unset
     * @return the settings as given
     */
    static EcsParameters of(Function<String, Object> parameter) {
        Function<String, String> text = name -> {
            Object value = parameter.apply(name);
            return value == null ? null : value.toString();
        };
        String modules = text.apply("moduleDatabases");
        return new EcsParameters(text.apply("containerPort"), text.apply("managementPort"),
                text.apply("deregistrationDelay"), text.apply("healthCheckGracePeriod"), text.apply("stopTimeout"),
                text.apply("healthCheckPath"), text.apply("contextPath"), text.apply("rdsCaBundle"), text.apply("springProfile"),
                text.apply("problemTypePrefix"), modules != null && Boolean.parseBoolean(modules.strip()));
    }

    /** The profile set, or null: blank counts as unset. */
    String profile() {
        return springProfile == null || springProfile.isBlank() ? null : springProfile.strip();
    }

    /**
     * The settings, every wrong one refused: a wrong number or port on its own line (a valid stand-in letting the others
     * be checked), and each that does not fit the others ({@link SettingsMismatch}) as {@code The ecs goal's settings do
     * not fit together: <problem> (extract.ecs.*, see extract:help -Ddetail)}.
     *
     * @param classes     the application's classes folder, for the ports ({@link EcsPorts}) and paths ({@link EcsPaths})
     *                    it sets
     * @param servlet     whether Spring Boot 4 deduces a servlet application from the run-time class path
     *                    ({@link WebStack}), for the paths ({@link EcsPaths#of})
     * @param identity    the tokens' identity ({@link TokenSettings}), or null when no module issues tokens
     * @param mismatched  the problems already found that do not fit the others (the token settings'), refused with
     *                    these settings' own
     * @param prefix      the application's settings' prefix ({@code extract.ecs.settingsPrefix} or the topology's name)
     * @param database    how the application reads a database ({@link TaskNeeds#clients})
     * @param bootstrap   the database bootstrap script, or null
     * @param paths       the deployment's paths
     * @param moduleCalls which modules call which over HTTP
     * @param refused     where each refusal goes, one line each
     * @param warned      where each warning goes, one line each: a health check path given that is not the
     *                    application's readiness path ({@link EcsPaths#givenHealthCheck})
     * @return the settings, or null when any is refused
     */
    EcsSettings settings(Path classes, boolean servlet, EcsSettings.Identity identity,
            List<String> mismatched, String prefix, DatabaseClients database, String bootstrap, DeployPaths paths,
            Map<String, Set<String>> moduleCalls, List<String> refused, List<String> warned) {
        List<String> problems = new ArrayList<>(mismatched);
        EcsPorts ports = EcsRefusals.kept(() -> EcsPorts.of(containerPort, managementPort, classes), new EcsPorts(1, 2),
                refused);
        EcsPaths at = EcsRefusals.kept(() -> EcsPaths.of(contextPath, healthCheckPath, classes, servlet,
                profile()), EcsPaths.SPRING_BOOT, refused);
        String health = EcsRefusals.kept(() -> EcsPaths.givenHealthCheck(healthCheckPath, classes, servlet, profile()),
                null, refused);
        if (health != null) {
            warned.add(health);
        }
        int delay = EcsRefusals.kept(() -> NumberSettings.seconds(deregistrationDelay, "extract.ecs.deregistrationDelay",
                0, 3600), 0, refused);
        int grace = EcsRefusals.kept(() -> NumberSettings.seconds(healthCheckGracePeriod,
                "extract.ecs.healthCheckGracePeriod", 0, 2_147_483_647), 0, refused);
        int stop = EcsRefusals.kept(() -> NumberSettings.seconds(stopTimeout, "extract.ecs.stopTimeout", 2, 120), 2,
                refused);
        EcsSettings settings = null;
        try {
            settings = new EcsSettings(ports.application(), ports.management(), at.healthCheckPath(), at.contextPath(),
                    delay, grace, stop,
                    identity, rdsCaBundle, bootstrap, paths.projectRoot(), paths.mavenModule(), paths.servicesDirectory(),
                    profile(), problemTypePrefix == null ? null : problemTypePrefix.strip(), moduleDatabases, database,
                    moduleCalls, prefix, paths.topologyFile());
        } catch (SettingsMismatch e) {
            problems.addAll(e.problems());
        }
        problems.forEach(problem -> refused.add("The ecs goal's settings do not fit together: " + problem
                + " (extract.ecs.*, see extract:help -Ddetail)"));
        return problems.isEmpty() ? settings : null;
    }

    /**
     * The refusals of {@link #settings} where the rest is not known yet (ahead of the ecs goal): no token settings
     * (they need the application's modules), no bootstrap script (it needs a database), stand-in paths.
     *
     * The application's own ports are not read: its classes may not be built yet, or be stale ({@link EcsPorts#of}).
     *
     * @param prefix   the application's settings' prefix
     * @param database how the application reads a database ({@link TaskNeeds#clients}), or null when not known yet:
     *                 taken as there, which refuses nothing about it
     * @return one line per wrong setting; empty when none is
     */
    List<String> refusals(String prefix, DatabaseClients database) {
        List<String> refused = new ArrayList<>();
        settings(null, true, null, List.of(), prefix,
                database == null ? DatabaseClients.JDBC : database, null,
                new DeployPaths(".", ".", ".", "topology.yml"), Map.of(), refused, new ArrayList<>());
        return refused;
    }
}
