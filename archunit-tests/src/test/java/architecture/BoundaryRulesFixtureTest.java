package architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each boundary rule fails on a fixture app built to break it, naming the class at fault, and passes on
 * the same app without that class: the rules can fail, and they fail for the reason they are named for.
 * The fixtures are small modular apps under their own roots ({@code fixtures.*}) in this source set.
 */
class BoundaryRulesFixtureTest {

    /** A fixture app, the rule it breaks and every class that breaks it. */
    record Fixture(String rule, String root, List<String> offenders) {
        @Override
        public String toString() {
            return rule + " on " + root;
        }
    }

    static Stream<Fixture> fixtures() {
        return Stream.of(
                new Fixture("no_module_touches_another_modules_internals", "fixtures.internals", List.of(
                        "fixtures.internals.posts.internal.PeeksAtUserStore")),
                new Fixture("no_module_touches_another_modules_tables", "fixtures.tables", List.of(
                        "fixtures.tables.posts.internal.persistence.AuthorRow",
                        "fixtures.tables.posts.internal.persistence.CommentRow",
                        "fixtures.tables.posts.internal.persistence.PostAuthorQueries",
                        "fixtures.tables.posts.internal.AuthorLookup")),
                new Fixture("api_types_depend_on_nothing_internal_and_on_no_spring_but_http_interface_annotations",
                        "fixtures.api", List.of(
                        "fixtures.api.users.UserSnapshot",
                        "fixtures.api.users.UserResponses",
                        "fixtures.api.posts.PagedPosts",
                        "fixtures.api.posts.PostsComponent")),
                new Fixture("module_code_lives_in_its_api_package_or_under_internal", "fixtures.layout", List.of(
                        "fixtures.layout.users.service.UserHelper",
                        "fixtures.layout.posts.web.PostController")),
                new Fixture("web_code_never_calls_persistence_of_any_module", "fixtures.web", List.of(
                        "fixtures.web.posts.internal.web.PostAdminController",
                        "fixtures.web.platform.web.StatsController")),
                new Fixture("modules_are_free_of_cycles", "fixtures.cycles", List.of(
                        "fixtures.cycles.users.internal.UserActivity")),
                new Fixture("module_beans_start_only_where_their_module_is_local", "fixtures.localbeans", List.of(
                        "fixtures.localbeans.users.internal.web.UserController",
                        "fixtures.localbeans.posts.internal.PostsConfiguration")));
    }

    /** Imported once per fixture root (importing resolves the Spring types too, which takes a moment). */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private static JavaClasses importFixture(Fixture fixture) {
        // Fixtures live in test-classes: no DoNotIncludeTests here.
        JavaClasses classes = IMPORTED.computeIfAbsent(fixture.root(), root -> new ClassFileImporter().importPackages(root));
        assertThat(classes.stream().map(JavaClass::getName))
                .as("classes of %s", fixture.root())
                .allMatch(name -> name.startsWith(fixture.root() + "."))
                .containsAll(fixture.offenders())
                .hasSizeGreaterThan(fixture.offenders().size() + 2);
        return classes;
    }

    private static ArchRule rule(Fixture fixture) {
        ArchRule rule = BoundaryRules.forRoot(fixture.root()).all().get(fixture.rule());
        assertThat(rule).as("rule %s", fixture.rule()).isNotNull();
        return rule;
    }

    /** The classes without the given ones (and their nested classes). */
    private static JavaClasses without(JavaClasses classes, Set<String> left) {
        return classes.that(DescribedPredicate.describe("are not " + left, type -> left.stream()
                .noneMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$"))));
    }

    private static AssertionError failure(ArchRule rule, JavaClasses classes) {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> rule.check(classes));
        assertThat(failure).as("%s must fail", rule.getDescription()).isNotNull();
        return failure;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fails_on_its_fixture_naming_every_offending_class(Fixture fixture) {
        AssertionError failure = failure(rule(fixture), importFixture(fixture));

        assertThat(failure.getMessage()).contains(fixture.offenders());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fails_on_each_offending_class_alone(Fixture fixture) {
        JavaClasses classes = importFixture(fixture);
        ArchRule rule = rule(fixture);
        for (String offender : fixture.offenders()) {
            Set<String> others = fixture.offenders().stream()
                    .filter(other -> !other.equals(offender))
                    .collect(Collectors.toSet());

            AssertionError failure = failure(rule, without(classes, others));

            assertThat(failure.getMessage()).as("failure without %s", others).contains(offender);
            others.forEach(other -> assertThat(failure.getMessage()).doesNotContain(other));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void passes_on_the_well_behaved_rest_of_its_fixture(Fixture fixture) {
        JavaClasses wellBehaved = without(importFixture(fixture), Set.copyOf(fixture.offenders()));
        assertThat(wellBehaved.size()).isGreaterThanOrEqualTo(3);

        rule(fixture).check(wellBehaved); // throws an AssertionError listing every violation
    }
}
