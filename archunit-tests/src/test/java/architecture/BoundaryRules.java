package architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final String TABLE = "org.springframework.data.relational.core.mapping.Table";
    private static final String QUERY = "org.springframework.data.jdbc.repository.query.Query";
    /** The stereotype behind @Service, @Repository, @Controller, @RestController and @Configuration. */
    private static final String COMPONENT = "org.springframework.stereotype.Component";
    /** The condition that keeps a module's bean out of a process where the module is remote (extraction-runtime's). */
    static final String LOCAL_MODULE_CONDITION = "dev.forum.extraction.runtime.topology.ConditionalOnLocalModule";
    /** {@code from schema.table}, {@code join schema.table}, ... in a repository query. */
    private static final Pattern QUALIFIED_TABLE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update)\\s+\"?([a-z_][a-z0-9_]*)\"?\\s*\\.");

    private final String root;

    public final ArchRule no_module_touches_another_modules_internals;
    public final ArchRule no_module_touches_another_modules_tables;
    public final ArchRule api_types_depend_on_nothing_internal_and_on_no_spring_but_http_interface_annotations;
    public final ArchRule module_code_lives_in_its_api_package_or_under_internal;
    public final ArchRule web_code_never_calls_persistence_of_any_module;
    public final ArchRule modules_are_free_of_cycles;
    public final ArchRule module_beans_start_only_where_their_module_is_local;

    private BoundaryRules(String root) {
        this.root = root;

        no_module_touches_another_modules_internals = classes()
                .that().resideInAPackage(root + "..")
                .should(notDependOnInternalsOfAnotherModule())
                .allowEmptyShould(false)
                .as("no module touches another module's internals (" + root + ".X.. may not use " + root
                        + ".Y.internal..)");

        no_module_touches_another_modules_tables = classes()
                .that().resideInAPackage(root + "..")
                .should(mapOnlyTablesOfTheirOwnSchema())
                .andShould(notDependOnPersistenceOfAnotherModule())
                .andShould(queryOnlyTablesOfTheirOwnSchema())
                .allowEmptyShould(false)
                .as("no module touches another module's tables (@Table schema is the module's name, no use of"
                        + " another module's persistence, no query naming another module's schema)");

        api_types_depend_on_nothing_internal_and_on_no_spring_but_http_interface_annotations = classes()
                .that(resideInAnApiPackage())
                .and().doNotHaveSimpleName("package-info")
                .should(dependOnlyOnWhatAnApiMayUse())
                .allowEmptyShould(false)
                .as("API types depend on nothing internal and on no Spring but the HTTP interface annotations");

        module_code_lives_in_its_api_package_or_under_internal = classes()
                .that(belongToABusinessModule())
                .should(resideInTheirApiPackageOrUnderInternal())
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
                .that(areSpringComponentsOfABusinessModulesImplementation())
                .should(beConditionalOnTheirOwnModuleBeingLocal(condition))
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

    // ---- where a class belongs ----------------------------------------------------------------------

    /** The module a package belongs to: the first segment after the root; empty for the root itself and outside it. */
    Optional<String> moduleOf(String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private Optional<String> moduleOf(JavaClass type) {
        return moduleOf(type.getPackageName());
    }

    private boolean isBusinessModule(String module) {
        return !KERNEL.equals(module);
    }

    /** {@code root.X.internal} or below, for some module X; the module's name if so. */
    private Optional<String> internalsOwner(String packageName) {
        return moduleOf(packageName).filter(module -> {
            String internal = root + "." + module + ".internal";
            return packageName.equals(internal) || packageName.startsWith(internal + ".");
        });
    }

    /** A package below {@code root.X} one of whose segments is {@code persistence}; the module's name if so. */
    private Optional<String> persistenceOwner(String packageName) {
        return moduleOf(packageName).filter(module ->
                (packageName + ".").contains(".persistence."));
    }

    private static JavaClass target(Dependency dependency) {
        return dependency.getTargetClass().getBaseComponentType();
    }

    private DescribedPredicate<JavaClass> resideInAnApiPackage() {
        return DescribedPredicate.describe("reside directly in a business module's API package " + root + ".X",
                type -> moduleOf(type)
                        .filter(this::isBusinessModule)
                        .filter(module -> type.getPackageName().equals(root + "." + module))
                        .isPresent());
    }

    private DescribedPredicate<JavaClass> belongToABusinessModule() {
        return DescribedPredicate.describe("belong to a business module " + root + ".X.. (X is not " + KERNEL + ")",
                type -> moduleOf(type).filter(this::isBusinessModule).isPresent());
    }

    /** Directly or through a meta-annotation (@Service, @RestController, @Configuration, ...). */
    private static boolean isSpringComponent(JavaClass type) {
        return type.isAnnotatedWith(COMPONENT) || type.isMetaAnnotatedWith(COMPONENT);
    }

    private DescribedPredicate<JavaClass> areSpringComponentsOfABusinessModulesImplementation() {
        return DescribedPredicate.describe("are classes (no interfaces) under a business module's " + root
                        + ".X.internal.. annotated or meta-annotated with @" + COMPONENT,
                type -> !type.isInterface() && !type.isAnnotation()
                        && internalsOwner(type.getPackageName()).filter(this::isBusinessModule).isPresent()
                        && isSpringComponent(type));
    }

    // ---- conditions ---------------------------------------------------------------------------------

    private ArchCondition<JavaClass> notDependOnInternalsOfAnotherModule() {
        return new ArchCondition<>("not depend on another module's internal packages") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = moduleOf(type).orElse("");
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    internalsOwner(target(dependency).getPackageName())
                            .filter(owner -> !owner.equals(own) && isBusinessModule(owner))
                            .ifPresent(owner -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " [internals of module '" + owner + "']")));
                }
            }
        };
    }

    private ArchCondition<JavaClass> notDependOnPersistenceOfAnotherModule() {
        return new ArchCondition<>("not depend on another module's persistence") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = moduleOf(type).orElse("");
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    persistenceOwner(target(dependency).getPackageName())
                            .filter(owner -> !owner.equals(own))
                            .ifPresent(owner -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " [persistence of module '" + owner + "']")));
                }
            }
        };
    }

    private ArchCondition<JavaClass> mapOnlyTablesOfTheirOwnSchema() {
        return new ArchCondition<>("be annotated with @Table only with schema equal to their module's name") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<JavaAnnotation<JavaClass>> table = type.tryGetAnnotationOfType(TABLE);
                if (table.isEmpty()) {
                    return;
                }
                String own = moduleOf(type).orElse("");
                String schema = table.get().get("schema").map(Object::toString).orElse("");
                boolean ok = schema.equals(own);
                events.add(new SimpleConditionEvent(type, ok, "Class <" + type.getName() + "> of module '" + own
                        + "' is annotated with @Table(schema = \"" + schema + "\")"
                        + (ok ? "" : ", not its own schema \"" + own + "\"")
                        + " in " + type.getSourceCodeLocation()));
            }
        };
    }

    private ArchCondition<JavaClass> queryOnlyTablesOfTheirOwnSchema() {
        return new ArchCondition<>("name only their own module's schema in repository queries") {
            private final Set<String> modules = new TreeSet<>();

            @Override
            public void init(Collection<JavaClass> all) {
                all.forEach(type -> moduleOf(type).ifPresent(modules::add));
            }

            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = moduleOf(type).orElse("");
                for (JavaMethod method : type.getMethods()) {
                    Optional<JavaAnnotation<JavaMethod>> query = method.tryGetAnnotationOfType(QUERY);
                    if (query.isEmpty()) {
                        continue;
                    }
                    String sql = query.get().get("value").map(Object::toString).orElse("");
                    Matcher qualified = QUALIFIED_TABLE.matcher(sql);
                    while (qualified.find()) {
                        String schema = qualified.group(1);
                        if (!schema.equalsIgnoreCase(own) && modules.contains(schema.toLowerCase())) {
                            events.add(SimpleConditionEvent.violated(method, "Method <" + method.getFullName()
                                    + "> of module '" + own + "' queries schema '" + schema + "' of another module: \""
                                    + sql + "\" in " + method.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }

    private ArchCondition<JavaClass> dependOnlyOnWhatAnApiMayUse() {
        return new ArchCondition<>("depend only on java.., their own and other API packages, " + root + "."
                + KERNEL + " and the HTTP interface and Jackson annotations") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = target(dependency);
                    if (target.isPrimitive() || apiMayUse(target.getPackageName())) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        };
    }

    private boolean apiMayUse(String packageName) {
        if (API_MAY_USE.stream().anyMatch(allowed -> (packageName + ".").startsWith(allowed))) {
            return true;
        }
        // Exactly a module's API package (or the kernel's root package), never one below it.
        return moduleOf(packageName).filter(module -> packageName.equals(root + "." + module)).isPresent();
    }

    private ArchCondition<JavaClass> beConditionalOnTheirOwnModuleBeingLocal(String condition) {
        String simpleName = condition.substring(condition.lastIndexOf('.') + 1);
        return new ArchCondition<>("be annotated with @" + condition + " whose value is their module's name") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String module = internalsOwner(type.getPackageName()).orElseThrow();
                Optional<String> value = type.tryGetAnnotationOfType(condition)
                        .map(annotation -> annotation.get("value").map(Object::toString).orElse(""));
                boolean ok = value.filter(module::equals).isPresent();
                String found = value.map(v -> "is annotated @" + simpleName + "(\"" + v + "\")"
                                + (ok ? "" : ", not \"" + module + "\""))
                        .orElse("is not annotated @" + simpleName + "(\"" + module + "\")");
                events.add(new SimpleConditionEvent(type, ok, "Bean class <" + type.getName() + "> of module '"
                        + module + "' " + found + " in " + type.getSourceCodeLocation()));
            }
        };
    }

    private ArchCondition<JavaClass> resideInTheirApiPackageOrUnderInternal() {
        return new ArchCondition<>("reside in their module's API package " + root + ".X or under " + root
                + ".X.internal..") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String module = moduleOf(type).orElseThrow();
                String pkg = type.getPackageName();
                boolean ok = pkg.equals(root + "." + module) || internalsOwner(pkg).isPresent();
                events.add(new SimpleConditionEvent(type, ok, "Class <" + type.getName() + "> of module '" + module
                        + "' resides in package " + pkg + (ok ? "" : ", neither " + root + "." + module + " nor under "
                        + root + "." + module + ".internal") + " in " + type.getSourceCodeLocation()));
            }
        };
    }
}
