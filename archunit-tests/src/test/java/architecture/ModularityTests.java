package architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * The forum as Spring Modulith sees it: the modules, their dependencies, and the documentation written
 * from them on every build into {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    private static final Set<String> BUSINESS_MODULES = Set.of("users", "threads", "posts");

    private static ApplicationModules modules;

    @BeforeAll
    static void detectModules() {
        // Test classes are left out (Modulith's default); none of this module's test classes is under forum anyway.
        modules = ApplicationModules.of("forum");
    }

    @Test
    void verifies() {
        modules.verify(); // throws Violations naming every one
    }

    @Test
    void has_the_kernel_and_the_three_business_modules_and_nothing_else() {
        assertThat(modules.stream().map(ModularityTests::name))
                .containsExactlyInAnyOrder("platform", "users", "threads", "posts");
        assertThat(module("posts").contains(forum.posts.PostsApi.class)).isTrue();
        assertThat(module("posts").contains(forum.posts.internal.persistence.PostRow.class)).isTrue();
        assertThat(modules.contains(BoundaryRules.class)).isFalse();
    }

    @Test
    void platform_is_the_open_shared_kernel() {
        assertThat(module("platform").isOpen()).isTrue();
        assertThat(module("platform").getDisplayName()).isEqualTo("Platform");
        for (String business : BUSINESS_MODULES) {
            assertThat(module(business).isOpen()).as(business).isFalse();
        }
    }

    @Test
    void each_business_module_publishes_its_api_package_and_hides_the_rest_even_public_types() {
        Map<String, List<Class<?>>> apiAndPublicInternal = Map.of(
                "users", List.of(forum.users.UsersApi.class, forum.users.internal.persistence.UserRepository.class),
                "threads", List.of(forum.threads.ThreadsApi.class, forum.threads.internal.persistence.ThreadRow.class),
                "posts", List.of(forum.posts.PostsApi.class, forum.posts.internal.persistence.PostRepository.class));
        apiAndPublicInternal.forEach((business, types) -> {
            ApplicationModule module = module(business);
            assertThat(module.getBasePackage().getName()).isEqualTo("forum." + business);
            assertThat(module.isExposed(types.get(0))).as("%s exposed", types.get(0)).isTrue();
            assertThat(module.isExposed(types.get(1))).as("%s exposed", types.get(1)).isFalse();
            assertThat(module.getInternalTypes())
                    .as("internal types of %s", business)
                    .filteredOn(type -> !type.getSimpleName().equals("package-info"))
                    .isNotEmpty()
                    .allSatisfy(type -> assertThat(type.getPackageName()).startsWith("forum." + business + ".internal"));
        });
    }

    @Test
    void posts_depends_on_users_and_threads_threads_on_users_and_users_on_no_business_module() {
        assertThat(businessDependencies("posts")).containsExactlyInAnyOrder("users", "threads");
        assertThat(businessDependencies("threads")).containsExactlyInAnyOrder("users");
        assertThat(businessDependencies("users")).isEmpty();
        assertThat(allDependencies("platform")).as("the kernel depends on no module").isEmpty();
        for (String business : BUSINESS_MODULES) {
            assertThat(allDependencies(business)).as(business).contains("platform");
        }
    }

    /** Modulith's own check is not vacuous: it rejects the fixture app in which posts uses users' internals. */
    @Test
    void modulith_rejects_a_module_that_uses_another_modules_internals() {
        Violations violations = ApplicationModules.of("fixtures.internals", everything()).detectViolations();

        assertThat(violations.hasViolations()).isTrue();
        assertThat(violations.getMessage())
                .contains("fixtures.internals.posts.internal.PeeksAtUserStore")
                .contains("fixtures.internals.users.internal.UserStore");
    }

    /** ... and the fixture app in which users and posts depend on each other. */
    @Test
    void modulith_rejects_a_cycle_between_modules() {
        Violations violations = ApplicationModules.of("fixtures.cycles", everything()).detectViolations();

        assertThat(violations.hasViolations()).isTrue();
        assertThat(violations.getMessage()).containsIgnoringCase("cycle")
                .contains("fixtures.cycles.users.internal.UserActivity");
    }

    @Test
    void writes_the_module_documentation() throws IOException {
        Path docs = Path.of(System.getProperty("basedir", "."), "target", "spring-modulith-docs");
        deleteRecursively(docs);

        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml(DiagramOptions.defaults()
                        .withStyle(DiagramStyle.UML)
                        .withTargetFileName("module-%s-uml.puml"));

        List<String> expected = Stream.concat(
                        Stream.of("components.puml", "all-docs.adoc"),
                        modules.stream().map(ModularityTests::name).flatMap(name -> Stream.of(
                                "module-" + name + ".puml", "module-" + name + "-uml.puml", "module-" + name + ".adoc")))
                .toList();
        for (String file : expected) {
            Path written = docs.resolve(file);
            assertThat(written).as(file).isRegularFile();
            assertThat(Files.size(written)).as(file).isPositive();
        }
        // The C4 overview shows every module and exactly the dependencies between business modules asserted above.
        String overview = Files.readString(docs.resolve("components.puml"));
        assertThat(overview).startsWith("@startuml").contains("!include <C4/C4_Component>")
                .contains("\"Platform\"", "\"Users\"", "\"Threads\"", "\"Posts\"")
                .contains(uses("Posts", "Users"), uses("Posts", "Threads"), uses("Threads", "Users"))
                .doesNotContain(uses("Users", "Threads"), uses("Users", "Posts"), uses("Threads", "Posts"))
                .doesNotContain(uses("Platform", "Users"), uses("Platform", "Threads"), uses("Platform", "Posts"));
        assertThat(Files.readString(docs.resolve("module-posts-uml.puml"))).startsWith("@startuml");
        // A module canvas: the module's base package and the other modules' APIs it uses.
        assertThat(Files.readString(docs.resolve("module-users.adoc"))).contains("`forum.users`");
        assertThat(Files.readString(docs.resolve("module-posts.adoc")))
                .contains("`forum.posts`", "f.u.UsersApi", "f.t.ThreadsApi");
        assertThat(Files.readString(docs.resolve("all-docs.adoc"))).contains("include::module-posts.adoc[]");
    }

    /** A dependency arrow in the C4 PlantUML that the Documenter writes. */
    private static String uses(String from, String to) {
        return "Rel(Modules.Modules." + from + ", Modules.Modules." + to + ", \"uses\"";
    }

    // ---- helpers ----

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    private static ApplicationModule module(String name) {
        return modules.getModuleByName(name).orElseThrow(() -> new AssertionError("no module " + name));
    }

    private static Set<String> allDependencies(String name) {
        return module(name).getDirectDependencies(modules).uniqueModules()
                .map(ModularityTests::name)
                .filter(dependency -> !dependency.equals(name))
                .collect(Collectors.toSet());
    }

    private static Set<String> businessDependencies(String name) {
        return allDependencies(name).stream().filter(BUSINESS_MODULES::contains).collect(Collectors.toSet());
    }

    /** Imports test classes too: the fixture apps are test classes. */
    private static ImportOption everything() {
        return location -> true;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
