package forum.platform.security;

import forum.platform.ModuleApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Every module contract on the class path: the interfaces marked {@link ModuleApi} below a base package, whatever
 * runs in this process (a service's jar holds the contracts of the modules it calls, so their routes get the same
 * rules). Which modules are local is the run-time library's topology ({@code dev.forum.extraction.runtime}); this
 * only lists the routes every process guards alike, and it needs no module metadata (so `spring-boot:run` has them).
 */
public final class ModuleContracts {

    private ModuleContracts() {
    }

    /**
     * The contracts below the application's base package: the shortest of its auto-configuration packages (its main
     * class's), {@code forum} when Spring Boot set none.
     *
     * @return the contracts in module name order
     * @throws IllegalStateException as {@link #find(String, ClassLoader)}
     */
    public static List<ModuleContract> of(BeanFactory beans, ClassLoader classLoader) {
        List<String> packages = AutoConfigurationPackages.has(beans) ? AutoConfigurationPackages.get(beans) : List.of();
        return find(packages.stream().reduce((a, b) -> a.length() <= b.length() ? a : b).orElse("forum"), classLoader);
    }

    /**
     * @param basePackage where to look, e.g. {@code forum}
     * @return the contracts in module name order
     * @throws IllegalStateException if a contract has no class-level {@code @HttpExchange} path, or two name one module
     */
    static List<ModuleContract> find(String basePackage, ClassLoader classLoader) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(classLoader));
        scanner.addIncludeFilter(new AnnotationTypeFilter(ModuleApi.class));
        Map<String, ModuleContract> contracts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> api = ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader);
            String name = api.getAnnotation(ModuleApi.class).value();
            HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
            if (exchange == null || exchange.url().isBlank()) {
                problems.add(api.getName() + " has no @HttpExchange path");
                continue;
            }
            ModuleContract previous = contracts.put(name, new ModuleContract(name, api, exchange.url()));
            if (previous != null) {
                problems.add("module '" + name + "' is declared by both " + previous.api().getName() + " and " + api.getName());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Module contracts are inconsistent: " + String.join("; ", problems));
        }
        return List.copyOf(contracts.values());
    }
}
