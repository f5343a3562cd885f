package architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module boundaries of a modular application whose modules are the direct sub-packages of one root
 * package, written as ArchUnit rules. The same rules check the forum ({@code forRoot("forum")}) and the
 * deliberately broken fixtures under {@code fixtures.*}, so a rule is known to be able to fail.
 *
 * <p>The shape the rules expect: a business module {@code X} publishes its API in exactly the package
 * {@code root.X} and keeps everything else under {@code root.X.internal..} (its {@code web} and
 * {@code persistence} below that). {@code root.platform} is the shared kernel: every module may use it and
 * it is not a business module. Module names are found from the package names, not listed here. Every bean of
 * a module's implementation carries extraction-runtime's {@code ConditionalOnLocalModule} with its module's name.
 *
 * <p>In: the root package ({@link #forRoot}); out: the rules as fields and by name ({@link #all}), each described in
 * the words a failure report shows. How a rule checks a class is {@link BoundaryConditions}'; where a class belongs,
 * {@link ModulePackages}'.
 */
public final class BoundaryRules {

    /** The shared kernel's module name (its package is {@code root.platform}). */
    public static final String KERNEL = "platform";

    /** The only packages outside the application an API package may use. */
    static final List<String> API_MAY_USE = List.of(
            "java.",
            "org.springframework.web.service.annotation.",
            "org.springframework.web.bind.annotation.",
            "com.fasterxml.jackson.annotation.");

    /** The condition that keeps a module's bean out of a process where the module is remote (extraction-runtime's). */
    static final String LOCAL_MODULE_CONDITION = "dev.forum.extraction.runtime.topology.ConditionalOnLocalModule";

    private final String root;
    private final ModulePackages packages;

    public final ArchRule no_module_touches_another_modules_internals;
    public final ArchRule no_module_touches_another_modules_tables;
    public final ArchRule api_types_depend_on_nothing_internal_and_on_no_spring_but_http_interface_annotations;
    public final ArchRule module_code_lives_in_its_api_package_or_under_internal;
    public final ArchRule web_code_never_calls_persistence_of_any_module;
    public final ArchRule modules_are_free_of_cycles;
    public final ArchRule module_beans_start_only_where_their_module_is_local;

    private BoundaryRules(String root) {
        this.root = root;
        this.packages = new ModulePackages(root);
        BoundaryConditions conditions = new BoundaryConditions(packages);

        no_module_touches_another_modules_internals = classes()
                .that().resideInAPackage(root + "..")
                .should(conditions.notDependOnInternalsOfAnotherModule())
                .allowEmptyShould(false)
                .as("no module touches another module's internals (" + root + ".X.. may not use " + root
                        + ".Y.internal..)");

        no_module_touches_another_modules_tables = classes()
                .that().resideInAPackage(root + "..")
                .should(conditions.mapOnlyTablesOfTheirOwnSchema())
                .andShould(conditions.notDependOnPersistenceOfAnotherModule())
                .andShould(conditions.queryOnlyTablesOfTheirOwnSchema())
                .allowEmptyShould(false)
                .as("no module touches another module's tables (@Table schema is the module's name, no use of"
                        + " another module's persistence, no query naming another module's schema)");

        api_types_depend_on_nothing_internal_and_on_no_spring_but_http_interface_annotations = classes()
                .that(conditions.resideInAnApiPackage())
                .and().doNotHaveSimpleName("package-info")
                .should(conditions.dependOnlyOnWhatAnApiMayUse())
                .allowEmptyShould(false)
                .as("API types depend on nothing internal and on no Spring but the HTTP interface annotations");

        module_code_lives_in_its_api_package_or_under_internal = classes()
                .that(conditions.belongToABusinessModule())
                .should(conditions.resideInTheirApiPackageOrUnderInternal())
                .allowEmptyShould(false)
                .as("module code lives in its API package or under internal");

        web_code_never_calls_persistence_of_any_module = noClasses()
                .that().resideInAPackage(root + "..web..")
                .should().dependOnClassesThat().resideInAPackage(root + "..persistence..")
                .allowEmptyShould(false)
                .as("web code never calls persistence of any module");

        modules_are_free_of_cycles = slices()
                .matching(root + ".(*)..")
                .namingSlices("module $1")
                .should().beFreeOfCycles()
                .allowEmptyShould(false)
                .as("modules are free of cycles");

        String condition = LOCAL_MODULE_CONDITION;
        module_beans_start_only_where_their_module_is_local = classes()
                .that(conditions.areSpringComponentsOfABusinessModulesImplementation())
                .should(conditions.beConditionalOnTheirOwnModuleBeingLocal(condition))
                .allowEmptyShould(false)
                .as("module beans start only where their module is local (every @Component, meta-annotations"
                        + " included, that is a class under " + root + ".X.internal.. is annotated @"
                        + condition + "(\"X\"))")
                .because("a bean without the condition would start in a process where the module is remote,"
                        + " opening the module's routes or its schema there (Spring Data repository interfaces"
                        + " are exempt: the module's conditional configuration creates them)");
    }

    /** The rules for the modular application rooted at {@code root} (for the forum: {@code "forum"}). */
    public static BoundaryRules forRoot(String root) {
        if (root == null || root.isBlank() || root.endsWith(".")) {
            throw new IllegalArgumentException("not a root package: '" + root + "'");
        }
        return new BoundaryRules(root);
    }

    /** @return the root package these rules were made for */
    public String root() {
        return root;
    }

    /** Every rule by its field name, in declaration order. */
    public Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("no_module_touches_another_modules_internals", no_module_touches_another_modules_internals);
        rules.put("no_module_touches_another_modules_tables", no_module_touches_another_modules_tables);
        rules.put("api_types_depend_on_nothing_internal_and_on_no_spring_but_http_interface_annotations",
                api_types_depend_on_nothing_internal_and_on_no_spring_but_http_interface_annotations);
        rules.put("module_code_lives_in_its_api_package_or_under_internal",
                module_code_lives_in_its_api_package_or_under_internal);
        rules.put("web_code_never_calls_persistence_of_any_module", web_code_never_calls_persistence_of_any_module);
        rules.put("modules_are_free_of_cycles", modules_are_free_of_cycles);
        rules.put("module_beans_start_only_where_their_module_is_local",
                module_beans_start_only_where_their_module_is_local);
        return rules;
    }

    /** The module a package belongs to: the first segment after the root; empty for the root itself and outside it. */
    Optional<String> moduleOf(String packageName) {
        return packages.moduleOf(packageName);
    }
}
