package dev.forum.extraction.maven;

import dev.forum.extraction.ecs.DatabaseClients;
import dev.forum.extraction.ecs.EcsRenderer;
import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModuleLinks;
import dev.forum.extraction.request.ExtractRequests;
import dev.forum.topology.Topology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Renders the topology file's Amazon ECS deployment into {@code target/ecs/}: {@code base.json} and
 * {@code service-<service>.json} (CloudFormation), {@code taskdefs/<service>.json} (for
 * {@code aws ecs register-task-definition --cli-input-json}) and {@code deploy.sh}, which pushes the images and
 * deploys the stacks in an order that never sends a route to a process that does not hold its module. The path
 * rules come from the route prefix of each module's HTTP contract, else the class-level {@code @RequestMapping} all its
 * controllers share, read with the modules from Spring Modulith's model, under the application's context path
 * ({@link EcsPaths}: {@link #contextPath}, which the internal base URL ends with too; the health checks ask
 * {@link #healthCheckPath}).
 * A service that {@code -Dextract=<service>} refuses (a module that serves HTTP without a usable prefix, no routed
 * module, or any blocker of its plan: an event, a bean call, an entity across its boundary) is left out with one
 * warning line per reason, its modules staying in the monolith ({@link RenderedTopology}); the others are rendered. What the tasks get besides the topology
 * (token settings, profile, database credentials, problem types) comes from the application and the settings below;
 * the database is decided from what the service jars hold ({@link TaskNeeds#clients}): Spring Boot's JDBC DataSource
 * gets {@code SPRING_DATASOURCE_*}, its R2DBC connection factory {@code SPRING_R2DBC_*}, both get both on one database,
 * and an application with neither gets no database, no database credentials and no path to a database (least
 * privilege), in one line.
 * What the tasks need and the build does not give them (each client's PostgreSQL driver, the RDS certificate bundle in the image,
 * Spring Boot Actuator for the health checks) is one warning line each ({@link TaskNeeds}), and services that may share
 * Spring Modulith's event publication table get a warning of several lines. No network, no AWS.
 * Every mistake of a run is refused at once, nothing written ({@link EcsRefusals}): the topology file's, its ECS
 * deployment's and the settings'.
 */
@Mojo(name = "ecs", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class EcsMojo extends AnalysingMojo {

    /** The topology file (see the README, "Topology file"); a relative path is taken from the project's root. */
    @Parameter(property = "extract.topology", defaultValue = "topology.yml")
    private String topology;

    /** Where the files go. */
    @Parameter(property = "extract.ecs.outputDirectory", defaultValue = "${project.build.directory}/ecs", required = true)
    private File outputDirectory;

    /** Skip rendering. */
    @Parameter(property = "extract.ecs.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The port the application listens on (the tasks' {@code SERVER_PORT}; the listener rules forward to it). Default:
     * the port the service image exposes when the service goal is not told another, the application's {@code server.port}
     * in its {@code application.properties} or {@code application.yml}, else Spring Boot's 8080 (the forum's 3000).
     */
    @Parameter(property = "extract.ecs.containerPort")
    private String containerPort;

    /**
     * Actuator's own port (the tasks' {@code MANAGEMENT_SERVER_PORT}): the target groups' health checks ask it, no rule
     * forwards to it. Default: the application's {@code management.server.port} when it names another port than
     * {@link #containerPort}, else the port after it (the forum's 3001).
     */
    @Parameter(property = "extract.ecs.managementPort")
    private String managementPort;

    /**
     * The module whose processes sign tokens: only its tasks get the signing keys' secret, and only with it do the
     * tasks get token settings at all. Unset: the application issues no tokens. A name that is not a module of the
     * application is refused.
     */
    @Parameter(property = "extract.ecs.tokenIssuerModule")
    private String tokenIssuerModule;

    /** The path of the token keys (JWK set) on the internal load balancer; default {@code /api/<tokenIssuerModule>/jwks.json}. */
    @Parameter(property = "extract.ecs.jwkSetPath")
    private String jwkSetPath;

    /** The Spring profile(s) every task runs with ({@code SPRING_PROFILES_ACTIVE}, comma-separated); unset: none set. */
    @Parameter(property = "extract.ecs.profile")
    private String springProfile;

    /**
     * The {@code type} of the problem documents (RFC 9457) the load balancers and the firewall answer themselves:
     * {@code about:blank} (a problem that means only its HTTP status), or a URI prefix the problem's kind is appended
     * to, e.g. {@code urn:example:problem:} gives {@code urn:example:problem:no-route}.
     */
    @Parameter(property = "extract.ecs.problemTypePrefix", defaultValue = EcsSettings.ABOUT_BLANK)
    private String problemTypePrefix;

    /**
     * Whether each module has database credentials of its own ({@code <PREFIX>_DATASOURCE_<MODULE>_USERNAME}, ...,
     * named from {@link #settingsPrefix}: a role and a schema per module, which the database bootstrap creates).
     * False: the application has one standard datasource, and its tasks get {@code SPRING_DATASOURCE_USERNAME} and
     * {@code _PASSWORD} from the database's admin secret. The application's classes cannot tell which it reads, hence
     * the setting. An application that reads no database ({@link TaskNeeds#clients}) gets none at all, and this
     * setting is refused there.
     */
    @Parameter(property = "extract.ecs.moduleDatabases", defaultValue = "false")
    private boolean moduleDatabases;

    /**
     * The prefix of the application's own properties that {@code moduleDatabases} ({@code <prefix>.datasource.<module>.*})
     * and the token settings ({@code <prefix>.security.jwt.signing-keys}, {@code .issuer-module}, {@code .jwks-path})
     * name; the tasks get them as environment variables ({@code <PREFIX>_DATASOURCE_<MODULE>_PASSWORD}). Default: the
     * topology's {@code name} (the forum's {@code forum}).
     */
    @Parameter(property = "extract.ecs.settingsPrefix")
    private String settingsPrefix;

    /** The tokens' issuer ({@code iss}); default {@code urn:<app>:<tokenIssuerModule>}. */
    @Parameter(property = "extract.ecs.tokenIssuer")
    private String tokenIssuer;

    /** The tokens' audience ({@code aud}); default {@code urn:<app>:api}. */
    @Parameter(property = "extract.ecs.tokenAudience")
    private String tokenAudience;

    /** Where the service image holds the RDS certificate authorities' bundle (PEM). */
    @Parameter(property = "extract.ecs.rdsCaBundle", defaultValue = EcsSettings.DEFAULT_RDS_CA_BUNDLE)
    private String rdsCaBundle;

    /**
     * The readiness endpoint the load balancers' health checks ask on {@link #managementPort}. Default: where the
     * application answers it there, read as Spring Boot lays out Actuator on a port of its own (the tasks give it one):
     * {@code management.server.base-path}, then {@code management.endpoints.web.base-path} (else {@code /actuator}),
     * then {@code /health/readiness}; the context path does not apply on that port. Read with {@link #springProfile}'s
     * profiles; a placeholder the build cannot resolve is refused in one line asking for this setting.
     */
    @Parameter(property = "extract.ecs.healthCheckPath")
    private String healthCheckPath;

    /**
     * The prefix of the application's routes on {@link #containerPort}: the listener rules match each module's routes
     * under it ({@code /hr/api/people/*}), and the internal base URL the tasks call remote modules at ends with it.
     * Default: the application's {@code server.servlet.context-path} followed by its {@code spring.mvc.servlet.path}
     * (Spring MVC), or its {@code spring.webflux.base-path} (WebFlux; {@link EcsPaths}), read with {@link #springProfile}'s
     * profiles; {@code /} for none (Maven takes an empty value as unset). A placeholder the build cannot resolve
     * is refused in one line asking for this setting.
     */
    @Parameter(property = "extract.ecs.contextPath")
    private String contextPath;

    /** Seconds a target drains before it stops (longer than the longest request). */
    @Parameter(property = "extract.ecs.deregistrationDelay", defaultValue = "20")
    private String deregistrationDelay;

    /** Seconds ECS ignores a new task's failing health checks (longer than the application's start-up). */
    @Parameter(property = "extract.ecs.healthCheckGracePeriod", defaultValue = "120")
    private String healthCheckGracePeriod;

    /** Seconds between SIGTERM and SIGKILL (longer than the application's graceful shutdown; Fargate allows 120). */
    @Parameter(property = "extract.ecs.stopTimeout", defaultValue = "30")
    private String stopTimeout;

    /**
     * The script that builds the database bootstrap image (psql and the admin SQL that creates two roles and a
     * schema per module), relative to the project's root; deploy.sh runs it, pushes the image and runs the task once
     * per deployment (the forum's is {@code deploy/images/build-db-bootstrap.sh}). Unset: no bootstrap task, said in
     * one line (a warning with {@link #moduleDatabases}, whose roles nothing else creates). A path that is no file is
     * refused.
     */
    @Parameter(property = "extract.ecs.databaseBootstrapImage")
    private String databaseBootstrapImage;

    /**
     * The service goal's folder of files every image gets ({@code extract.image.files}): read only to warn when the
     * images will not hold the RDS certificate bundle the tasks' JDBC URL names. Unset here: the service goal's
     * execution's {@code <imageFiles>} in the POM.
     */
    @Parameter(property = "extract.image.files")
    private File imageFiles;

    /** The folder where the service goal writes {@code <service>/<service>-image.tar}. */
    @Parameter(defaultValue = "${project.build.directory}/services", required = true)
    private File servicesDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("[extract] ecs: skipped");
            return;
        }
        perform("render the ECS deployment", this::render);
    }

    private void render() throws IOException, InterruptedException {
        if (skippedHere()) {
            return;
        }
        long start = System.nanoTime();
        Path file = TopologyLocation.resolve(topology, project);
        TopologyLocation.refuseDirectory(file, topology, project);
        if (!TopologyLocation.exists(file)) {
            throw new ExtractionException("No topology file at " + file + ": create it (see the README, \"Topology file\")"
                    + " or point -Dextract.topology at one");
        }
        Progress progress = progress();
        ApplicationAnalysis analysis = analyse(false, progress);
        // Every mistake of the file, of its ECS deployment and of the settings is gathered before any is refused, so
        // that one run names them all; nothing is written unless there is none.
        TopologyLocation.Reading reading = TopologyLocation.check(file, analysis.model(),
                TopologyLocation.defaultName(project));
        List<String> refused = new ArrayList<>();
        List<String> warned = new ArrayList<>(); // only when something is rendered: services left out, settings
        Topology resolved = reading.topology() == null ? null : RenderedTopology.of(reading.topology(), analysis.model(),
                analysis.packed(), ExtractRequests.topologyServices(reading.topology(), file.toString()), warned::add);

        Path out = outputDirectory.toPath();
        Set<String> packed = RuntimeLibraries.packed(project);
        DatabaseClients database = TaskNeeds.clients(packed);
        boolean servlet = analysis.servlet(progress::assumed);
        String bootstrap = bootstrap(database.any(), refused);
        // Without a file read right, its name is the default's: the settings' defaults only need some name.
        String app = reading.spec() != null ? reading.spec().name() : TopologyLocation.defaultName(project);
        String prefix = settingsPrefix == null || settingsPrefix.isBlank() ? app : settingsPrefix.trim();
        boolean profile = parameters().profile() != null;
        boolean tokens = tokenIssuerModule != null && !tokenIssuerModule.isBlank();
        List<String> deployment = reading.spec() == null ? List.of() : resolved != null
                ? EcsRenderer.mistakes(resolved, database, moduleDatabases, prefix, profile, tokens)
                : EcsRenderer.mistakes(reading.spec(), database, moduleDatabases, prefix, profile, tokens);
        EcsSettings settings = settings(analysis, servlet, file, app, prefix, database, bootstrap, refused, warned);
        if (settings != null && reading.spec() != null) {
            EcsPaths paths = new EcsPaths(settings.contextPath(), settings.healthCheckPath());
            refused.addAll(paths.otherPaths(reading.spec(), contextPath, healthCheckPath, analysis.classes(),
                    servlet));
            refused.addAll(resolved == null ? List.of() : paths.tooLong(resolved));
        }
        if (!reading.mistakes().isEmpty() || !deployment.isEmpty() || !refused.isEmpty()) {
            throw EcsRefusals.of(reading, deployment, refused);
        }
        warned.forEach(getLog()::warn);
        Map<String, String> files = EcsRenderer.render(resolved, settings);
        EcsWarnings.of(resolved, analysis.model(), settings, packed, RuntimeLibraries.actuator(project), moduleDatabases,
                imageFolder(),
                analysis.publicationRegistry(project, EcsWarnings.profiles(settings))).forEach(getLog()::warn);

        EcsOutput.write(out, files);
        getLog().info(EcsOutput.summary(project.getBasedir().toPath(), file, out, files, resolved, settings,
                (System.nanoTime() - start) / 1e9));
    }

    /**
     * The database bootstrap script ({@link BootstrapScript}) where the application has a database; its refusal goes to
     * {@code refused}. Without a database client no database is rendered, said in one line, and the setting is kept as given
     * for {@link EcsSettings} to refuse (a bootstrap needs a database).
     */
    private String bootstrap(boolean database, List<String> refused) {
        if (database) {
            return EcsRefusals.kept(() -> BootstrapScript.of(databaseBootstrapImage, moduleDatabases, project,
                    getLog()::info, getLog()::warn), null, refused);
        }
        getLog().info("[extract] ecs: no database rendered: the application " + EcsSettings.NO_JDBC + ", so its tasks"
                + " get no datasource settings or database credentials, and the deployment no PostgreSQL database; add the"
                + " dependency " + EcsSettings.JDBC_STARTER + " (JDBC) or " + EcsSettings.R2DBC_STARTER
                + " (R2DBC) if the application reads one");
        return databaseBootstrapImage == null || databaseBootstrapImage.isBlank() ? null : databaseBootstrapImage.trim();
    }

    /**
     * The ECS settings from this goal's parameters, or null when they are refused: each wrong one is a line of
     * {@code refused} ({@link EcsParameters#settings}, as the checks ahead of this goal read them), and so is each
     * token setting that does not fit ({@link TokenSettings}); a warning about them is a line of {@code warned}.
     */
    private EcsSettings settings(ApplicationAnalysis analysis, boolean servlet, Path file, String app,
            String prefix, DatabaseClients database, String bootstrap, List<String> refused, List<String> warned) {
        List<String> mismatched = new ArrayList<>();
        EcsSettings.Identity identity = new TokenSettings(tokenIssuerModule, jwkSetPath, tokenIssuer, tokenAudience)
                .identity(app, analysis.model(), refused, mismatched);
        DeployPaths paths = DeployPaths.of(outputDirectory.toPath(), TopologyLocation.root(project),
                project.getBasedir().toPath(), servicesDirectory.toPath(), file);
        return parameters().settings(analysis.classes(), servlet, identity, mismatched, prefix, database,
                bootstrap, paths, ModuleLinks.httpCalls(analysis.model()), refused, warned);
    }

    /** This goal's settings that need no class, as given. */
    private EcsParameters parameters() {
        return new EcsParameters(containerPort, managementPort, deregistrationDelay, healthCheckGracePeriod, stopTimeout,
                healthCheckPath, contextPath, rdsCaBundle, springProfile, problemTypePrefix, moduleDatabases);
    }

    /** The folder the service goal copies into every image: this goal's setting, else the service goal's in the POM. */
    private Path imageFolder() {
        if (imageFiles != null) {
            return imageFiles.toPath();
        }
        var plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        return PluginExecutions.configured(plugin.getGroupId(), plugin.getArtifactId(), PluginExecutions.SERVICE_GOAL,
                "imageFiles", project.getBuildPlugins()).map(value -> project.getBasedir().toPath().resolve(value)).orElse(null);
    }
}
