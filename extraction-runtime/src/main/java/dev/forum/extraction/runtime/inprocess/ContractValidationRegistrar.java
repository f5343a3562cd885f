package dev.forum.extraction.runtime.inprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Before any bean is made: for each local bean implementing an HTTP contract (an interface with {@code @HttpExchange}
 * on it or on a method) whose methods declare parameter checks ({@link ContractConstraints}), registers a second,
 * primary bean of the contract type: a proxy that validates each call as Spring MVC does over HTTP, then calls the bean
 * ({@link ValidatingContract}).
 *
 * <p>Why a second bean and not a proxy of the controller: Spring MVC dispatches a request to the controller bean and
 * validates it itself; wrapping that bean would validate every request twice. The proxy is what an injection point of
 * the contract type gets (it is primary), which is how other modules call the module, so only their calls, those that
 * would go over HTTP once the module is split off, are checked here. An injection point of the implementing class gets
 * the bean itself, unchecked, as does a request. A contract with no declared check gets no proxy: no cost per call.
 * The proxy is made for the most specific contract the bean implements (a contract extending another covers both).
 *
 * <p>Runs after the run time's {@code RemoteModuleRegistrar} (an ordered post-processor, this one is not): a remote
 * module's beans are gone by then, and its contracts' clients are interfaces, not implementations, so a remote
 * contract gets no proxy (its module validates over HTTP).
 */
public final class ContractValidationRegistrar implements BeanDefinitionRegistryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ContractValidationRegistrar.class);

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        for (String name : registry.getBeanDefinitionNames()) {
            Class<?> type = beanType(registry.getBeanDefinition(name), classLoader);
            if (type == null || type.isInterface() || name.startsWith("scopedTarget.")) {
                continue;
            }
            for (Class<?> contract : checkedContracts(type)) {
                register(registry, beanFactory, name, contract);
            }
        }
    }

    /**
     * @param beanType a bean's class
     * @return the most specific HTTP contracts it implements that declare parameter checks
     */
    static List<Class<?>> checkedContracts(Class<?> beanType) {
        Set<Class<?>> interfaces = ClassUtils.getAllInterfacesForClassAsSet(beanType);
        List<Class<?>> contracts = interfaces.stream().filter(ContractValidationRegistrar::isContract).toList();
        List<Class<?>> checked = new ArrayList<>();
        for (Class<?> contract : contracts) {
            boolean extended = contracts.stream().anyMatch(other -> other != contract && contract.isAssignableFrom(other));
            if (!extended && ContractConstraints.declared(contract, beanType)) {
                checked.add(contract);
            }
        }
        return checked;
    }

    private static boolean isContract(Class<?> type) {
        if (AnnotatedElementUtils.hasAnnotation(type, HttpExchange.class)) {
            return true;
        }
        for (java.lang.reflect.Method method : type.getMethods()) {
            if (AnnotatedElementUtils.hasAnnotation(method, HttpExchange.class)) {
                return true;
            }
        }
        return false;
    }

    private static <T> void register(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beanFactory,
            String target, Class<T> contract) {
        RootBeanDefinition proxy = new RootBeanDefinition(contract);
        proxy.setPrimary(true);
        proxy.setInstanceSupplier(() -> ValidatingContract.proxy(contract, beanFactory.getBean(target),
                beanFactory.getBeanProvider(jakarta.validation.Validator.class).getIfUnique()));
        String name = target + ".validated." + contract.getName();
        registry.registerBeanDefinition(name, proxy);
        log.debug("Calls of {} through bean {} are validated in process", contract.getName(), name);
    }

    /** A definition's class: its bean class, else its factory method's declared return type; {@code null} if unknown. */
    private static Class<?> beanType(BeanDefinition definition, ClassLoader classLoader) {
        String className = definition.getBeanClassName();
        if (definition.getFactoryMethodName() != null) {
            MethodMetadata factoryMethod = definition instanceof AnnotatedBeanDefinition annotated
                    ? annotated.getFactoryMethodMetadata() : null;
            className = factoryMethod == null ? null : factoryMethod.getReturnTypeName();
        }
        if (className == null) {
            return null;
        }
        try {
            return ClassUtils.forName(className, classLoader);
        } catch (ClassNotFoundException | LinkageError unreadable) {
            return null;
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }
}
