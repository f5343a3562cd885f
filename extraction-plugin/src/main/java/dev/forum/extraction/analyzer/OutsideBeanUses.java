package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The beans of modules that code every process runs uses: the classes outside every module (the main class, and any
 * other class of the root packages), which Spring Modulith records for no module, and the {@code main} method of the
 * launch class when it is inside a module (a {@code Launcher} in module {@code a}: the service jars start it). Each
 * such use needs the bean's module in every process. Only uses that fail where the module is absent count, found three
 * ways:
 * <ul>
 * <li>a class literal handed to {@code getBean} in the same method: {@code run(App.class, args).getBean(Orders.class)}
 * (any {@code BeanFactory}); or Kotlin's reified {@code getBean<Orders>()}, which Kotlin 2 with Spring Framework 7
 * compiles to {@code getBeanProvider(ResolvableType.forType(..)).getObject()} of a
 * {@code ParameterizedTypeReference<Orders>} it regenerates as {@code AppKt$main$$inlined$getBean$1}: that class
 * counts, in a method calling {@code getObject()};
 * {@code getBeanProvider} otherwise (Kotlin's {@code getBeanProvider<Audit>()}, whose class is
 * {@code ..$$inlined$getBeanProvider$1}, {@code getIfAvailable()}, {@code ifAvailable(..)}), another
 * {@code ParameterizedTypeReference} and {@code getBeansOfType} find nothing without failing;</li>
 * <li>a call of a method of a module's bean type: a class of the module that is a Spring component, or a supertype of
 * one that the module holds ({@code orders.complete(...)}, whatever gave the reference, an
 * {@code ObjectProvider.getObject()} too);</li>
 * <li>for a class outside every module, a plain type Spring injects into it when it is a component (its constructors,
 * {@code @Autowired} fields and methods, the parameters of its {@code @Bean} methods), as for a
 * {@code CommandLineRunner} bean that takes a module's bean; holders ({@code ObjectProvider<Orders>}, {@code Optional},
 * {@code List}, {@code Map}...) may be empty and do not count by themselves.</li>
 * </ul>
 * Only the launch class, the one class the service jars start (the plugin resolves it and hands its name to this JVM
 * in the system property {@value #LAUNCH_CLASS}), has a {@code main} that runs in every process: the uses in its
 * {@code main} method (and the lambdas compiled from it) have the type {@link #FROM_MAIN}, so that the advice is to
 * move the call, not the class; its other uses, outside every module, are a root-package class's. Inside a module
 * only the launch class's {@code main} counts; any other class's {@code main} there (a developer's or a tool's) is no
 * service's start and counts for nothing: the rest of a module's classes run only where their module does.
 */
final class OutsideBeanUses {

    /**
     * The dependency type of a use by a launch class ({@code BeanCalls} reads it by this name); a use by any other class
     * is {@code USES_COMPONENT}.
     */
    static final String FROM_MAIN = "MAIN_USES_COMPONENT";
    /**
     * The system property holding the launch class's binary name (set by the plugin's {@code AnalysisFork}); unset,
     * no class is a launch class.
     */
    static final String LAUNCH_CLASS = "extraction.launchClass";
    private static final String USES = "USES_COMPONENT";
    /** Part of the name Kotlin gives the {@code ParameterizedTypeReference} it regenerates from {@code getBean<X>()}. */
    private static final String INLINED_GET_BEAN = "$$inlined$getBean$";
    private static final String COMPONENT = "org.springframework.stereotype.Component";
    private static final String BEAN_FACTORY = "org.springframework.beans.factory.BeanFactory";
    private static final String OBJECT_FACTORY = "org.springframework.beans.factory.ObjectFactory";
    private static final String TYPE_REFERENCE = "org.springframework.core.ParameterizedTypeReference";

    private OutsideBeanUses() {
    }

    /**
     * @param outside     the classes outside every module
     * @param moduleTypes every class of every module
     * @param moduleOf    the name of the module holding a class; empty for a class of no module
     * @return each use, as the analyzer's dependency JSON: {@code type} {@code USES_COMPONENT} (or {@link #FROM_MAIN}
     *         for a use in the launch class's {@code main}), {@code source} the using class, {@code target} the bean's
     *         class, {@code module} the module holding it; each once per type, in the order found
     */
    static List<Map<String, Object>> of(Collection<JavaClass> outside, Collection<JavaClass> moduleTypes,
            Function<JavaClass, Optional<String>> moduleOf) {
        String launchClass = System.getProperty(LAUNCH_CLASS);
        List<JavaClass> components = moduleTypes.stream().filter(type -> type.isMetaAnnotatedWith(COMPONENT)).toList();
        List<Map<String, Object>> found = new ArrayList<>();
        for (JavaClass type : outside) {
            boolean launch = type.getName().equals(launchClass);
            add(type, new ArrayList<>(IndirectBeanReferences.injected(type, IndirectBeanReferences.Injection.PLAIN)),
                    USES, moduleOf, found);
            add(type, uses(type.getCodeUnits().stream().filter(unit -> launch && isMainCode(unit)).toList(), components,
                    moduleOf), FROM_MAIN, moduleOf, found);
            add(type, uses(type.getCodeUnits().stream().filter(unit -> !launch || !isMainCode(unit)).toList(),
                    components, moduleOf), USES, moduleOf, found);
        }
        for (JavaClass type : moduleTypes) {
            if (type.getName().equals(launchClass)) {
                add(type, uses(type.getCodeUnits().stream().filter(OutsideBeanUses::isMainCode).toList(), components,
                        moduleOf), FROM_MAIN, moduleOf, found);
            }
        }
        return found;
    }

    /** The bean classes {@code units} look up ({@code getBean}) and whose methods they call, in the order found. */
    private static List<JavaClass> uses(Collection<? extends JavaCodeUnit> units, List<JavaClass> components,
            Function<JavaClass, Optional<String>> moduleOf) {
        List<JavaClass> used = new ArrayList<>();
        for (JavaCodeUnit unit : units) {
            Set<JavaMethodCall> calls = unit.getMethodCallsFromSelf();
            if (calls.stream().anyMatch(call -> isCall(call, BEAN_FACTORY, "getBean"))) {
                unit.getReferencedClassObjects().stream().map(ReferencedClassObject::getRawType).forEach(used::add);
            }
            if (calls.stream().anyMatch(call -> isCall(call, OBJECT_FACTORY, "getObject"))) {
                unit.getConstructorCallsFromSelf().stream().map(call -> call.getTargetOwner())
                        .filter(owner -> owner.getName().contains(INLINED_GET_BEAN))
                        .flatMap(owner -> typeReference(owner).stream()).forEach(used::add);
            }
        }
        units.stream().flatMap(unit -> unit.getMethodCallsFromSelf().stream()).map(JavaMethodCall::getTargetOwner)
                .filter(owner -> isBeanType(owner, components, moduleOf)).forEach(used::add);
        return used;
    }

    private static void add(JavaClass type, List<JavaClass> used, String dependencyType,
            Function<JavaClass, Optional<String>> moduleOf, List<Map<String, Object>> found) {
        for (JavaClass bean : used.stream().filter(bean -> !bean.equals(type)).toList()) { // run(Launcher.class, args)
            moduleOf.apply(bean).map(module -> IndirectBeanReferences.reference(dependencyType, type, bean, module))
                    .filter(r -> !found.contains(r)).ifPresent(found::add);
        }
    }

    /**
     * A {@code main} method, or a lambda compiled from one ({@code javac}'s {@code lambda$main$0}, Kotlin's
     * {@code main$lambda$0}).
     */
    private static boolean isMainCode(JavaCodeUnit unit) {
        return unit.getName().equals("main") || unit.getName().startsWith("lambda$main$")
                || unit.getName().startsWith("main$lambda$");
    }

    private static boolean isCall(JavaMethodCall call, String owner, String name) {
        return call.getName().equals(name) && call.getTargetOwner().isAssignableTo(owner);
    }

    /** The class {@code type} names when it is a {@code ParameterizedTypeReference<X>} of its own: {@code X}'s. */
    private static Optional<JavaClass> typeReference(JavaClass type) {
        return type.getSuperclass().filter(JavaParameterizedType.class::isInstance).map(JavaParameterizedType.class::cast)
                .filter(superclass -> superclass.toErasure().getName().equals(TYPE_REFERENCE)
                        && superclass.getActualTypeArguments().size() == 1)
                .map(superclass -> superclass.getActualTypeArguments().get(0).toErasure());
    }

    /** A component of a module, or a supertype of one its module holds. */
    private static boolean isBeanType(JavaClass type, List<JavaClass> components,
            Function<JavaClass, Optional<String>> moduleOf) {
        Optional<String> module = moduleOf.apply(type);
        if (module.isEmpty()) {
            return false;
        }
        return components.stream().filter(c -> moduleOf.apply(c).equals(module))
                .anyMatch(c -> c.equals(type) || c.isAssignableTo(type.getName()));
    }
}
