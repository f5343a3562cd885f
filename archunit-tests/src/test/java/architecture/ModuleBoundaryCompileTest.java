package architecture;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JPMS wall between modules, shown on the real artifacts: a module that requires a module's
 * implementation still cannot compile against its internals, because the implementation exports nothing;
 * the same code against the module's API compiles. The module path is made of the real locations of the
 * forum's artifacts ({@code target/classes} or a jar, whichever the build resolved) and the jars of their
 * dependencies, taken from the test class path.
 */
class ModuleBoundaryCompileTest {

    /** Each forum module and a class that locates its artifact. */
    private static final Map<String, Class<?>> FORUM_MODULES = Map.of(
            "forum.platform", forum.platform.Paging.class,
            "forum.users.api", forum.users.UsersApi.class,
            "forum.users", forum.users.internal.persistence.UserRepository.class,
            "forum.threads.api", forum.threads.ThreadsApi.class,
            "forum.threads", forum.threads.internal.persistence.ThreadRepository.class,
            "forum.posts.api", forum.posts.PostsApi.class,
            "forum.posts", forum.posts.internal.persistence.PostRepository.class);

    /** A public type of each implementation module's persistence and of each API. */
    private static final Map<String, String> INTERNAL_TYPE = Map.of(
            "users", "forum.users.internal.persistence.UserRepository",
            "threads", "forum.threads.internal.persistence.ThreadRepository",
            "posts", "forum.posts.internal.persistence.PostRepository");
    private static final Map<String, String> API_TYPE = Map.of(
            "users", "forum.users.UsersApi",
            "threads", "forum.threads.ThreadsApi",
            "posts", "forum.posts.PostsApi");

    private static Map<String, Path> forumLocations;
    /** Every module found on the test class path, by name, with the forum's own first. */
    private static Map<String, Path> observable;

    @BeforeAll
    static void locateModules() {
        forumLocations = new LinkedHashMap<>();
        FORUM_MODULES.forEach((name, type) -> forumLocations.put(name, location(type)));
        observable = new LinkedHashMap<>(forumLocations);
        for (String entry : testClassPath()) {
            Path path = Path.of(entry);
            boolean jar = Files.isRegularFile(path) && entry.endsWith(".jar");
            boolean explodedModule = Files.isRegularFile(path.resolve("module-info.class"));
            if (!jar && !explodedModule) {
                continue; // e.g. this module's test-classes: not a module
            }
            try {
                for (ModuleReference module : ModuleFinder.of(path).findAll()) {
                    observable.putIfAbsent(module.descriptor().name(), path);
                }
            } catch (FindException notAModule) {
                // A jar whose module name cannot be derived is never needed here.
            }
        }
    }

    @Test
    void each_class_locates_the_artifact_of_its_module() {
        ModuleFinder finder = ModuleFinder.of(forumLocations.values().toArray(Path[]::new));
        forumLocations.forEach((name, location) -> {
            ModuleReference module = finder.find(name).orElseThrow(() -> new AssertionError("no module " + name));
            assertThat(Path.of(module.location().orElseThrow())).isEqualTo(location);
            assertThat(module.descriptor().isAutomatic()).as(name).isFalse();
        });
        assertThat(Set.copyOf(forumLocations.values())).as("seven distinct artifacts").hasSize(7);
    }

    @ParameterizedTest(name = "forum.{0} exports nothing, forum.{0}.api exports exactly forum.{0}")
    @ValueSource(strings = {"users", "threads", "posts"})
    void implementation_exports_nothing_and_api_exports_only_its_package(String module) {
        ModuleFinder finder = ModuleFinder.of(forumLocations.values().toArray(Path[]::new));
        ModuleDescriptor implementation = finder.find("forum." + module).orElseThrow().descriptor();
        ModuleDescriptor api = finder.find("forum." + module + ".api").orElseThrow().descriptor();

        assertThat(implementation.exports()).as("exports of forum.%s", module).isEmpty();
        // Its Java packages (resource folders such as db/migration count as packages too, and are left out).
        assertThat(implementation.packages().stream().filter(pkg -> pkg.startsWith("forum.")))
                .isNotEmpty()
                .allMatch(pkg -> pkg.startsWith("forum." + module + ".internal"))
                .contains("forum." + module + ".internal.persistence", "forum." + module + ".internal.web");
        assertThat(implementation.requires().stream().map(Requires::name))
                .contains("forum." + module + ".api", "forum.platform");

        assertThat(api.exports()).hasSize(1);
        Exports exports = api.exports().iterator().next();
        assertThat(exports.source()).isEqualTo("forum." + module);
        assertThat(exports.isQualified()).as("exported to everyone").isFalse();
        assertThat(api.packages()).containsExactly("forum." + module);
    }

    @Test
    void no_business_module_requires_another_ones_implementation() {
        ModuleFinder finder = ModuleFinder.of(forumLocations.values().toArray(Path[]::new));
        Set<String> implementations = Set.of("forum.users", "forum.threads", "forum.posts");
        for (String name : forumLocations.keySet()) {
            Set<String> required = finder.find(name).orElseThrow().descriptor().requires().stream()
                    .map(Requires::name).collect(Collectors.toSet());
            assertThat(required).as("requires of %s", name).doesNotContainAnyElementsOf(implementations);
        }
    }

    @ParameterizedTest(name = "a module requiring forum.{0} cannot import its internals")
    @ValueSource(strings = {"users", "threads", "posts"})
    void a_module_cannot_compile_against_another_modules_internals(String module, @TempDir Path dir) throws IOException {
        String internal = INTERNAL_TYPE.get(module);

        Compilation result = compile(dir, List.of("forum." + module, "forum." + module + ".api"), """
                package fixture.reader;

                import %s;

                public class Reader {
                    public Object reach(%s internals) {
                        return internals;
                    }
                }
                """.formatted(internal, simpleName(internal)));

        assertThat(result.succeeded()).as("compiled, but must not: %s", result).isFalse();
        String internalPackage = internal.substring(0, internal.lastIndexOf('.'));
        assertThat(result.errors())
                .anySatisfy(error -> assertThat(error)
                        .contains("package " + internalPackage + " is not visible")
                        .contains("declared in module forum." + module + ", which does not export it"));
    }

    @ParameterizedTest(name = "a module requiring forum.{0} compiles against forum.{0}.api")
    @ValueSource(strings = {"users", "threads", "posts"})
    void the_same_module_compiles_against_the_api(String module, @TempDir Path dir) throws IOException {
        String api = API_TYPE.get(module);

        Compilation result = compile(dir, List.of("forum." + module, "forum." + module + ".api"), """
                package fixture.reader;

                import %s;

                public class Reader {
                    public String route(%s api) {
                        return %s.PATH + " " + api.list(10, 0).size();
                    }
                }
                """.formatted(api, simpleName(api), simpleName(api)));

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(dir.resolve("out/fixture/reader/Reader.class")).isRegularFile();
        assertThat(dir.resolve("out/module-info.class")).isRegularFile();
    }

    // ---- compiling a fixture module ----

    record Compilation(boolean succeeded, List<String> errors) {
    }

    /** Compiles module {@code fixture.reader} (requiring {@code requires}) with one class, {@code Reader}. */
    private static Compilation compile(Path dir, List<String> requires, String reader) throws IOException {
        Path sources = dir.resolve("src");
        Path moduleInfo = write(sources.resolve("module-info.java"), requires.stream()
                .map(name -> "    requires " + name + ";\n")
                .collect(Collectors.joining("", "module fixture.reader {\n", "}\n")));
        Path readerSource = write(sources.resolve("fixture/reader/Reader.java"), reader);
        Path out = Files.createDirectories(dir.resolve("out"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler (the tests run on JDK 25)").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
            files.setLocationFromPaths(StandardLocation.MODULE_PATH, modulePath(requires));
            // Nothing on the class path (javac would default to this JVM's): the modules are the only way in.
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-proc:none", "-implicit:none"), null,
                    files.getJavaFileObjectsFromPaths(List.of(moduleInfo, readerSource))).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                    .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                    .toList();
            return new Compilation(ok, errors);
        }
    }

    /** The locations of the given modules and of every module they need, transitively (no more: it is faster). */
    static List<Path> modulePath(List<String> roots) {
        Set<String> system = ModuleFinder.ofSystem().findAll().stream()
                .map(module -> module.descriptor().name()).collect(Collectors.toSet());
        Set<Path> path = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (system.contains(name) || !seen.add(name)) {
                continue;
            }
            Path location = observable.get(name);
            assertThat(location).as("module %s on the test class path", name).isNotNull();
            path.add(location);
            ModuleDescriptor descriptor = ModuleFinder.of(location).find(name).orElseThrow().descriptor();
            for (Requires requires : descriptor.requires()) {
                if (!requires.modifiers().contains(Requires.Modifier.STATIC)) {
                    pending.add(requires.name());
                }
            }
        }
        return new ArrayList<>(path);
    }

    private static List<String> testClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(classPath.split(File.pathSeparator));
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, UTF_8);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
