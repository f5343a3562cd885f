package dev.forum.extraction.maven;

import dev.forum.extraction.assemble.ContentsReport;
import dev.forum.extraction.assemble.ServiceJarWriter;
import dev.forum.extraction.image.ImageBase;
import dev.forum.extraction.image.ImageFiles;
import dev.forum.extraction.image.ImageLayout;
import dev.forum.extraction.image.ImageTarget;
import dev.forum.extraction.image.ServiceImage;
import dev.forum.extraction.model.ApplicationModules;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.request.ExtractRequests;
import dev.forum.extraction.scan.BytecodeScanner;
import dev.forum.topology.Topology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Builds each requested service as {@code target/services/<service>/<service>.jar}: an executable
 * Spring Boot jar with the application's own classes, the shared libraries, the service's modules
 * (API and implementation) and only the API of the modules it calls; every other module's
 * implementation is left out. Also writes {@code contents.txt} beside it, and the service's OCI image
 * (Jib, no Docker daemon): by default {@code <service>-image.tar} beside the jar, or pushed to
 * {@code extract.image.registry}, or loaded into the Docker daemon with {@code extract.image.docker}.
 * Does nothing unless a service is requested with {@code -Dextract=<module or service>[,...]} or
 * {@code -Pextract=<module>}.
 */
@Mojo(name = "service", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class ServiceMojo extends AbstractMojo {

    /**
     * The services to build, comma-separated: a service of the topology file builds one service holding
     * that service's modules (the monolith: every module), a module name builds that module alone.
     * Profiles named {@code extract=<name>} request their name too. Empty: the goal does nothing.
     */
    @Parameter(property = "extract")
    private String extract;

    /**
     * The topology file, whose services are the names {@code extract} accepts besides the modules (see
     * the README, "Topology file"). A relative path is taken from the project's root directory (that of
     * its top-most parent POM). Without the file only module names are accepted.
     */
    @Parameter(property = "extract.topology", defaultValue = "topology.yml")
    private String topology;

    /**
     * The class-level annotation whose {@code value} (or {@code url}) on a module's API interface is the
     * module's route prefix, e.g. {@code @HttpExchange("/api/posts")}.
     */
    @Parameter(property = "extract.routeAnnotation", defaultValue = BytecodeScanner.DEFAULT_ROUTE_ANNOTATION)
    private String routeAnnotation;

    /**
     * The Spring Boot application class. Default: spring-boot-maven-plugin's {@code mainClass} in this
     * project; one of the two must be set.
     */
    @Parameter(property = "extract.mainClass")
    private String mainClass;

    /** The annotation that marks a module's API interface; its value is the module's name. */
    @Parameter(property = "extract.moduleApiAnnotation", defaultValue = "forum.platform.ModuleApi")
    private String moduleApiAnnotation;

    /** Where each service gets its folder. */
    @Parameter(defaultValue = "${project.build.directory}/services", required = true)
    private File outputDirectory;

    /** Every entry's time in the service jars (ISO-8601 or epoch seconds), so that builds are reproducible. */
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

    /** The image's name in the tar or the Docker daemon. Default: {@code <service>:<project version>}. */
    /**
     * A folder of files every service image gets as they are, its tree being the image's (for the forum:
     * {@code deploy/image}, the RDS certificate authorities at {@code /app/rds/global-bundle.pem}); a file with a
     * {@code .sha256} beside it is checked against it. None by default.
     */
    @Parameter(property = "extract.image.files")
    private File imageFiles;

    @Parameter(property = "extract.image.name")
    private String imageName;

    /** Push the image to this reference (e.g. {@code 127.0.0.1:5000/forum/posts:1} or an ECR URI) instead of writing a tar. */
    @Parameter(property = "extract.image.registry")
    private String imageRegistry;

    /** Load the image into the local Docker daemon instead of writing a tar. */
    @Parameter(property = "extract.image.docker", defaultValue = "false")
    private boolean imageDocker;

    /** Jib's cache of the services' own layers; pulled base layers stay in Jib's per-user cache. */
    @Parameter(defaultValue = "${project.build.directory}/jib-cache", required = true)
    private File imageCacheDirectory;

    /** The current build, for the active profiles. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** The application project whose classes and runtime libraries make the services. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            List<String> names = ExtractRequests.requestedNames(extract, session.getRequest().getActiveProfiles());
            if (names.isEmpty()) {
                return;
            }
            run(names);
        } catch (ExtractionException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while building the service image", e);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Cannot build the service: " + e.getMessage(), e);
        }
    }

    private void run(List<String> names) throws IOException, InterruptedException {
        Progress progress = new Progress(getLog(), project.getBasedir().toPath());
        String main = MainClass.of(mainClass, project);
        var time = OutputTimestamp.parse(outputTimestamp);
        ApplicationScan scan = ApplicationScan.of(project, main, moduleApiAnnotation, routeAnnotation, progress);
        Path classes = scan.classes;
        ApplicationModules app = scan.app;
        List<ServicePlan> plans = Planner.plan(app, ExtractRequests.resolve(names, topology(app), app.implementedModules()));
        // Checked before any jar is written, so a wrong setting costs nothing.
        ImageBase base = image ? ImageBase.parse(imageBase) : null;
        if (image && plans.size() > 1 && (isSet(imageName) || isSet(imageRegistry))) {
            throw new ExtractionException("extract.image.name / extract.image.registry name one image, but " + plans.size()
                    + " services are extracted: extract one service per build when you name its image");
        }

        for (ServicePlan plan : plans) {
            long start = System.nanoTime();
            Path folder = outputDirectory.toPath().resolve(plan.service());
            Path jar = folder.resolve(plan.service() + ".jar");
            List<Path> jars = plan.included().keySet().stream().map(ScannedArtifact::location)
                    .filter(location -> !location.equals(classes)).toList();
            ServiceJarWriter.write(classes, main, jars, jar, time);
            ContentsReport.write(plan, folder.resolve("contents.txt"));
            progress.assembled(plan, jars, jar, start);
            if (image) {
                image(plan, classes, main, base, folder, progress);
            }
        }
    }

    private void image(ServicePlan plan, Path classes, String main, ImageBase base, Path folder, Progress progress)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        String ownGroup = project.getGroupId() + ":";
        ImageLayout layout = ImageLayout.of(plan, classes, artifact -> artifact.name().startsWith(ownGroup), folder.resolve("image"))
                .withFiles(ImageFiles.of(imageFiles == null ? null : imageFiles.toPath()));
        ImageTarget target = ImageTarget.of(plan.service(), folder, project.getVersion(), imageName, imageRegistry, imageDocker);
        ServiceImage.Caches caches = new ServiceImage.Caches(null, imageCacheDirectory.toPath());
        ServiceImage.Built built = ServiceImage.build(layout, main, base, target, caches, getLog()::warn);
        progress.imaged(plan, base.toString(), layout, target.describe(project.getBasedir().toPath()), built, start);
    }

    /** The topology file's services, when the file is there; routes are only read when it is. */
    private Topology topology(ApplicationModules app) {
        Path file = TopologyLocation.resolve(topology, project);
        if (!TopologyLocation.exists(file)) {
            getLog().debug("[extract] no topology file at " + file + ": module names only");
            return null;
        }
        return TopologyLocation.read(file, app.moduleRoutes());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
