package dev.forum.extraction.runtime.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties;
import io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.PriorityOrdered;

/**
 * Gives each remote module's Resilience4j retry and circuit breaker the run time's defaults
 * ({@link RemoteReadRetryDefaults}, {@link RemoteCircuitBreakerDefaults}) for what the application leaves unset, in the
 * registries Resilience4j's Spring Boot support makes: right after it made one, the module's entry (named after the
 * module) is built again, the application's properties first, then the run time's default only where they set
 * nothing, then the application's {@code RetryConfigCustomizer} / {@code CircuitBreakerConfigCustomizer} named after
 * the module; it is put in the registry in place of the one Resilience4j made (or added, where it made none).
 *
 * <p>Why here and not as customizer beans: Resilience4j allows one customizer per name, so a customizer of the run
 * time's named after a module made the start fail where the application had its own; and it applies a retry
 * customizer to a shared config named like it ({@code resilience4j.retry.configs.<module>}) too, where it then made
 * no retry of that name, so the module's retry fell back to Resilience4j's defaults. A registry that is the
 * application's own bean (not made by Resilience4j) is left alone: it decides alone.
 *
 * <p>It is a {@link PriorityOrdered} post-processor, so Spring registers it before the ordinary ones, whose
 * dependencies may be made early; a registry Resilience4j made before it was registered still escapes it (Spring then
 * logs the registry as "not eligible for getting processed by all BeanPostProcessors"): once all singletons exist, each
 * such registry is named in a WARN (a guard: with Resilience4j 2.4.0 a priority-ordered post-processor that needs a
 * registry fails the start, as Resilience4j's auto-configuration cannot be made before constructor injection is). A
 * registry not yet made then (under {@code spring.main.lazy-initialization=true}, or where no bean needed it) is made
 * there, so it gets the defaults and the start-up log can name them. Then one INFO line per remote module names the
 * values its breaker and retry run with, read from the built ones, a {@code *} marking each that is the run time's
 * default rather than the application's.
 */
public final class RemoteModuleResilience
        implements BeanPostProcessor, PriorityOrdered, BeanFactoryAware, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RemoteModuleResilience.class);
    private static final String RESILIENCE4J = "io.github.resilience4j.";

    private final Set<String> modules;
    private final Set<String> rebuilt = new TreeSet<>();
    private final Map<String, String> breakerSettings = new TreeMap<>();
    private final Map<String, String> retrySettings = new TreeMap<>();
    private ConfigurableListableBeanFactory beanFactory;

    /** @param modules the remote modules whose retry and breaker get the run time's defaults */
    public RemoteModuleResilience(Set<String> modules) {
        this.modules = Set.copyOf(modules);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    /** @return the lowest precedence among the priority-ordered post-processors: it only rebuilds registry entries */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    /**
     * Puts each remote module's retry or breaker, with the run time's defaults beneath the application's customizer,
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
                RetryConfig config = RemoteReadRetryDefaults.config(module, properties, customizers);
                retries.retry(module, config);
                retrySettings.put(module, RemoteReadRetryDefaults.described(module, properties, customizers, config));
            }
            rebuilt.add(beanName);
        } else if (bean instanceof CircuitBreakerRegistry breakers && madeByResilience4j(beanName)) {
            CommonCircuitBreakerConfigurationProperties properties =
                    beanFactory.getBean(CommonCircuitBreakerConfigurationProperties.class);
            List<CircuitBreakerConfigCustomizer> customizers =
                    beanFactory.getBeanProvider(CircuitBreakerConfigCustomizer.class).orderedStream().toList();
            for (String module : modules) {
                breakers.remove(module);
                CircuitBreakerConfig config = RemoteCircuitBreakerDefaults.config(module, properties, customizers);
                breakers.circuitBreaker(module, config);
                breakerSettings.put(module, RemoteCircuitBreakerDefaults.described(module, properties, customizers, config));
            }
            rebuilt.add(beanName);
        }
        return bean;
    }

    /**
     * Once every singleton exists: each registry of Resilience4j's not made yet is made now (lazy initialization), so it
     * gets the defaults; a WARN per registry Resilience4j made that this did not rebuild (its remote modules run on the
     * application's settings alone, Resilience4j's defaults for the rest); then one INFO line per remote module naming
     * the values its breaker and retry run with.
     */
    @Override
    public void afterSingletonsInstantiated() {
        for (Class<?> type : List.of(CircuitBreakerRegistry.class, RetryRegistry.class)) {
            for (String name : beanFactory.getBeanNamesForType(type, false, false)) {
                if (madeByResilience4j(name) && !beanFactory.containsSingleton(name)) {
                    beanFactory.getBean(name);
                }
                if (madeByResilience4j(name) && !rebuilt.contains(name)) {
                    log.warn("Resilience4j's {} '{}' was made before the run time's defaults could be applied: the remote modules {}"
                            + " get Resilience4j's defaults for what resilience4j.* leaves unset. Find the bean that needs it"
                            + " early (Spring's 'not eligible for getting processed by all BeanPostProcessors' line names it)"
                            + " and inject the registry lazily there", type.getSimpleName(), name, new TreeSet<>(modules));
                }
            }
        }
        for (String module : new TreeSet<>(modules)) {
            List<String> parts = new ArrayList<>();
            if (breakerSettings.containsKey(module)) {
                parts.add("circuit breaker " + breakerSettings.get(module));
            }
            if (retrySettings.containsKey(module)) {
                parts.add("retry " + retrySettings.get(module));
            }
            if (!parts.isEmpty()) {
                log.info("Remote module {} runs with: {} (* the run time's default, where resilience4j.* and the"
                        + " application's customizers set nothing)", module, String.join("; ", parts));
            }
        }
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
