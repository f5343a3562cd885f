package dev.forum.extraction;

import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A tiny application compiled at test time: modules alpha, beta and gamma (API + implementation jar
 * each) on a shared kernel. beta's implementation calls alpha's API; gamma's implementation calls
 * beta's API and gamma's API names a type of alpha's API. "Sneaky" reaches into alpha's internals.
 */
public final class FakeApp {

    /** The controllers of {@link #model()}, neither with a class-level {@code @RequestMapping}. */
    public static final Map<String, List<String>> CONTROLLERS = Map.of("fake.alpha.internal.AlphaService", List.of(),
            "fake.beta.internal.BetaService", List.of());

    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("fake/platform/ModuleApi.java", "package fake.platform; import java.lang.annotation.*;"
                    + " @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) public @interface ModuleApi { String value(); }"),
            Map.entry("fake/platform/Paging.java", "package fake.platform; public final class Paging {"
                    + " public static void main(String[] args) { } }"),
            // Spring's HTTP interface annotation, as far as its name and attributes go: the route prefix.
            Map.entry("org/springframework/web/service/annotation/HttpExchange.java",
                    "package org.springframework.web.service.annotation; import java.lang.annotation.*;"
                    + " @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) public @interface HttpExchange {"
                    + " String value() default \"\"; String url() default \"\"; String accept() default \"\"; }"),
            Map.entry("fake/alpha/AlphaApi.java", "package fake.alpha; @fake.platform.ModuleApi(\"alpha\")"
                    + " @org.springframework.web.service.annotation.HttpExchange(url = AlphaApi.PATH, accept = \"application/json\")"
                    + " public interface AlphaApi { String PATH = \"/api/alpha\"; AlphaId find(int id); }"),
            Map.entry("fake/alpha/AlphaId.java", "package fake.alpha; public record AlphaId(int value) { }"),
            Map.entry("fake/alpha/internal/AlphaService.java", "package fake.alpha.internal;"
                    + " public class AlphaService implements fake.alpha.AlphaApi {"
                    + " public fake.alpha.AlphaId find(int id) { return new fake.alpha.AlphaId(id + Secret.value()); } }"),
            Map.entry("fake/alpha/internal/Secret.java", "package fake.alpha.internal;"
                    + " public class Secret { public static int value() { return 42; } }"),
            Map.entry("fake/beta/BetaApi.java", "package fake.beta; @fake.platform.ModuleApi(\"beta\")"
                    + " @org.springframework.web.service.annotation.HttpExchange(\"/api/beta\")"
                    + " public interface BetaApi { String describe(int id); }"),
            Map.entry("fake/beta/internal/BetaService.java", "package fake.beta.internal;"
                    + " public class BetaService implements fake.beta.BetaApi {"
                    + " private final java.util.List<fake.alpha.AlphaApi> alphas = new java.util.ArrayList<>();"
                    + " public String describe(int id) { return alphas.get(0).find(id).toString(); } }"),
            Map.entry("fake/beta/internal/Sneaky.java", "package fake.beta.internal;"
                    + " public class Sneaky { int peek() { return fake.alpha.internal.Secret.value(); } }"),
            Map.entry("fake/gamma/GammaApi.java", "package fake.gamma; @fake.platform.ModuleApi(\"gamma\")"
                    + " public interface GammaApi { fake.alpha.AlphaId owner(); }"),
            Map.entry("fake/gamma/internal/GammaService.java", "package fake.gamma.internal;"
                    + " public class GammaService { String use(fake.beta.BetaApi beta) { return beta.describe(1); } }"));

    private FakeApp() {
    }

    /** Compiles the sources at --release 17 and writes one jar per artifact; "beta" gets Sneaky when asked. */
    public static Map<String, Path> jars(Path dir, boolean sneaky) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the fake application does not compile");
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("shared", jar(dir, classes, "shared", "fake/platform/", null));
        for (String module : List.of("alpha", "beta", "gamma")) {
            jars.put(module + "-api", jar(dir, classes, module + "-api", "fake/" + module + "/", "fake/" + module + "/internal/"));
            String skip = module.equals("beta") && !sneaky ? "fake/beta/internal/Sneaky" : null;
            jars.put(module, jar(dir, classes, module, "fake/" + module + "/internal/", skip));
        }
        return jars;
    }

    /** The jars as the plugin reads them. */
    public static List<ScannedArtifact> scanned(Path dir, boolean sneaky) throws IOException {
        BytecodeScanner scanner = new BytecodeScanner();
        List<ScannedArtifact> scanned = new ArrayList<>();
        for (Map.Entry<String, Path> jar : jars(dir, sneaky).entrySet()) {
            scanned.add(scanner.scan(jar.getKey(), jar.getValue()));
        }
        return scanned;
    }

    /**
     * The fake application as Spring Modulith's model has it (what the analyzer reports for it): root {@code fake},
     * {@code platform} shared (and holding the main class), modules alpha, beta and gamma publishing their base
     * packages. beta's service uses alpha's HTTP contract as a bean (served by alpha's service, standing for a
     * controller); gamma's uses beta's the same way.
     */
    public static ModulithModel model() {
        List<ModulithModel.Module> modules = List.of(
                module("platform", true, Set.of("fake.platform.ModuleApi", "fake.platform.Paging"), Set.of(), List.of()),
                module("alpha", false, Set.of("fake.alpha.AlphaApi", "fake.alpha.AlphaId"),
                        Set.of("fake.alpha.internal.AlphaService", "fake.alpha.internal.Secret"), List.of()),
                module("beta", false, Set.of("fake.beta.BetaApi"), Set.of("fake.beta.internal.BetaService", "fake.beta.internal.Sneaky"),
                        List.of(new ModulithModel.Dependency("USES_COMPONENT", "fake.beta.internal.BetaService", "fake.alpha.AlphaApi", "alpha"))),
                module("gamma", false, Set.of("fake.gamma.GammaApi"), Set.of("fake.gamma.internal.GammaService"),
                        List.of(new ModulithModel.Dependency("USES_COMPONENT", "fake.gamma.internal.GammaService", "fake.beta.BetaApi", "beta"))));
        Map<String, HttpContract> contracts = Map.of(
                "fake.alpha.AlphaApi", new HttpContract("fake.alpha.AlphaApi", "/api/alpha", List.of("fake.alpha.internal.AlphaService")),
                "fake.beta.BetaApi", new HttpContract("fake.beta.BetaApi", "/api/beta", List.of("fake.beta.internal.BetaService")));
        return ModulithModel.builder("fake.platform.Paging", List.of("fake"), modules)
                .httpContracts(contracts)
                .controllers(CONTROLLERS)
                .build();
    }

    private static ModulithModel.Module module(String name, boolean shared, Set<String> published, Set<String> internal,
            List<ModulithModel.Dependency> dependencies) {
        Set<String> types = new java.util.TreeSet<>(published);
        types.addAll(internal);
        return new ModulithModel.Module(name, "fake." + name, false, shared, types, published, Map.of(), dependencies);
    }

    private static Path jar(Path dir, Path classes, String name, String prefix, String skipPrefix) throws IOException {
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String entry = classes.relativize(file).toString().replace('\\', '/');
                if (entry.startsWith(prefix) && (skipPrefix == null || !entry.startsWith(skipPrefix))) {
                    jarOut.putNextEntry(new JarEntry(entry));
                    Files.copy(file, jarOut);
                    jarOut.closeEntry();
                }
            }
        }
        return jar;
    }
}
