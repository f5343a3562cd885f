package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The beans of modules that the classes outside every module use (the main class, and any other class of the root
 * packages), which Spring Modulith records for no module: every process holds those classes, so each such use needs
 * the bean's module in every process. Only uses that fail where the module is absent count, found three ways:
 * <ul>
 * <li>a class literal handed to {@code getBean} in the same method: {@code run(App.class, args).getBean(Orders.class)}
 * (any {@code BeanFactory}); {@code getBeanProvider} and {@code getBeansOfType} find nothing without failing;</li>
 * <li>a call of a method of a module's bean type: a class of the module that is a Spring component, or a supertype of
 * one that the module holds ({@code orders.complete(...)}, whatever gave the reference, an
 * {@code ObjectProvider.getObject()} too);</li>
 * <li>a plain type Spring injects into such a class when it is a component (its constructors, {@code @Autowired}
 * fields and methods, the parameters of its {@code @Bean} methods), as for a {@code CommandLineRunner} bean that takes
 * a module's bean; holders ({@code ObjectProvider<Orders>}, {@code Optional}, {@code List}, {@code Map}...) may be
 * empty and do not count by themselves.</li>
 * </ul>
 */
final class OutsideBeanUses {

    private static final String COMPONENT = "org.springframework.stereotype.Component";
    private static final String BEAN_FACTORY = "org.springframework.beans.factory.BeanFactory";
    private static final Set<String> LOOKUPS = Set.of("getBean");

    private OutsideBeanUses() {
    }

    /**
     * @param outside     the classes outside every module
     * @param moduleTypes every class of every module
     * @param moduleOf    the name of the module holding a class; empty for a class of no module
     * @return each use, as the analyzer's dependency JSON: {@code type} {@code USES_COMPONENT}, {@code source} the class
     *         outside every module, {@code target} the bean's class, {@code module} the module holding it; each once,
     *         in the order found
     */
    static List<Map<String, Object>> of(Collection<JavaClass> outside, Collection<JavaClass> moduleTypes,
            Function<JavaClass, Optional<String>> moduleOf) {
        List<JavaClass> components = moduleTypes.stream().filter(type -> type.isMetaAnnotatedWith(COMPONENT)).toList();
        List<Map<String, Object>> found = new ArrayList<>();
        for (JavaClass type : outside) {
            List<JavaClass> used = new ArrayList<>(IndirectBeanReferences.injected(type, IndirectBeanReferences.Injection.PLAIN));
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (unit.getMethodCallsFromSelf().stream().anyMatch(OutsideBeanUses::isLookup)) {
                    unit.getReferencedClassObjects().stream().map(ReferencedClassObject::getRawType).forEach(used::add);
                }
            }
            type.getMethodCallsFromSelf().stream().map(call -> call.getTargetOwner())
                    .filter(owner -> isBeanType(owner, components, moduleOf)).forEach(used::add);
            for (JavaClass bean : used) {
                moduleOf.apply(bean).map(module -> reference(type, bean, module)).filter(r -> !found.contains(r))
                        .ifPresent(found::add);
            }
        }
        return found;
    }

    private static boolean isLookup(JavaMethodCall call) {
        return LOOKUPS.contains(call.getName()) && call.getTargetOwner().isAssignableTo(BEAN_FACTORY);
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

    private static Map<String, Object> reference(JavaClass source, JavaClass target, String module) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "USES_COMPONENT");
        json.put("source", source.getName());
        json.put("target", target.getName());
        json.put("module", module);
        return json;
    }
}
