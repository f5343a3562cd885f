package dev.forum.extraction.maven;

import dev.forum.extraction.assemble.BootRepackager;
import dev.forum.extraction.assemble.ContentsReport;
import dev.forum.extraction.assemble.FilteredJar;
import dev.forum.extraction.assemble.RuntimeMetadata;
import dev.forum.extraction.assemble.ServiceClasses;
import dev.forum.extraction.assemble.ServiceJarWriter;
import dev.forum.extraction.image.ImageBase;
import dev.forum.extraction.image.ImageLayout;
import dev.forum.extraction.image.ImageTarget;
import dev.forum.extraction.image.ServiceImage;
import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.FunctionalRoutes;
import dev.forum.extraction.model.LaunchClassPlace;
import dev.forum.extraction.model.LibraryCounts;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.request.ExtractRequests;
import dev.forum.extraction.request.RequestedNames;
import dev.forum.topology.Topology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds each requested service as {@code target/services/<service>/<service>.jar}: an executable
 * Spring Boot jar cut by package from Spring Modulith's model of the application (read in a JVM of the
 * application's Java version): the application's classes outside every module, its libraries (what Spring
 * Boot's repackaging would pack), the service's modules, the open and shared modules, and of the other modules
 * only the published types it references. Every dependency that crosses the service's boundary is decided
 * first; anything that blocks it fails the build, one line each, before anything is written, and so does every image
 * setting that can be checked without building (names, the base tar, the base registry's host, the image files).
 * Also writes {@code contents.txt} beside it, and the service's OCI image (Jib, no Docker daemon): by default
 * {@code <service>-image.tar} beside the jar, or pushed to {@code extract.image.registry}, or loaded into the Docker
 * daemon with {@code extract.image.docker}. An earlier build's outputs in the service's folder are removed first, and
 * this build's when a later step (a pull, a push) fails, so a jar never sits beside an image of another build; the
 * working folders ({@code lib/}, {@code classes/}, {@code image/}) are removed once the service is built.
 * Builds nothing unless a service is requested with {@code -Dextract=<module or service>[,...]} or
 * {@code -Pextract=<module or service>[,...]}: bound in the POM it then says so in one INFO line, once per build, in
 * the application's project; run from the command line ({@code mvn extract:service}) it refuses, in one line saying
 * what to set ({@link NothingExtracted}).
 */
@Mojo(name = "service", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class ServiceMojo extends RequestingMojo {

    /** Where each service gets its folder. */
    @Parameter(defaultValue = "${project.build.directory}/services", required = true)
    private File outputDirectory;

    /**
     * Every entry's time in the service jars (ISO-8601 or epoch seconds); unset, 1980-02-01T00:00:00Z: either way the
     * same inputs give the same jar, byte for byte.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /** Build each service's OCI image too; {@code -Dextract.image=false} builds the jar only. */
    @Parameter(property = "extract.image", defaultValue = "true")
    private boolean image;

    /**
     * The image the service image starts from: a registry reference (plain HTTP only on 127.0.0.1,
     * localhost or [::1]) or {@code tar:///abs/path/base.tar} (a docker-save style tar, for offline builds).
     */
    @Parameter(property = "extract.image.base", defaultValue = ImageBase.DEFAULT)
    private String imageBase;

    /**
     * A folder of files every service image gets as they are, its tree being the image's (for the forum:
     * {@code deploy/image}, the RDS certificate authorities at {@code /app/rds/global-bundle.pem}); a file with a
     * {@code .sha256} beside it is checked against it. None by default.
     */
    @Parameter(property = "extract.image.files")
    private File imageFiles;

    /** The image's name in the tar or the Docker daemon. Default: {@code <service>:<project version>}. */
    @Parameter(property = "extract.image.name")
    private String imageName;

    /** Push the image to this reference (e.g. {@code 127.0.0.1:5000/forum/posts:1} or an ECR URI) instead of writing a tar. */
    @Parameter(property = "extract.image.registry")
    private String imageRegistry;

    /** Load the image into the local Docker daemon instead of writing a tar. */
    @Parameter(property = "extract.image.docker", defaultValue = "false")
    private boolean imageDocker;

    /**
     * The TCP port the image exposes (1 to 65535), and makes the application listen on ({@code SERVER_PORT} in its
     * environment). Default: the application's {@code server.port} (its {@code application.properties} or
     * {@code application.yml}), else Spring Boot's 8080.
     */
    @Parameter(property = "extract.image.port")
    private String imagePort;

    /**
     * The liveness check's path, the image's {@code <application class's package>.health.liveness} label; {@code none} for no label. Default:
     * {@code /actuator/health/liveness} (under {@code management.endpoints.web.base-path}) when the application has
     * spring-boot-actuator, else no label.
     */
    @Parameter(property = "extract.image.health.liveness")
    private String imageLiveness;

    /** The readiness check's path, the {@code <application class's package>.health.readiness} label; defaults as the liveness one's. */
    @Parameter(property = "extract.image.health.readiness")
    private String imageReadiness;

    /** Jib's cache of the services' own layers; pulled base layers stay in Jib's per-user cache. */
    @Parameter(defaultValue = "${project.build.directory}/jib-cache", required = true)
    private File imageCacheDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        perform("build the service", () -> {
            List<String> requested = session.getRequest().getActiveProfiles();
            Set<String> declared = declaredProfiles();
            List<ExtractRequests.Requested> names = requestedNames();
            if (names.isEmpty()) {
                String line = NothingExtracted.line(mojoExecution.getSource() == MojoExecution.Source.CLI);
                if (NothingExtracted.saidIn(project, WholeBuild.of(session), pluginId(), mainClass)) {
                    getLog().info(line);
                }
                return;
            }
            if (skippedHere()) {
                return;
            }
            List<String> continued = RequestedNames.listContinuations(requested, declared);
            if (!continued.isEmpty()) {
                getLog().info("[extract] Maven splits -P at commas and reads " + String.join(", ", continued)
                        + (continued.size() == 1 ? " as a profile of its own (it warns that it does not exist)"
                                : " as profiles of their own (it warns that they do not exist)")
                        + ": taken as the rest of the -Pextract list, building "
                        + String.join(", ", names.stream().map(ExtractRequests.Requested::name).toList()));
            }
            run(names);
        });
    }

    private void run(List<ExtractRequests.Requested> names) throws IOException, InterruptedException {
        Progress progress = progress();
        var time = OutputTimestamp.parse(outputTimestamp);
        ApplicationAnalysis analysis = analyse(true, progress);
        ModulithModel model = analysis.model();
        Topology file = TopologyLocation.optional(topology, project, session, model, getLog(), this::ecsChecksAhead);
        List<ServicePlan> plans = plans(names, model, file, analysis.packed());
        for (ServicePlan plan : plans) {
            Optional<String> refusal = LaunchClassPlace.refusal(model, plan, analysis.launchClass());
            if (refusal.isPresent()) {
                throw new ExtractionException(refusal.get());
            }
        }
        plans.forEach(plan -> ModuleRoutes.unreachable(model, plan.service(), plan.request().modules())
                .ifPresent(line -> getLog().warn("[extract] " + line)));
        plans.stream().filter(plan -> !plan.request().monolith()).forEach(plan -> ModuleRoutes.outsideTheirPrefix(model,
                plan.service(), plan.request().modules()).forEach(line -> getLog().warn("[extract] " + line)));
        plans.stream().filter(plan -> !plan.request().monolith()).forEach(plan -> FunctionalRoutes.warnings(model,
                plan.service(), plan.request().modules()).forEach(line -> getLog().warn("[extract] " + line)));
        plans.forEach(plan -> ApplicationWideModules.warnings(model, plan.request()).forEach(line -> getLog().warn("[extract] " + line)));
        RuntimeCheck.check(plans, model.extractableModules(),
                RuntimeLibraries.packs(project, "dev.forum:" + RuntimeCheck.RUNTIME_ARTIFACT), getLog()::warn);
        analysis.migrations().misnamed().forEach(line -> getLog().warn("[extract] " + line));
        ImageSettings images = image ? images(plans, analysis, progress) : null;
        BootRepackager repackager = BootPackaging.repackager(analysis.springBoot(), project, session, repositories);
        Set<String> allModules = new java.util.TreeSet<>(model.modules().stream().map(ModulithModel.Module::name).toList());

        for (ServicePlan plan : plans) {
            long start = System.nanoTime();
            Path folder = folder(plan.service());
            ServiceOutputs outputs = new ServiceOutputs(folder, plan.service());
            outputs.clear();
            try {
                Path jar = folder.resolve(plan.service() + ".jar");
                Predicate<String> include = entry -> entry.endsWith(".class")
                        ? plan.classes().contains(className(entry)) || !model.isApplicationClass(className(entry))
                        : plan.keepsResource(entry, allModules);
                List<Path> jars = libraries(plan, analysis.classes(), folder.resolve("lib"), include, time);
                Path classes = folder.resolve("classes");
                ServiceClasses.write(analysis.classes(), include, classes,
                        Map.of(RuntimeMetadata.LOCATION, RuntimeMetadata.of(model, plan.request().modules())));
                ServiceJarWriter.write(classes, entry -> true, analysis.launchClass(), jars, jar, time, repackager);
                Map<String, String> notPacked = notPacked(analysis);
                ContentsReport.write(plan, analysis.classes(), notPacked, folder.resolve("contents.txt"));
                progress.assembled(plan, LibraryCounts.of(plan, analysis.classes(), notPacked), jars, jar, start);
                if (images != null) {
                    image(plan, jars, classes, analysis.launchClass(), images, folder, progress);
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                String removed = outputs.removeAfterFailure(project.getBasedir().toPath());
                if (e instanceof ExtractionException refusal && refusal.lines().size() == 1) {
                    throw new ExtractionException(refusal.getMessage() + removed);
                }
                throw e;
            }
            outputs.removeWorking();
        }
    }

    private ImageSettings images(List<ServicePlan> plans, ApplicationAnalysis analysis, Progress progress) {
        List<String> services = plans.stream().map(ServicePlan::service).toList();
        return ImageSettings.of(services, this::folder, project.getVersion(), new ImageSettings.Requested(imageBase,
                imageName, imageRegistry, imageDocker, imageFiles == null ? null : imageFiles.toPath(),
                imagePort,
                imageLiveness, imageReadiness), analysis.classes(), RuntimeLibraries.actuator(project),
                analysis.servlet(progress::assumed), analysis.applicationClass());
    }

    private Path folder(String service) {
        return outputDirectory.toPath().resolve(service);
    }

    /** The run-time libraries Spring Boot's repackaging leaves out, each with why (contents.txt lists them). */
    private static Map<String, String> notPacked(ApplicationAnalysis analysis) {
        Map<String, String> notPacked = new java.util.TreeMap<>();
        analysis.libraries().forEach(e -> e.notPacked().ifPresent(why -> notPacked.put(e.name(), why)));
        return notPacked;
    }

    /** The service's jars: each included library, or its filtered copy when the service leaves some of its classes out. */
    private static List<Path> libraries(ServicePlan plan, Path classes, Path folder, Predicate<String> include, FileTime time)
            throws IOException {
        List<Path> jars = new ArrayList<>();
        for (var artifact : plan.included().keySet()) {
            if (artifact.location().equals(classes)) {
                continue;
            }
            if (plan.filtered().contains(artifact)) {
                Path copy = folder.resolve(artifact.location().getFileName());
                FilteredJar.write(artifact.location(), copy, include, time);
                jars.add(copy);
            } else {
                jars.add(artifact.location());
            }
        }
        return jars;
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    private void image(ServicePlan plan, List<Path> jars, Path classes, String main, ImageSettings images,
            Path folder, Progress progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        // The modules layer: the jars holding the application's own code (its modules); every other jar is a library.
        Set<Path> own = new HashSet<>();
        plan.included().keySet().stream().filter(a -> LibraryCounts.isApplication(a) && !a.location().equals(classes))
                .forEach(a -> own.add(a.location().getFileName()));
        ImageLayout layout = ImageLayout.of(jars, jar -> own.contains(jar.getFileName()), classes, entry -> true, folder.resolve("image"))
                .withFiles(images.files());
        ImageTarget target = images.targets().get(plan.service());
        ServiceImage.Caches caches = new ServiceImage.Caches(null, imageCacheDirectory.toPath());
        ServiceImage.Built built = ServiceImage.build(layout, main, images.base(), target, caches, images.container(),
                getLog()::warn);
        progress.imaged(plan, images.base() + ", " + images.container().describe(), layout, target.describe(project.getBasedir().toPath()), built, start);
    }
}
