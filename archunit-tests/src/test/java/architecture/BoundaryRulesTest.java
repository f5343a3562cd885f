package architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every boundary rule holds for the forum's production classes (every module's API and implementation). */
class BoundaryRulesTest {

    private static final BoundaryRules RULES = BoundaryRules.forRoot("forum");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("forum");
    }

    @Test
    void the_import_holds_the_classes_of_every_artifact_so_no_rule_passes_vacuously() {
        assertThat(production.contain("forum.posts.PostsApi")).isTrue();
        // One class of each artifact: the kernel, each module's API and each module's implementation.
        for (String type : new String[] {
                "forum.platform.Paging",
                "forum.users.UsersApi", "forum.users.internal.persistence.UserRow",
                "forum.threads.ThreadsApi", "forum.threads.internal.web.ThreadController",
                "forum.posts.PostsApi", "forum.posts.internal.PostService"}) {
            assertThat(production.contain(type)).as("imported %s", type).isTrue();
        }
        Set<String> modules = production.stream()
                .map(JavaClass::getPackageName)
                .map(RULES::moduleOf)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        assertThat(modules).containsExactlyInAnyOrder("platform", "users", "threads", "posts");
        assertThat(production.stream().filter(type -> type.getPackageName().startsWith("forum.posts.internal")))
                .as("the posts implementation")
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void no_test_class_is_imported() {
        assertThat(production.stream().map(JavaClass::getName))
                .noneMatch(name -> name.startsWith("architecture.") || name.startsWith("fixtures."))
                .allSatisfy(name -> assertThat(name).startsWith("forum."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds_for_the_production_code(String name, ArchRule rule) {
        rule.check(production); // throws an AssertionError listing every violation
    }

    static Stream<Arguments> rules() {
        return RULES.all().entrySet().stream().map(rule -> Arguments.of(rule.getKey(), rule.getValue()));
    }

    @Test
    void every_rule_is_checked() {
        assertThat(RULES.all()).hasSize(7).doesNotContainValue(null);
    }

    @Test
    void a_root_must_be_a_package_name() {
        for (String bad : new String[] {"", " ", "forum."}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> BoundaryRules.forRoot(bad));
        }
    }
}
