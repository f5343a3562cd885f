package dev.forum.extraction.runtime.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties;
import io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Gives each remote module's Resilience4j retry and circuit breaker the run time's defaults
 * ({@link RemoteReadRetryDefaults}, {@link RemoteCircuitBreakerDefaults}) beneath what the application configures,
 * in the registries Resilience4j's Spring Boot support makes: right after it made one, the module's entry (named after
 * the module) is built again from the application's properties and {@code RetryConfigCustomizer} /
 * {@code CircuitBreakerConfigCustomizer} beans, with the run time's default applied first, and put in the registry in
 * place of the one Resilience4j made (or added, where it made none).
 *
 * <p>Why here and not as customizer beans: Resilience4j allows one customizer per name, so a customizer of the run
 * time's named after a module made the start fail where the application had its own; and it applies a retry
 * customizer to a shared config named like it ({@code resilience4j.retry.configs.<module>}) too, where it then made
 * no retry of that name, so the module's retry fell back to Resilience4j's defaults. A registry that is the
 * application's own bean (not made by Resilience4j) is left alone: it decides alone.
 */
public final class RemoteModuleResilience implements BeanPostProcessor, BeanFactoryAware {

    private static final String RESILIENCE4J = "io.github.resilience4j.";

    private final Set<String> modules;
    private ConfigurableListableBeanFactory beanFactory;

    /** @param modules the remote modules whose retry and breaker get the run time's defaults */
    public RemoteModuleResilience(Set<String> modules) {
        this.modules = Set.copyOf(modules);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    /**
     * Puts each remote module's retry or breaker, with the run time's defaults beneath the application's settings,
     * into a registry Resilience4j's Spring Boot support made; any other bean passes unchanged.
     *
     * @return the bean, the same instance
     */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RetryRegistry retries && madeByResilience4j(beanName)) {
            CommonRetryConfigurationProperties properties = beanFactory.getBean(CommonRetryConfigurationProperties.class);
            List<RetryConfigCustomizer> customizers = beanFactory.getBeanProvider(RetryConfigCustomizer.class).orderedStream().toList();
            for (String module : modules) {
                retries.remove(module);
                retries.retry(module, RemoteReadRetryDefaults.config(module, properties, customizers));
            }
        } else if (bean instanceof CircuitBreakerRegistry breakers && madeByResilience4j(beanName)) {
            CommonCircuitBreakerConfigurationProperties properties =
                    beanFactory.getBean(CommonCircuitBreakerConfigurationProperties.class);
            List<CircuitBreakerConfigCustomizer> customizers =
                    beanFactory.getBeanProvider(CircuitBreakerConfigCustomizer.class).orderedStream().toList();
            for (String module : modules) {
                breakers.remove(module);
                breakers.circuitBreaker(module, RemoteCircuitBreakerDefaults.config(module, properties, customizers));
            }
        }
        return bean;
    }

    /** Whether the bean is made by a factory method of a Resilience4j configuration class (its auto-configuration). */
    private boolean madeByResilience4j(String beanName) {
        if (!beanFactory.containsBeanDefinition(beanName)) {
            return false;
        }
        BeanDefinition definition = beanFactory.getMergedBeanDefinition(beanName);
        String factory = definition.getFactoryBeanName();
        if (factory == null || !beanFactory.containsBeanDefinition(factory)) {
            return false;
        }
        String factoryClass = beanFactory.getMergedBeanDefinition(factory).getBeanClassName();
        return factoryClass != null && factoryClass.startsWith(RESILIENCE4J);
    }
}
