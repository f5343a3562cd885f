package dev.forum.extraction.maven;

import dev.forum.extraction.analysis.AnalysisFork;
import dev.forum.extraction.analysis.ModelJson;
import dev.forum.extraction.analysis.SupportedVersions;
import dev.forum.extraction.analyzer.ModulithAnalyzer;
import dev.forum.extraction.model.ApplicationProperties;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.runtime.web.RoutePaths;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * The application as the goals see it: its main class, its run-time libraries, its modules read from Spring
 * Modulith's model in a JVM of the application's Java version (cached in {@code target/extract/} while the class
 * path is unchanged, so several goals in one build read it once), and the bytecode of every artifact that holds
 * application classes.
 *
 * @param classes          the application's classes directory
 * @param launchClass      the class with the main method ({@link MainClass}): the service jars' {@code Start-Class}, the
 *                         images' entry point
 * @param applicationClass the class Spring Modulith read the modules from ({@link MainClassApplication})
 * @param libraries the run-time libraries, in class path order
 * @param packed    the classes directory and every library Spring Boot's repackaging packs, read (only those holding
 *                  application classes in full): the ones a service may hold, so the ones every goal plans with (the
 *                  report too, so that it says what the service goal would do)
 * @param model     Spring Modulith's model of the application
 * @param springBoot the application's Spring Boot version, if it has Spring Boot
 */
record ApplicationAnalysis(Path classes, String launchClass, String applicationClass, List<RuntimeLibraries.Entry> libraries,
        List<ScannedArtifact> packed, ModulithModel model, Optional<String> springBoot) {

    /**
     * Whether Spring Boot runs the application as a servlet one ({@link WebStack}), for the goals that read its paths by
     * its web stack: the service goal building images (their health labels) and the {@code ecs} goal. On Spring Boot
     * 4.0.0 (or a pre-release) whose rule deduces another type from the same class path ({@link WebStack.Deduced}),
     * while the application's settings, read as the service image reads them (its files' own active profiles, not
     * {@code extract.ecs.profile}'s: {@link ApplicationProperties#read(Path)}), name no
     * {@code spring.main.web-application-type}, {@code warn} gets {@link SupportedVersions#webStackRule}'s line.
     *
     * @param warn takes the warning line, at most one
     * @return true for a servlet application: the stack whose paths apply when the settings name none
     * @throws ExtractionException (one line) when a library's jar cannot be read
     */
    boolean servlet(Consumer<String> warn) {
        WebStack.Deduced deduced = WebStack.read(libraries);
        String named = ApplicationProperties.read(classes).written(RoutePaths.WEB_APPLICATION_TYPE);
        if (deduced.boot400Differs() && (named == null || named.isBlank())) {
            SupportedVersions.webStackRule(springBoot).ifPresent(warn);
        }
        return deduced.servlet();
    }

    /**
     * @param libraries the run-time libraries, each saying whether Spring Boot's repackaging packs it
     * @param scanned   the classes directory and every library, read
     * @return {@code scanned} without the libraries the repackaging leaves out, in the same order
     */
    static List<ScannedArtifact> packedOnly(List<RuntimeLibraries.Entry> libraries, List<ScannedArtifact> scanned) {
        Set<Path> left = new HashSet<>();
        libraries.stream().filter(e -> !e.packed()).forEach(e -> left.add(e.file()));
        return scanned.stream().filter(a -> !left.contains(a.location())).toList();
    }

    /** The plugin's own Spring Modulith, used for an application without one. */
    static final String DEFAULT_MODULITH_VERSION = PluginVersions.get("spring-modulith.version");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /**
     * What the goals pass in.
     *
     * @param mainClass        the goal's {@code mainClass} (the launch class), or null
     * @param applicationClass the goal's {@code applicationClass}, or null
     * @param goal   the goal asking (e.g. {@code service}), for its refusals
     * @param builds whether the goal builds from the modules (every goal but the report): an application without
     *               Spring Modulith is refused then, and only warned about otherwise
     */
    record Settings(MavenProject project, MavenSession session, ToolchainManager toolchains, RepositorySystem repositories,
            String mainClass, String applicationClass, String routeAnnotation, boolean requireJars, Progress progress, String goal, boolean builds) {
    }

    static ApplicationAnalysis of(Settings settings) throws IOException, InterruptedException {
        MavenProject project = settings.project();
        Optional<String> boot = AnalysisClasspath.version(project, "org.springframework.boot", "spring-boot");
        Optional<String> modulith = AnalysisClasspath.version(project, AnalysisClasspath.MODULITH_GROUP, null);
        SupportedVersions.requireSpring(boot, modulith);
        SupportedVersions.withoutModulith(boot, modulith, settings.goal(), settings.builds(), DEFAULT_MODULITH_VERSION)
                .ifPresent(settings.progress()::assumed);
        MainClass.Classes mains = MainClass.of(settings.mainClass(), settings.applicationClass(), project,
                settings.requireJars());
        String main = mains.launch();
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<RuntimeLibraries.Entry> libraries = RuntimeLibraries.of(project, settings.requireJars());
        settings.progress().resolved(libraries);
        RouteAnnotation.require(settings.routeAnnotation(), classes, project);

        int release = SupportedVersions.javaRelease(Files.readAllBytes(classes.resolve(main.replace('.', '/') + ".class")));
        SupportedVersions.check(boot, modulith, release);
        Path java = AnalysisJdk.find(settings.toolchains(), settings.session(), release,
                AnalysisJdk.declaresToolchainsPlugin(project), settings.goal());

        List<Path> application = new ArrayList<>();
        application.add(classes);
        libraries.forEach(entry -> application.add(entry.file()));
        AnalysisClasspath.runtimeMismatch(project).ifPresent(settings.progress()::assumed);
        List<Path> classpath = AnalysisClasspath.of(application, project, settings.session(), settings.repositories(),
                modulith.orElse(DEFAULT_MODULITH_VERSION));
        Path work = Path.of(project.getBuild().getDirectory(), "extract");
        ModulithModel model = cachedOrRun(new AnalysisFork.Request(java, classpath, mains.application(), main,
                settings.routeAnnotation(), work, TIMEOUT));
        List<ScannedArtifact> scanned = scan(project, classes, libraries, model);
        settings.progress().analyzed(model, java, scanned);
        return new ApplicationAnalysis(classes, main, mains.application(), libraries, packedOnly(libraries, scanned), model, boot);
    }

    /**
     * Spring Modulith's event publication registry of the application: its kind from the run-time class path, its
     * settings from the application's own settings files ({@link ApplicationProperties}).
     *
     * @param project        the application's project, its dependencies resolved
     * @param deployProfiles the profiles the goal's deployment activates (empty: none), or null when the goal does not
     *                       know the deployment
     */
    PublicationRegistry publicationRegistry(MavenProject project, List<String> deployProfiles) {
        return PublicationRegistry.detect(RuntimeLibraries.ids(project), ApplicationProperties.read(classes, deployProfiles));
    }

    /**
     * The application's migrations as the goals warn of them: whether they run per module and which folders of
     * {@code db/migration/} hold them, in the application's own artifacts ({@link #packed}).
     */
    PerModuleMigrations migrations() {
        return new PerModuleMigrations(classes, packed, model);
    }

    /** The model from {@code target/extract/modules.json} when it was read from the same inputs, else a new analysis. */
    private static ModulithModel cachedOrRun(AnalysisFork.Request request) throws IOException, InterruptedException {
        Path json = request.workDirectory().resolve("modules.json");
        Path keyFile = request.workDirectory().resolve("modules.key");
        String key = key(request);
        if (Files.isRegularFile(json) && Files.isRegularFile(keyFile) && Files.readString(keyFile).equals(key)) {
            return ModelJson.read(json);
        }
        Files.deleteIfExists(keyFile);
        ModulithModel model = AnalysisFork.run(request);
        Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        return model;
    }

    /** A digest of everything the analysis reads: its settings, the JDK, each jar's size and time, each folder's files and their content. */
    private static String key(AnalysisFork.Request request) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(ModulithAnalyzer.class.getName()).append('\n')
                    .append(request.java()).append('\n').append(request.mainClass()).append('\n')
                    .append(request.launchClass()).append('\n')
                    .append(request.routeAnnotation()).append('\n');
            for (Path entry : request.classpath()) {
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        // The module metadata the modules goal writes into the classes is no input of the analysis.
                        for (Path file : files.filter(Files::isRegularFile).filter(f -> !entry.relativize(f).toString()
                                .replace('\\', '/').startsWith("META-INF/extraction/")).sorted().toList()) {
                            // By content: the build rewrites resources with new times on every run.
                            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                            crc.update(Files.readAllBytes(file));
                            text.append(file).append(' ').append(crc.getValue()).append('\n');
                        }
                    }
                } else if (Files.exists(entry)) {
                    text.append(entry).append(' ').append(Files.size(entry)).append(' ')
                            .append(Files.getLastModifiedTime(entry).toMillis()).append('\n');
                }
            }
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the bytecode of the artifacts that hold application classes; the others are libraries, recorded empty. */
    private static List<ScannedArtifact> scan(MavenProject project, Path classes, List<RuntimeLibraries.Entry> libraries,
            ModulithModel model) {
        List<RuntimeLibraries.Entry> entries = new ArrayList<>();
        entries.add(new RuntimeLibraries.Entry(project.getId() + " (classes)", classes));
        entries.addAll(libraries);
        List<String> roots = model.rootPackages().stream().map(p -> p.replace('.', '/') + "/").toList();
        BytecodeScanner scanner = new BytecodeScanner();
        return entries.parallelStream().map(entry -> {
            try {
                return holdsAny(entry.file(), roots) ? scanner.scan(entry.name(), entry.file())
                        : new ScannedArtifact(entry.name(), entry.file(), java.util.Map.of());
            } catch (IOException e) {
                throw new ExtractionException("Cannot read " + entry.file() + " (" + e.getMessage() + "): rebuild it with `package`");
            }
        }).toList();
    }

    private static boolean holdsAny(Path location, List<String> roots) throws IOException {
        if (Files.isDirectory(location)) {
            return roots.stream().anyMatch(root -> Files.isDirectory(location.resolve(root)));
        }
        try (ZipFile zip = new ZipFile(location.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().endsWith(".class") && roots.stream().anyMatch(e.getName()::startsWith));
        }
    }
}
