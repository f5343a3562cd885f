package dev.forum.extraction.maven;

import static dev.forum.extraction.maven.WebStack.DISPATCHER_HANDLER;
import static dev.forum.extraction.maven.WebStack.DISPATCHER_SERVLET;
import static dev.forum.extraction.maven.WebStack.MONO;
import static dev.forum.extraction.maven.WebStack.REACTIVE_DEDUCER;
import static dev.forum.extraction.maven.WebStack.SERVLET;
import static dev.forum.extraction.maven.WebStack.SERVLET_DEDUCER;
import static dev.forum.extraction.maven.WebStack.WEB_CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.FakeBaseImage;
import dev.forum.extraction.analysis.SupportedVersions;
import dev.forum.extraction.ecs.DatabaseClients;
import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web stack both goals read the application's paths for, decided from its run-time class path as Spring Boot 4.1's
 * {@code WebApplicationType.deduce()} decides it. In: the application's libraries (stand-in jars holding only the
 * classes the rule reads); out: the stack, and the paths the service goal's health labels and the ecs goal's settings
 * take from it.
 */
class WebStackTest {

    /** Settings of both stacks: each stack reads its own. */
    private static final String BOTH = "server.servlet.context-path: /hr\nspring.webflux.base-path: /shop\n";

    @TempDir
    Path dir;

    /** Spring Boot 4's WebMVC starter: spring-boot-webmvc, Spring MVC, spring-web and Tomcat. */
    private List<RuntimeLibraries.Entry> servletStarter() throws IOException {
        return List.of(jar("spring-boot-webmvc", SERVLET_DEDUCER), jar("spring-webmvc", DISPATCHER_SERVLET),
                jar("spring-web", WEB_CONTEXT), jar("tomcat-embed-core", SERVLET));
    }

    /** Spring Boot 4's WebFlux starter: spring-boot-webflux, Spring WebFlux, Reactor and spring-web. */
    private List<RuntimeLibraries.Entry> reactiveStarter() throws IOException {
        return List.of(jar("spring-boot-webflux", REACTIVE_DEDUCER), jar("spring-webflux", DISPATCHER_HANDLER),
                jar("reactor-core", MONO), jar("spring-web", WEB_CONTEXT));
    }

    @Test
    void webFluxsStarterWithATransitiveSpringWebMvcButNoSpringBootWebMvcIsReactive() throws Exception {
        List<RuntimeLibraries.Entry> libraries = new ArrayList<>(reactiveStarter());
        libraries.add(jar("spring-webmvc", DISPATCHER_SERVLET));
        assertFalse(WebStack.read(libraries).servlet(), "no spring-boot-webmvc: its deducer does not answer, WebFlux's does");
        libraries.add(jar("tomcat-embed-core", SERVLET));
        assertFalse(WebStack.read(libraries).servlet(), "the servlet API too: WebFlux's deducer answers before Boot's fallback");

        assertEquals("/shop", servicePathsPrefix(libraries), "the service goal's health label");
        assertEquals("/shop", ecsContextPath(libraries), "the ecs goal's context path");
    }

    @Test
    void aPlainServletApplicationIsServletAndReadsItsServletContextPathInBothGoals() throws Exception {
        assertTrue(WebStack.read(servletStarter()).servlet());
        assertEquals("/hr", servicePathsPrefix(servletStarter()));
        assertEquals("/hr", ecsContextPath(servletStarter()));
    }

    @Test
    void aPlainReactiveApplicationIsReactiveAndReadsItsBasePathInBothGoals() throws Exception {
        assertFalse(WebStack.read(reactiveStarter()).servlet());
        assertEquals("/shop", servicePathsPrefix(reactiveStarter()));
        assertEquals("/shop", ecsContextPath(reactiveStarter()));
    }

    @Test
    void theDeducersAnswerInTheirOrderThenBootsOwnFallback() {
        assertEquals(WebStack.Type.SERVLET, WebStack.deduce(Set.of(SERVLET_DEDUCER, SERVLET, DISPATCHER_SERVLET,
                WEB_CONTEXT, REACTIVE_DEDUCER, MONO, DISPATCHER_HANDLER)::contains), "both starters: WebMVC's comes first");
        assertEquals(WebStack.Type.REACTIVE, WebStack.deduce(Set.of(SERVLET_DEDUCER, SERVLET, WEB_CONTEXT,
                REACTIVE_DEDUCER, MONO, DISPATCHER_HANDLER)::contains), "WebMVC's deducer without Spring MVC: no answer");
        assertEquals(WebStack.Type.SERVLET, WebStack.deduce(Set.of(SERVLET, WEB_CONTEXT)::contains),
                "no deducer: the servlet API and a web context make a servlet application");
        assertEquals(WebStack.Type.NONE, WebStack.deduce(Set.of(DISPATCHER_SERVLET, WEB_CONTEXT)::contains),
                "no servlet API, no deducer: no web server");
        assertEquals(WebStack.Type.NONE, WebStack.deduce(Set.of(MONO, DISPATCHER_HANDLER)::contains),
                "WebFlux without spring-boot-webflux: no deducer answers");
    }

    @Test
    void onlyWhatTheRepackagingPacksCountsAndAClassesFolderIsReadToo() throws Exception {
        List<RuntimeLibraries.Entry> optionalWebMvc = new ArrayList<>(reactiveStarter());
        optionalWebMvc.add(new RuntimeLibraries.Entry("org.springframework.boot:spring-boot-webmvc:jar:4.1.1",
                jar("spring-boot-webmvc-optional", SERVLET_DEDUCER).file(), Optional.of("it is optional")));
        optionalWebMvc.add(jar("spring-webmvc", DISPATCHER_SERVLET));
        optionalWebMvc.add(jar("tomcat-embed-core", SERVLET));
        assertFalse(WebStack.read(optionalWebMvc).servlet(), "an optional spring-boot-webmvc is in no service's jar");

        Path folder = dir.resolve("reactor-module/classes");
        Path deducer = folder.resolve(SERVLET_DEDUCER.replace('.', '/') + ".class");
        Files.createDirectories(deducer.getParent());
        Files.write(deducer, new byte[] {(byte) 0xCA, (byte) 0xFE});
        List<RuntimeLibraries.Entry> withFolder = new ArrayList<>(servletStarter().subList(1, 4));
        withFolder.add(new RuntimeLibraries.Entry("org.springframework.boot:spring-boot-webmvc:jar:4.1.1", folder));
        assertTrue(WebStack.read(withFolder).servlet());
    }

    /**
     * A library that is no jar stands for one the reading would open: after Spring MVC's starter it is not opened (the
     * answer is settled), ahead of the starter's artifacts it is not opened either (they are read first), and with
     * WebFlux's starter, whose answer rests on Spring MVC's deducer being absent, it is.
     */
    @Test
    void theReadingStopsOnceSpringMvcsDeducerAndItsClassesAreFoundAndReadsEveryJarOtherwise() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        RuntimeLibraries.Entry broken = new RuntimeLibraries.Entry("org.example:broken:jar:1", notAJar);
        List<RuntimeLibraries.Entry> after = new ArrayList<>(servletStarter());
        after.add(broken);
        assertTrue(WebStack.read(after).servlet());
        List<RuntimeLibraries.Entry> before = new ArrayList<>(List.of(broken));
        before.addAll(servletStarter());
        assertTrue(WebStack.read(before).servlet());

        List<RuntimeLibraries.Entry> reactive = new ArrayList<>(reactiveStarter());
        reactive.add(broken);
        ExtractionException refused = assertThrows(ExtractionException.class, () -> WebStack.read(reactive));
        assertTrue(refused.getMessage().startsWith("Cannot read " + notAJar + " (org.example:broken:jar:1)"),
                refused.getMessage());
    }

    /**
     * Spring Boot 4.0.0 deduces by Boot 3's rule: reactive when WebFlux's DispatcherHandler is there without Spring MVC's
     * DispatcherServlet or Jersey, else servlet with the servlet API. The two rules part only where both stacks' classes
     * come along.
     */
    @Test
    void springBoot400sRuleDiffersOnlyWhereBothStacksClassesComeAlong() throws Exception {
        assertEquals(WebStack.Type.REACTIVE, WebStack.deduceBoot400(Set.of(DISPATCHER_HANDLER, SERVLET, WEB_CONTEXT)::contains));
        assertEquals(WebStack.Type.SERVLET, WebStack.deduceBoot400(Set.of(DISPATCHER_HANDLER, WebStack.JERSEY, SERVLET,
                WEB_CONTEXT)::contains), "Jersey: Boot 3's fallback");
        assertEquals(WebStack.Type.NONE, WebStack.deduceBoot400(Set.of(DISPATCHER_SERVLET)::contains));

        assertEquals(new WebStack.Deduced(WebStack.Type.SERVLET, false), WebStack.read(servletStarter()));
        assertEquals(new WebStack.Deduced(WebStack.Type.REACTIVE, false), WebStack.read(reactiveStarter()));
        List<RuntimeLibraries.Entry> both = new ArrayList<>(reactiveStarter());
        both.add(jar("spring-webmvc", DISPATCHER_SERVLET));
        both.add(jar("tomcat-embed-core", SERVLET));
        assertEquals(new WebStack.Deduced(WebStack.Type.REACTIVE, true), WebStack.read(both),
                "WebFlux's starter with a transitive Spring MVC: reactive on 4.0.1, servlet on 4.0.0");
        List<RuntimeLibraries.Entry> plainWebFlux = new ArrayList<>(servletStarter().subList(1, 4));
        plainWebFlux.add(jar("spring-webflux", DISPATCHER_HANDLER));
        assertEquals(new WebStack.Deduced(WebStack.Type.SERVLET, false), WebStack.read(plainWebFlux),
                "spring-webflux beside Spring MVC, no deducer: Boot's fallback and 4.0.0's alike");
        assertEquals(new WebStack.Deduced(WebStack.Type.SERVLET, true), WebStack.read(List.of(jar("spring-webflux",
                DISPATCHER_HANDLER), jar("spring-web", WEB_CONTEXT), jar("tomcat-embed-core", SERVLET))),
                "spring-webflux beside the servlet API, no spring-boot-webflux: servlet on 4.0.1, reactive on 4.0.0");
    }

    /**
     * The goals that read the web stack warn of Spring Boot 4.0.0 once, and only where its rule gives another stack and
     * the settings name none: not for a single stack, not on 4.0.1, not once spring.main.web-application-type is set.
     */
    @Test
    void theSpringBoot400WarningComesOnlyWhereItsRuleDiffersAndNoStackIsNamed() throws Exception {
        List<RuntimeLibraries.Entry> both = new ArrayList<>(reactiveStarter());
        both.add(jar("spring-webmvc", DISPATCHER_SERVLET));
        both.add(jar("tomcat-embed-core", SERVLET));
        Path classes = classes();

        List<String> warned = new ArrayList<>();
        assertFalse(analysis(classes, both, "4.0.0").servlet(warned::add));
        assertEquals(List.of(SupportedVersions.webStackRule(Optional.of("4.0.0")).orElseThrow()), warned);

        warned.clear();
        assertTrue(analysis(classes, servletStarter(), "4.0.0").servlet(warned::add));
        assertFalse(analysis(classes, reactiveStarter(), "4.0.0-RC2").servlet(warned::add));
        assertFalse(analysis(classes, both, "4.0.1").servlet(warned::add));
        assertEquals(List.of(), warned, "one stack only, or 4.0.1");

        Files.writeString(classes.resolve("application.yml"), BOTH + "spring.main.web-application-type: servlet\n");
        assertFalse(analysis(classes, both, "4.0.0").servlet(warned::add), "the deduced stack, whatever the setting");
        assertEquals(List.of(), warned, "the stack named, as the warning advises");
    }

    /** The analysis as the goals reading the web stack have it (no model: the web stack does not read it). */
    private static ApplicationAnalysis analysis(Path classes, List<RuntimeLibraries.Entry> libraries, String boot) {
        return new ApplicationAnalysis(classes, "example.shop.ShopApplication", "example.shop.ShopApplication", libraries,
                List.of(), null, Optional.of(boot));
    }

    /** The route prefix of the service goal's health labels: the readiness label without Actuator's part. */
    private String servicePathsPrefix(List<RuntimeLibraries.Entry> libraries) throws IOException {
        Path classes = classes();
        Path base = FakeBaseImage.write(dir.resolve("base.tar"));
        ImageSettings images = ImageSettings.of(List.of("shop"), service -> dir.resolve("services").resolve(service), "1",
                new ImageSettings.Requested("tar://" + base, null, null, false, null, null, null, null), classes, true,
                WebStack.read(libraries).servlet(), "example.shop.ShopApplication");
        String readiness = images.container().readiness();
        assertTrue(readiness.endsWith("/actuator/health/readiness"), readiness);
        return readiness.substring(0, readiness.length() - "/actuator/health/readiness".length());
    }

    /** The ecs goal's context path (the listener rules' prefix) from its default settings. */
    private String ecsContextPath(List<RuntimeLibraries.Entry> libraries) throws IOException {
        List<String> refused = new ArrayList<>();
        EcsSettings settings = EcsParametersTest.DEFAULTS.settings(classes(), WebStack.read(libraries).servlet(), null,
                List.of(), "shop", DatabaseClients.JDBC, null, new DeployPaths(".", ".", ".", "topology.yml"), Map.of(), refused,
                new ArrayList<>());
        assertEquals(List.of(), refused);
        return settings.contextPath();
    }

    private Path classes() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("application.yml"), BOTH);
        return classes;
    }

    /** A stand-in jar of the artifact holding the classes named (empty class files: only their presence is read). */
    private RuntimeLibraries.Entry jar(String artifact, String... classNames) throws IOException {
        Path file = dir.resolve("lib").resolve(artifact + ".jar");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : classNames) {
                zip.putNextEntry(new ZipEntry(name.replace('.', '/') + ".class"));
                zip.closeEntry();
            }
        }
        return new RuntimeLibraries.Entry("org.example:" + artifact + ":jar:1", file);
    }
}
