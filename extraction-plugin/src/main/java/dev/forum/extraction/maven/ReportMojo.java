package dev.forum.extraction.maven;

import dev.forum.extraction.model.ModuleChecks;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.report.ExtractionReport;
import dev.forum.extraction.report.ReportJson;
import dev.forum.extraction.report.ReportText;
import dev.forum.topology.Topology;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reports, for every module Spring Modulith finds in the application, whether it can be extracted alone now (as a
 * service of its own, every other module staying in the monolith) and exactly what blocks it, and for every service of
 * the topology file whether {@code -Dextract=<service>} builds now and what blocks it: the report is logged
 * and written as {@code target/extract/report.txt} and as {@code target/extract/report.json} (its schema:
 * {@code report.schema.json} in the plugin, described in its README). Builds no jar and no image; it needs the
 * application's classes compiled ({@code ./mvnw compile extract:report}). With {@code -Dextract} it refuses an unknown
 * or blocked name already here ({@link RequestingMojo#refuseEarly}), as the service goal would at {@code package}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class ReportMojo extends RequestingMojo {

    /** Where {@code report.txt} and {@code report.json} go. */
    @Parameter(property = "extract.report.outputDirectory", defaultValue = "${project.build.directory}/extract", required = true)
    private File outputDirectory;

    /** Skip the report. */
    @Parameter(property = "extract.report.skip", defaultValue = "false")
    private boolean skip;

    /** The report only reads: an application without Spring Modulith is reported on, with a warning. */
    @Override
    protected boolean buildsFromModules() {
        return false;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            return;
        }
        perform("write the extraction report", () -> {
            if (skippedHere()) {
                return;
            }
            Progress progress = progress();
            ApplicationAnalysis analysis = analyse(false, progress);
            ModuleChecks.requireModules(analysis.model());
            Topology file = TopologyLocation.optional(topology, project, session, analysis.model(), getLog(),
                    this::ecsChecksAhead);
            refuseEarly(analysis.model(), file, analysis.packed());
            if (file != null) {
                ModuleRoutes.blockedServices(file, analysis.model()).values()
                        .forEach(line -> getLog().warn("[extract] " + line));
            }
            ExtractionReport report = report(analysis.model(), analysis.packed(), analysis.springBoot(), file,
                    topologyServices(file), analysis.publicationRegistry(project, null), analysis.migrations().misnamed());
            List<String> text = ReportText.lines(report);
            Path out = outputDirectory.toPath();
            Files.createDirectories(out);
            Files.write(out.resolve("report.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("report.json"), ReportJson.write(report), StandardCharsets.UTF_8);
            for (String line : text) {
                if (line.startsWith(ReportText.WARNING)) {
                    getLog().warn("[extract] " + line.substring(ReportText.WARNING.length()));
                } else {
                    getLog().info("[extract] " + line);
                }
            }
            getLog().info("[extract] report: " + project.getBasedir().toPath().relativize(out.resolve("report.txt").toAbsolutePath())
                    + ", " + project.getBasedir().toPath().relativize(out.resolve("report.json").toAbsolutePath()));
        });
    }

    /**
     * The report, a service of the topology file blocked by everything {@code -Dextract=<service>} refuses it for: the
     * blockers of its plan, and first the load balancer's missing route ({@link ModuleRoutes#blockedServices}).
     *
     * @param file the topology file read, or null for none
     * @param registry the application's event publication registry, for the warnings of plans sharing its table
     * @param misnamedMigrationFolders the warnings for the folders of {@code db/migration/} whose migrations do not run
     *                 as their module's ({@link PerModuleMigrations#misnamed}), one line each
     */
    static ExtractionReport report(ModulithModel model, List<ScannedArtifact> scanned, Optional<String> springBoot,
            Topology file, TopologyServices services, PublicationRegistry registry, List<String> misnamedMigrationFolders) {
        Map<String, String> unrouted = file == null ? Map.of() : ModuleRoutes.blockedServices(file, model);
        return ExtractionReport.of(model, scanned, springBoot, services, unrouted, registry, misnamedMigrationFolders);
    }
}
