package dev.forum.extraction.runtime.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties.InstanceProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The run time's own default for one remote module's circuit breaker (the Resilience4j breaker named after the module,
 * which {@link RemoteCallInterceptor} puts around every call): a count-based window of the last {@value #WINDOW}
 * calls, judged from {@value #MINIMUM_CALLS} calls on, that opens at Resilience4j's 50 % failures for
 * {@link #OPEN_WAIT}, then lets {@value #HALF_OPEN_CALLS} calls through to test the module, and counts only
 * {@link RemoteModuleException}s (what the interceptor raises: 5xx answers, timeouts, an unreachable module).
 *
 * <p>Why not Resilience4j's defaults (a window of 100 calls, judged from 100 calls, 60 s open, 10 test calls): behind
 * a load balancer the module's instances come and go, and a module that failed half of its last calls is usually
 * back, on another instance, within seconds. Waiting for 100 calls before judging lets a quiet process hammer a dead
 * module for long; 60 s open refuses every call for a minute after a restart the balancer had already routed around,
 * and an open breaker answers {@code Retry-After} with its wait ({@link RemoteModuleUnavailableException}), so clients
 * were told 60 s. 5 s is about how long a balancer's health check takes to drop a dead instance, and what the caller
 * is then told to wait.
 *
 * <p>Like {@link RemoteReadRetryDefaults}, it has the shape of a Resilience4j customizer named after the module but is
 * no bean; {@link RemoteModuleResilience} builds the module's breaker with it
 * ({@link #config(String, CommonCircuitBreakerConfigurationProperties, List)}) from the properties Resilience4j itself
 * would use for a breaker of that name: with {@code instances.<module>}, that instance over its {@code base-config}, or
 * else over {@code configs.<module>}, or else over {@code configs.default}; without it, {@code configs.default} alone
 * (Resilience4j's registry default, as {@code CircuitBreakerRegistry.circuitBreaker(module)} takes it; a shared
 * {@code configs.<module>} is only ever a {@code base-config} then, as on the retry's side). Order of application:
 * those properties first; then, inside the one customizer named after the module, this default, which sets only what
 * none of those properties sets; then the application's own {@code CircuitBreakerConfigCustomizer} named after the
 * module, so what it sets wins (its {@code recordExceptions} add to {@link RemoteModuleException}, as Resilience4j
 * combines them; its {@code recordException} predicate replaces it). Setting by setting: the window ({@code sliding-window-type} and
 * {@code sliding-window-size}, one setting: a size means nothing without its type); {@code minimum-number-of-calls};
 * the wait when open ({@code wait-duration-in-open-state}, {@code enable-exponential-backoff},
 * {@code enable-randomized-wait}); {@code permitted-number-of-calls-in-half-open-state}; what counts as a failure
 * ({@code record-exceptions}, {@code record-failure-predicate}). One exception to the order: Resilience4j refuses a
 * wait in the open state set twice on one configuration, so where the application's customizer sets that wait (by
 * {@code waitDurationInOpenState} or {@code waitIntervalFunctionInOpenState}) the run time leaves it alone; to tell,
 * that customizer is run once more on a throwaway builder, so it must have no side effects.
 */
public final class RemoteCircuitBreakerDefaults implements CircuitBreakerConfigCustomizer {

    /** Calls in the window the failure rate is computed over. */
    public static final int WINDOW = 20;
    /** Calls the window must hold before the breaker may open. */
    public static final int MINIMUM_CALLS = 5;
    /** How long an open breaker refuses calls, and the {@code Retry-After} its refusals answer with. */
    public static final Duration OPEN_WAIT = Duration.ofSeconds(5);
    /** Calls let through in the half-open state to decide whether to close again. */
    public static final int HALF_OPEN_CALLS = 2;

    private static final String DEFAULT_CONFIG = "default";

    private final String module;
    private final CommonCircuitBreakerConfigurationProperties properties;
    private final boolean openWaitSetElsewhere;

    /**
     * @param module     the remote module, the breaker's name
     * @param properties the application's {@code resilience4j.circuitbreaker} properties, or null where Resilience4j's
     *                   Spring Boot support is not in use (then the defaults apply in full)
     */
    public RemoteCircuitBreakerDefaults(String module, CommonCircuitBreakerConfigurationProperties properties) {
        this(module, properties, false);
    }

    private RemoteCircuitBreakerDefaults(String module, CommonCircuitBreakerConfigurationProperties properties,
            boolean openWaitSetElsewhere) {
        this.module = Objects.requireNonNull(module, "module");
        this.properties = properties;
        this.openWaitSetElsewhere = openWaitSetElsewhere;
    }

    /** @return the module, the name of the breaker this customizes */
    @Override
    public String name() {
        return module;
    }

    /**
     * Sets the defaults the application's properties for this breaker leave unset (class doc).
     *
     * @param builder the breaker's configuration as Resilience4j built it from the properties
     */
    @Override
    public void customize(CircuitBreakerConfig.Builder builder) {
        fill(builder);
    }

    /** Sets on the builder what none of the properties sets; returns those settings, named short for the start-up log. */
    private List<String> fill(CircuitBreakerConfig.Builder builder) {
        List<InstanceProperties> configured = configured();
        List<String> filled = new ArrayList<>();
        if (noneSets(configured, set -> set.getSlidingWindowType() != null || set.getSlidingWindowSize() != null)) {
            builder.slidingWindowType(SlidingWindowType.COUNT_BASED).slidingWindowSize(WINDOW);
            filled.add("window " + WINDOW + " calls");
        }
        if (noneSets(configured, set -> set.getMinimumNumberOfCalls() != null)) {
            builder.minimumNumberOfCalls(MINIMUM_CALLS);
            filled.add("minimum " + MINIMUM_CALLS);
        }
        if (!openWaitSetElsewhere && noneSets(configured, set -> set.getWaitDurationInOpenState() != null
                || set.getEnableExponentialBackoff() != null || set.getEnableRandomizedWait() != null)) {
            builder.waitDurationInOpenState(OPEN_WAIT);
            filled.add("open " + OPEN_WAIT.toSeconds() + "s");
        }
        if (noneSets(configured, set -> set.getPermittedNumberOfCallsInHalfOpenState() != null)) {
            builder.permittedNumberOfCallsInHalfOpenState(HALF_OPEN_CALLS);
            filled.add("half-open " + HALF_OPEN_CALLS);
        }
        if (noneSets(configured, set -> set.getRecordFailurePredicate() != null
                || set.getRecordExceptions() != null && set.getRecordExceptions().length > 0)) {
            // A predicate, not recordExceptions: over a configuration built before (from configs.default, say), whose
            // predicate records every failure, Resilience4j would add the class to that predicate, not replace it.
            builder.recordException(RemoteModuleException.class::isInstance);
            filled.add("failures " + RemoteModuleException.class.getSimpleName());
        }
        return filled;
    }

    /**
     * The run time's default in full, for a breaker registry that no application properties configure (the library's
     * own, where Resilience4j's Spring Boot support made none).
     *
     * @return the class doc's window, minimum, waits and failures over Resilience4j's other defaults
     */
    public static CircuitBreakerConfig config() {
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.custom();
        new RemoteCircuitBreakerDefaults(DEFAULT_CONFIG, null).customize(builder);
        return builder.build();
    }

    /**
     * The module's breaker as Resilience4j's Spring Boot support builds a breaker of that name from the application's
     * properties and customizers, with the run time's default between the two (class doc).
     *
     * @param module      the remote module, the breaker's name
     * @param properties  the application's {@code resilience4j.circuitbreaker} properties
     * @param customizers the application's {@link CircuitBreakerConfigCustomizer} beans, at most one per name
     *                    (Resilience4j refuses more at start)
     * @return the breaker's configuration: the application's properties, then the run time's default where they set
     *     nothing, then the application's customizer named after the module
     * @throws io.github.resilience4j.core.ConfigurationNotFoundException where the instance names a {@code base-config}
     *     that does not exist, as Resilience4j refuses it
     */
    public static CircuitBreakerConfig config(String module, CommonCircuitBreakerConfigurationProperties properties,
            List<CircuitBreakerConfigCustomizer> customizers) {
        RemoteCircuitBreakerDefaults defaults = of(module, properties, customizers);
        CompositeCustomizer<CircuitBreakerConfigCustomizer> composite = RemoteModuleResilienceCustomizers.beneath(module,
                defaults::customize, customizers, CircuitBreakerConfigCustomizer::of, CircuitBreakerConfigCustomizer::customize);
        InstanceProperties instance = properties.getInstances().get(module);
        if (instance != null) {
            return properties.createCircuitBreakerConfig(module, instance, composite);
        }
        InstanceProperties shared = properties.getConfigs().get(DEFAULT_CONFIG);
        CircuitBreakerConfig.Builder builder = shared == null ? CircuitBreakerConfig.custom()
                : CircuitBreakerConfig.from(properties.createCircuitBreakerConfig(DEFAULT_CONFIG, shared, composite));
        composite.getCustomizer(module).ifPresent(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * What the run time's default sets on the module's breaker, for the start-up log.
     *
     * @param module      the remote module, the breaker's name
     * @param properties  the application's {@code resilience4j.circuitbreaker} properties
     * @param customizers the application's {@link CircuitBreakerConfigCustomizer} beans
     * @return the settings the run time filled in, named short ({@code "window 20 calls"}, ...), none if the
     *     application set them all
     */
    static List<String> filled(String module, CommonCircuitBreakerConfigurationProperties properties,
            List<CircuitBreakerConfigCustomizer> customizers) {
        return of(module, properties, customizers).fill(CircuitBreakerConfig.custom());
    }

    private static RemoteCircuitBreakerDefaults of(String module, CommonCircuitBreakerConfigurationProperties properties,
            List<CircuitBreakerConfigCustomizer> customizers) {
        CircuitBreakerConfigCustomizer application = RemoteModuleResilienceCustomizers.named(module, customizers);
        return new RemoteCircuitBreakerDefaults(module, properties, application != null && setsOpenWait(application));
    }

    /**
     * Whether the application's customizer sets the wait in the open state. Resilience4j refuses a configuration whose
     * wait was set twice (an IllegalStateException at build), so the run time sets it only where the customizer does
     * not; that same refusal tells: the customizer is run on a probe that then sets the wait once more.
     */
    private static boolean setsOpenWait(CircuitBreakerConfigCustomizer customizer) {
        CircuitBreakerConfig.Builder probe = CircuitBreakerConfig.custom();
        customizer.customize(probe);
        probe.waitDurationInOpenState(OPEN_WAIT);
        try {
            probe.build();
            return false;
        } catch (IllegalStateException setTwice) {
            return true;
        }
    }

    /**
     * The properties that configure this module's breaker, as Resilience4j picks them (class doc): with an instance,
     * it and its base config, or the config named like the module, or the default config; without, the default config.
     */
    private List<InstanceProperties> configured() {
        List<InstanceProperties> configured = new ArrayList<>();
        if (properties == null) {
            return configured;
        }
        InstanceProperties instance = properties.getInstances().get(module);
        if (instance == null) {
            add(configured, properties.getConfigs().get(DEFAULT_CONFIG));
            return configured;
        }
        configured.add(instance);
        String base = instance.getBaseConfig();
        if (base != null && !base.isEmpty()) {
            add(configured, properties.getConfigs().get(base));
        } else if (properties.getConfigs().get(module) != null) {
            add(configured, properties.getConfigs().get(module));
        } else {
            add(configured, properties.getConfigs().get(DEFAULT_CONFIG));
        }
        return configured;
    }

    private static void add(List<InstanceProperties> configured, InstanceProperties set) {
        if (set != null) {
            configured.add(set);
        }
    }

    private static boolean noneSets(List<InstanceProperties> configured, Predicate<InstanceProperties> sets) {
        return configured.stream().noneMatch(sets);
    }
}
