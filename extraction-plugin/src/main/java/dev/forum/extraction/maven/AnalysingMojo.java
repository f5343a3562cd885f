package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.request.UnknownNames;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * What every goal that reads the application's modules shares: the parameters that say which application it is
 * ({@code extract.mainClass}, {@code extract.applicationClass}, {@code extract.routeAnnotation}), the build's project, session and JDK toolchain, and
 * the one way to run the analysis ({@link ApplicationAnalysis}, in a JVM of the application's JDK), and the one way
 * a goal fails ({@link #perform}).
 */
abstract class AnalysingMojo extends AbstractMojo {

    /**
     * The launch class: the class with the main method, each service jar's {@code Start-Class}. Default: as Spring
     * Boot's repackaging finds it for the application's jar: spring-boot-maven-plugin's {@code mainClass} in this
     * project (the {@code start-class} property under {@code spring-boot-starter-parent}), else the one class with a
     * main method annotated {@code @SpringBootApplication}, else the one class with a main method. Set, it must be the
     * class spring-boot-maven-plugin's repackage uses too, when the project runs it.
     */
    @Parameter(property = "extract.mainClass")
    protected String mainClass;

    /**
     * The application class: the one Spring Modulith reads the modules from, annotated {@code @SpringBootApplication},
     * {@code @Modulithic} or {@code @Modulith}. Default: the launch class when it is annotated, else the one annotated
     * class in its package or the nearest package above (Kotlin's {@code App} for the {@code AppKt} of a top-level
     * {@code fun main}).
     */
    @Parameter(property = "extract.applicationClass")
    protected String applicationClass;

    /** The class-level annotation whose {@code value} (or {@code url}) on an HTTP contract is its route prefix. */
    @Parameter(property = "extract.routeAnnotation", defaultValue = BytecodeScanner.DEFAULT_ROUTE_ANNOTATION)
    protected String routeAnnotation;

    /** The application project whose classes and runtime libraries are analysed. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The current build, for its active profiles and repositories. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** This goal's run, for the plugin's descriptor: the properties its goals read ({@link PluginProperties}). */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** The JDK toolchain the build selected: the module analysis runs on it. */
    @Component
    protected ToolchainManager toolchains;

    /** Resolves Spring Modulith's core (and Spring Boot's loader tools) in the application's versions when needed. */
    @Component
    protected RepositorySystem repositories;

    /** The package of the application's main class, once {@link #analyse} found it (else null): for {@link OffClassPath}. */
    private String basePackage;

    /** A goal's work: reads, analyses, writes. */
    @FunctionalInterface
    protected interface Work {
        void run() throws IOException, InterruptedException;
    }

    /**
     * Runs a goal's work and turns what stops it into what Maven shows: a refusal ({@link ExtractionException}) into
     * one {@code [ERROR]} line each and a failed build ({@link Refusals}), an unknown module's with where its code is
     * when a project of the build the application does not depend on holds it ({@link OffClassPath}); an interruption
     * or an I/O or unexpected failure into an error saying "Cannot {@code task}".
     *
     * @param task what the goal does, for the error's message (e.g. "build the service")
     * @throws MojoFailureException   the refusal
     * @throws MojoExecutionException anything else that stopped it
     */
    protected void perform(String task, Work work) throws MojoExecutionException, MojoFailureException {
        try {
            PluginProperties.check(session.getUserProperties(), mojoExecution.getMojoDescriptor().getPluginDescriptor());
            work.run();
        } catch (ExtractionException e) {
            // An unknown module's code may be in a project of the build the application does not depend on: say so.
            // Before the analysis found the main class (check-request, at validate), its package as the sources show it.
            List<MavenProject> build = session == null ? List.of() : WholeBuild.of(session).getAllProjects();
            String base = basePackage;
            if (e instanceof UnknownNames && base == null && build.size() > 1) {
                ApplicationSources sources = ApplicationSources.of(project, mainClass, applicationClass);
                sources.ambiguity().ifPresent(getLog()::warn);
                base = sources.basePackage().orElse(null);
            }
            throw Refusals.report(getLog(), OffClassPath.withHints(e, base, project, build));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted: cannot " + task, e);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Cannot " + task + ": " + e.getMessage(), e);
        }
    }

    /** @return the progress lines of this goal, paths relative to the project's folder */
    protected Progress progress() {
        return new Progress(getLog(), project.getBasedir().toPath());
    }

    /**
     * Reads the application's modules from Spring Modulith's model.
     *
     * @param requireJars whether every runtime library must be a jar (a service jar packs them), not a folder
     * @param progress    where the analysis reports its steps
     * @return the analysis
     * @throws dev.forum.extraction.model.ExtractionException what about the application refuses the analysis, one line
     * @throws IOException          when the classes or libraries cannot be read
     * @throws InterruptedException when the build is interrupted while the analysis JVM runs
     */
    protected ApplicationAnalysis analyse(boolean requireJars, Progress progress) throws IOException, InterruptedException {
        if (session != null) {
            // A POM's <mainClass> wins over -Dextract.mainClass (Maven's rule): say so rather than ignore it in silence.
            MainClass.ignoredProperty("extract.mainClass", "mainClass",
                    session.getUserProperties().getProperty("extract.mainClass"), mainClass).ifPresent(getLog()::warn);
            MainClass.ignoredProperty("extract.applicationClass", "applicationClass",
                    session.getUserProperties().getProperty("extract.applicationClass"), applicationClass)
                    .ifPresent(getLog()::warn);
        }
        ApplicationAnalysis analysis = ApplicationAnalysis.of(new ApplicationAnalysis.Settings(project, session, toolchains,
                repositories, mainClass, applicationClass, routeAnnotation, requireJars, progress, mojoExecution.getGoal(),
                buildsFromModules()));
        String main = analysis.applicationClass();
        basePackage = main.contains(".") ? main.substring(0, main.lastIndexOf('.')) : "";
        return analysis;
    }

    /**
     * Whether this project is a part of a multi-project build that is not the application (a {@code pom} project, or
     * a library of another project of the build without a main class: {@link ReactorPart}), which a goal that reads the
     * application skips, saying so in one {@code [INFO]} line: so a goal run from the build's root
     * ({@code mvn compile extract:report}) reaches the application's project instead of failing on the first library.
     *
     * @return true when the goal is to do nothing here (the line is logged)
     * @throws dev.forum.extraction.model.ExtractionException when it would skip here and no application project of the
     *                             build runs it: the build would pass having done nothing ({@link ReactorPart#line})
     */
    protected boolean skippedHere() {
        Optional<String> skipped = ReactorPart.skipped(mojoExecution.getGoal(), pluginId(), project, session, mainClass);
        skipped.ifPresent(getLog()::info);
        return skipped.isPresent();
    }

    /** This plugin as its executions in POMs and the command line name it. */
    protected ReactorPart.PluginId pluginId() {
        var plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        return new ReactorPart.PluginId(plugin.getGroupId(), plugin.getArtifactId(), plugin.getGoalPrefix());
    }

    /**
     * Whether this goal builds something from the modules (metadata, jars, a deployment): then an application without
     * Spring Modulith is refused; a goal that only reports says what it assumed instead.
     */
    protected boolean buildsFromModules() {
        return true;
    }
}
