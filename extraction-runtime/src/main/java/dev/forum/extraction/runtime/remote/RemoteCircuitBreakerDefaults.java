package dev.forum.extraction.runtime.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties.InstanceProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
 * {@code configs.<module>} then counts only as a {@code base-config}, as on the retry's side). That holds with an
 * application's {@code CircuitBreakerConfigCustomizer} named after the module too: Resilience4j 2.4.0 builds a breaker
 * for such a customizer at start only where no {@code configs.<module>} exists, and then over {@code configs.default};
 * where {@code configs.<module>} exists it makes none, so the breaker is made on first use from the registry default,
 * without that customizer. The run time applies that customizer in both cases. Order of application: those properties, with the application's customizer named after the
 * config they come from ({@code default}, or the {@code base-config}), as Resilience4j applies it; then, inside the one
 * customizer named after the module, this default, which sets only what neither those properties nor that customizer
 * sets; then the application's own {@code CircuitBreakerConfigCustomizer} named after the module, so what it sets wins
 * (its {@code recordExceptions} add to {@link RemoteModuleException}, as Resilience4j combines them; its
 * {@code recordException} predicate replaces it). Setting by setting: the window ({@code sliding-window-type} and
 * {@code sliding-window-size}, one setting: a size means nothing without its type); {@code minimum-number-of-calls};
 * the wait when open ({@code wait-duration-in-open-state}, {@code enable-exponential-backoff},
 * {@code enable-randomized-wait}); {@code permitted-number-of-calls-in-half-open-state}; what counts as a failure
 * ({@code record-exceptions}, {@code record-failure-predicate}). Resilience4j refuses a wait in the open state set twice
 * on one configuration, so where the application's customizer named after the module sets that wait the run time
 * leaves it alone. What a customizer sets is told by running it once more on throwaway configurations
 * ({@link RemoteModuleResilienceCustomizers#setBy}), so it must have no side effects.
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
    private static final String WINDOW_SETTING = "window";
    private static final String MINIMUM_SETTING = "minimum";
    private static final String OPEN_SETTING = "open";
    private static final String HALF_OPEN_SETTING = "half-open";
    private static final String FAILURES_SETTING = "failures";
    private static final RuntimeException OTHER_FAILURE = new IllegalStateException("probe");
    private static final RuntimeException REMOTE_FAILURE = new RemoteModuleException("probe", "probe", null);

    private final String module;
    private final CommonCircuitBreakerConfigurationProperties properties;
    private final Set<String> setByCustomizers;

    /**
     * @param module     the remote module, the breaker's name
     * @param properties the application's {@code resilience4j.circuitbreaker} properties, or null where Resilience4j's
     *                   Spring Boot support is not in use (then the defaults apply in full)
     */
    public RemoteCircuitBreakerDefaults(String module, CommonCircuitBreakerConfigurationProperties properties) {
        this(module, properties, Set.of());
    }

    private RemoteCircuitBreakerDefaults(String module, CommonCircuitBreakerConfigurationProperties properties,
            Set<String> setByCustomizers) {
        this.module = Objects.requireNonNull(module, "module");
        this.properties = properties;
        this.setByCustomizers = setByCustomizers;
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

    /** Sets on the builder what none of the properties sets; returns those settings' short names. */
    private List<String> fill(CircuitBreakerConfig.Builder builder) {
        List<InstanceProperties> configured = configured();
        List<String> filled = new ArrayList<>();
        if (unset(configured, WINDOW_SETTING, set -> set.getSlidingWindowType() != null || set.getSlidingWindowSize() != null)) {
            builder.slidingWindowType(SlidingWindowType.COUNT_BASED).slidingWindowSize(WINDOW);
            filled.add(WINDOW_SETTING);
        }
        if (unset(configured, MINIMUM_SETTING, set -> set.getMinimumNumberOfCalls() != null)) {
            builder.minimumNumberOfCalls(MINIMUM_CALLS);
            filled.add(MINIMUM_SETTING);
        }
        if (unset(configured, OPEN_SETTING, set -> set.getWaitDurationInOpenState() != null
                || set.getEnableExponentialBackoff() != null || set.getEnableRandomizedWait() != null)) {
            builder.waitDurationInOpenState(OPEN_WAIT);
            filled.add(OPEN_SETTING);
        }
        if (unset(configured, HALF_OPEN_SETTING, set -> set.getPermittedNumberOfCallsInHalfOpenState() != null)) {
            builder.permittedNumberOfCallsInHalfOpenState(HALF_OPEN_CALLS);
            filled.add(HALF_OPEN_SETTING);
        }
        if (unset(configured, FAILURES_SETTING, set -> set.getRecordFailurePredicate() != null
                || set.getRecordExceptions() != null && set.getRecordExceptions().length > 0)) {
            // A predicate, not recordExceptions: over a configuration built before (from configs.default, say), whose
            // predicate records every failure, Resilience4j would add the class to that predicate, not replace it.
            builder.recordException(RemoteModuleException.class::isInstance);
            filled.add(FAILURES_SETTING);
        }
        return filled;
    }

    private boolean unset(List<InstanceProperties> configured, String setting, Predicate<InstanceProperties> sets) {
        return configured.stream().noneMatch(sets) && !setByCustomizers.contains(setting);
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
     * The module's breaker as it runs, for the start-up log: each setting of the run time's with the value read from
     * the built breaker, marked {@code *} where it is the run time's default, not the application's.
     *
     * @param module      the remote module, the breaker's name
     * @param properties  the application's {@code resilience4j.circuitbreaker} properties
     * @param customizers the application's {@link CircuitBreakerConfigCustomizer} beans
     * @param built       the breaker's configuration as {@link #config(String, CommonCircuitBreakerConfigurationProperties,
     *                    List)} built it
     * @return e.g. {@code "window 20 calls*, minimum 5*, open 5s*, half-open 2*, failures RemoteModuleException*"}
     */
    static String described(String module, CommonCircuitBreakerConfigurationProperties properties,
            List<CircuitBreakerConfigCustomizer> customizers, CircuitBreakerConfig built) {
        List<String> filled = of(module, properties, customizers).fill(CircuitBreakerConfig.custom());
        CircuitBreakerConfigCustomizer application = RemoteModuleResilienceCustomizers.named(module, customizers);
        Set<String> applications = application == null ? Set.of() : setBy(List.of(application));
        List<String> parts = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(WINDOW_SETTING, built.getSlidingWindowType() == SlidingWindowType.TIME_BASED
                ? built.getSlidingWindowSize() + "s" : built.getSlidingWindowSize() + " calls");
        values.put(MINIMUM_SETTING, String.valueOf(built.getMinimumNumberOfCalls()));
        values.put(OPEN_SETTING, RemoteReadRetryDefaults.duration(built.getWaitIntervalFunctionInOpenState().apply(1)));
        values.put(HALF_OPEN_SETTING, String.valueOf(built.getPermittedNumberOfCallsInHalfOpenState()));
        values.put(FAILURES_SETTING, filled.contains(FAILURES_SETTING) ? RemoteModuleException.class.getSimpleName()
                + (applications.contains(FAILURES_SETTING) ? "* and the application's" : "*") : "the application's");
        values.forEach((setting, value) -> parts.add(setting + " " + value
                + (!setting.equals(FAILURES_SETTING) && filled.contains(setting) && !applications.contains(setting) ? "*" : "")));
        return String.join(", ", parts);
    }

    private static RemoteCircuitBreakerDefaults of(String module, CommonCircuitBreakerConfigurationProperties properties,
            List<CircuitBreakerConfigCustomizer> customizers) {
        CircuitBreakerConfigCustomizer application = RemoteModuleResilienceCustomizers.named(module, customizers);
        String source = new RemoteCircuitBreakerDefaults(module, properties).source();
        // The customizer named after the source config shaped it before the run time's default: what it sets is the
        // application's. The one named after the module runs after, so it wins anyway, but for the wait when open.
        CircuitBreakerConfigCustomizer before = source == null || source.equals(module) ? null
                : RemoteModuleResilienceCustomizers.named(source, customizers);
        Set<String> set = new TreeSet<>(before == null ? Set.of() : setBy(List.of(before)));
        if (application != null && setBy(List.of(application)).contains(OPEN_SETTING)) {
            set.add(OPEN_SETTING);
        }
        return new RemoteCircuitBreakerDefaults(module, properties, Set.copyOf(set));
    }

    /** The short names of the run time's settings the customizers set, run on throwaway configurations. */
    private static Set<String> setBy(List<CircuitBreakerConfigCustomizer> customizers) {
        if (customizers.isEmpty()) {
            return Set.of();
        }
        CircuitBreakerConfig runTimes = config();
        return RemoteModuleResilienceCustomizers.setBy(RemoteCircuitBreakerDefaults::settings, CircuitBreakerConfig.ofDefaults(),
                customized(CircuitBreakerConfig.custom(), customizers), runTimes,
                customized(CircuitBreakerConfig.from(runTimes), customizers));
    }

    private static CircuitBreakerConfig customized(CircuitBreakerConfig.Builder builder,
            List<CircuitBreakerConfigCustomizer> customizers) {
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    private static Map<String, Object> settings(CircuitBreakerConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(WINDOW_SETTING, List.of(config.getSlidingWindowType(), config.getSlidingWindowSize()));
        settings.put(MINIMUM_SETTING, config.getMinimumNumberOfCalls());
        settings.put(OPEN_SETTING, List.of(config.getWaitIntervalFunctionInOpenState().apply(1),
                config.getWaitIntervalFunctionInOpenState().apply(2)));
        settings.put(HALF_OPEN_SETTING, config.getPermittedNumberOfCallsInHalfOpenState());
        settings.put(FAILURES_SETTING, List.of(config.getRecordExceptionPredicate().test(OTHER_FAILURE),
                config.getRecordExceptionPredicate().test(REMOTE_FAILURE)));
        return settings;
    }

    /**
     * The name of the shared config the module's breaker is built over, as Resilience4j picks it (class doc): the
     * instance's base config, or the config named like the module, or the default config; null where none applies.
     */
    private String source() {
        if (properties == null) {
            return null;
        }
        InstanceProperties instance = properties.getInstances().get(module);
        if (instance != null && instance.getBaseConfig() != null && !instance.getBaseConfig().isEmpty()) {
            return instance.getBaseConfig();
        }
        if (instance != null && properties.getConfigs().get(module) != null) {
            return module;
        }
        return properties.getConfigs().get(DEFAULT_CONFIG) != null ? DEFAULT_CONFIG : null;
    }

    /** The properties that configure this module's breaker, as Resilience4j picks them: its instance, then its source. */
    private List<InstanceProperties> configured() {
        List<InstanceProperties> configured = new ArrayList<>();
        if (properties == null) {
            return configured;
        }
        add(configured, properties.getInstances().get(module));
        String source = source();
        if (source != null) {
            add(configured, properties.getConfigs().get(source));
        }
        return configured;
    }

    private static void add(List<InstanceProperties> configured, InstanceProperties set) {
        if (set != null) {
            configured.add(set);
        }
    }

}
