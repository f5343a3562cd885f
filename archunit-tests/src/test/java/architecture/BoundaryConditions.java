package architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each of the {@link BoundaryRules} is checked: the predicates that pick the classes a rule is about and the
 * conditions they must meet, for the application rooted at one package ({@link ModulePackages}). In: the classes
 * ArchUnit imported; out: one event per class, method or dependency checked, a violation naming the class, the
 * offending dependency, annotation or query and its source location.
 */
final class BoundaryConditions {

    private static final String TABLE = "org.springframework.data.relational.core.mapping.Table";
    private static final String QUERY = "org.springframework.data.jdbc.repository.query.Query";
    /** The stereotype behind @Service, @Repository, @Controller, @RestController and @Configuration. */
    private static final String COMPONENT = "org.springframework.stereotype.Component";
    /** {@code from schema.table}, {@code join schema.table}, ... in a repository query. */
    private static final Pattern QUALIFIED_TABLE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update)\\s+\"?([a-z_][a-z0-9_]*)\"?\\s*\\.");

    private final String root;
    private final ModulePackages packages;

    /** @param packages where a class of the application belongs */
    BoundaryConditions(ModulePackages packages) {
        this.root = packages.root();
        this.packages = packages;
    }

    // ---- which classes a rule is about -----------------------------------------------------------------

    private static JavaClass target(Dependency dependency) {
        return dependency.getTargetClass().getBaseComponentType();
    }

    DescribedPredicate<JavaClass> resideInAnApiPackage() {
        return DescribedPredicate.describe("reside directly in a business module's API package " + root + ".X",
                type -> packages.moduleOf(type)
                        .filter(packages::isBusinessModule)
                        .filter(module -> type.getPackageName().equals(root + "." + module))
                        .isPresent());
    }

    DescribedPredicate<JavaClass> belongToABusinessModule() {
        return DescribedPredicate.describe("belong to a business module " + root + ".X.. (X is not "
                        + BoundaryRules.KERNEL + ")",
                type -> packages.moduleOf(type).filter(packages::isBusinessModule).isPresent());
    }

    /** Directly or through a meta-annotation (@Service, @RestController, @Configuration, ...). */
    private static boolean isSpringComponent(JavaClass type) {
        return type.isAnnotatedWith(COMPONENT) || type.isMetaAnnotatedWith(COMPONENT);
    }

    DescribedPredicate<JavaClass> areSpringComponentsOfABusinessModulesImplementation() {
        return DescribedPredicate.describe("are classes (no interfaces) under a business module's " + root
                        + ".X.internal.. annotated or meta-annotated with @" + COMPONENT,
                type -> !type.isInterface() && !type.isAnnotation()
                        && packages.internalsOwner(type.getPackageName()).filter(packages::isBusinessModule).isPresent()
                        && isSpringComponent(type));
    }

    // ---- conditions ---------------------------------------------------------------------------------

    ArchCondition<JavaClass> notDependOnInternalsOfAnotherModule() {
        return new ArchCondition<>("not depend on another module's internal packages") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = packages.moduleOf(type).orElse("");
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    packages.internalsOwner(target(dependency).getPackageName())
                            .filter(owner -> !owner.equals(own) && packages.isBusinessModule(owner))
                            .ifPresent(owner -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " [internals of module '" + owner + "']")));
                }
            }
        };
    }

    ArchCondition<JavaClass> notDependOnPersistenceOfAnotherModule() {
        return new ArchCondition<>("not depend on another module's persistence") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = packages.moduleOf(type).orElse("");
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    packages.persistenceOwner(target(dependency).getPackageName())
                            .filter(owner -> !owner.equals(own))
                            .ifPresent(owner -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " [persistence of module '" + owner + "']")));
                }
            }
        };
    }

    ArchCondition<JavaClass> mapOnlyTablesOfTheirOwnSchema() {
        return new ArchCondition<>("be annotated with @Table only with schema equal to their module's name") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<JavaAnnotation<JavaClass>> table = type.tryGetAnnotationOfType(TABLE);
                if (table.isEmpty()) {
                    return;
                }
                String own = packages.moduleOf(type).orElse("");
                String schema = table.get().get("schema").map(Object::toString).orElse("");
                boolean ok = schema.equals(own);
                events.add(new SimpleConditionEvent(type, ok, "Class <" + type.getName() + "> of module '" + own
                        + "' is annotated with @Table(schema = \"" + schema + "\")"
                        + (ok ? "" : ", not its own schema \"" + own + "\"")
                        + " in " + type.getSourceCodeLocation()));
            }
        };
    }

    ArchCondition<JavaClass> queryOnlyTablesOfTheirOwnSchema() {
        return new ArchCondition<>("name only their own module's schema in repository queries") {
            private final Set<String> modules = new TreeSet<>();

            @Override
            public void init(Collection<JavaClass> all) {
                all.forEach(type -> packages.moduleOf(type).ifPresent(modules::add));
            }

            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = packages.moduleOf(type).orElse("");
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

    ArchCondition<JavaClass> dependOnlyOnWhatAnApiMayUse() {
        return new ArchCondition<>("depend only on java.., their own and other API packages, " + root + "."
                + BoundaryRules.KERNEL + " and the HTTP interface and Jackson annotations") {
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
        if (BoundaryRules.API_MAY_USE.stream().anyMatch(allowed -> (packageName + ".").startsWith(allowed))) {
            return true;
        }
        // Exactly a module's API package (or the kernel's root package), never one below it.
        return packages.isModuleApiPackage(packageName);
    }

    ArchCondition<JavaClass> beConditionalOnTheirOwnModuleBeingLocal(String condition) {
        String simpleName = condition.substring(condition.lastIndexOf('.') + 1);
        return new ArchCondition<>("be annotated with @" + condition + " whose value is their module's name") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String module = packages.internalsOwner(type.getPackageName()).orElseThrow();
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

    ArchCondition<JavaClass> resideInTheirApiPackageOrUnderInternal() {
        return new ArchCondition<>("reside in their module's API package " + root + ".X or under " + root
                + ".X.internal..") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String module = packages.moduleOf(type).orElseThrow();
                String pkg = type.getPackageName();
                boolean ok = pkg.equals(root + "." + module) || packages.internalsOwner(pkg).isPresent();
                events.add(new SimpleConditionEvent(type, ok, "Class <" + type.getName() + "> of module '" + module
                        + "' resides in package " + pkg + (ok ? "" : ", neither " + root + "." + module + " nor under "
                        + root + "." + module + ".internal") + " in " + type.getSourceCodeLocation()));
            }
        };
    }
}
