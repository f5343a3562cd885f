package dev.forum.extraction.runtime.remote;

import io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties;
import io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties.InstanceProperties;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The run time's own default for the retry of one remote module's reads (the Resilience4j retry named after the
 * module, which {@link RemoteCallInterceptor} applies to GET and HEAD only): {@value #MAX_ATTEMPTS} attempts
 * {@link #WAIT} apart, retrying only what {@link RetryableRemoteRead} retries. Without it an application that sets no
 * {@code resilience4j.retry.*} got Resilience4j's defaults: three attempts 500 ms apart, every failure retried (a 500 or
 * a 504 answer, an open circuit breaker), 16 s before a read that keeps timing out fails with the 5 s read timeout.
 *
 * <p>It has the shape of Resilience4j's own customisation point, a {@link RetryConfigCustomizer} named after the
 * module, but it is no bean: Resilience4j's Spring Boot support allows one customizer per name, and would apply one
 * named like the module to a shared config of that name ({@code resilience4j.retry.configs.<module>}) as well.
 * {@link RemoteModuleResilience} builds the module's retry with it, after Resilience4j built its registry, through
 * {@link #config(String, CommonRetryConfigurationProperties, List)}, from the properties Resilience4j itself uses for a
 * retry of that name: with {@code instances.<module>}, that instance over its {@code base-config} (over
 * {@code configs.default}); without it, {@code configs.default} alone. A shared {@code configs.<module>} counts only as
 * a {@code base-config}, as for the breaker ({@link RemoteCircuitBreakerDefaults}). Order of application: those
 * properties first, with the application's {@code RetryConfigCustomizer} named {@code default} where
 * {@code configs.default} is among them and the one named after the instance's {@code base-config}, as Resilience4j
 * applies them; then, inside the one customizer named after the
 * module, this default, which sets only what neither those properties nor that customizer sets (told by running the
 * customizer once more on throwaway configurations, {@link RemoteModuleResilienceCustomizers#setBy}, so it must have no
 * side effects); then the application's own {@code RetryConfigCustomizer} named after the module, so what it
 * sets wins and what it leaves alone stays the run time's (its {@code retryExceptions} or {@code ignoreExceptions}
 * combine with {@link RetryableRemoteRead} as Resilience4j combines them; its {@code retryOnException} replaces it).
 * Setting by setting: the attempts ({@code max-attempts}); the wait ({@code wait-duration},
 * {@code interval-bi-function}); which failures are retried ({@code retry-exception-predicate},
 * {@code retry-exceptions}, which Resilience4j would otherwise add to this predicate rather than replace it).
 * {@code ignore-exceptions} combines with the predicate, as Resilience4j combines them.
 */
public final class RemoteReadRetryDefaults implements RetryConfigCustomizer {

    /** Attempts of a read in all: the first and one retry, which the load balancer sends to another instance. */
    public static final int MAX_ATTEMPTS = 2;
    /** The wait before the retry. */
    public static final Duration WAIT = Duration.ofMillis(50);

    private static final String DEFAULT_CONFIG = "default";
    private static final String ATTEMPTS_SETTING = "attempts";
    private static final String WAIT_SETTING = "wait";
    private static final String RETRIED_SETTING = "retried";
    private static final RuntimeException OTHER_FAILURE = new IllegalStateException("probe");
    private static final RuntimeException UNREACHABLE = new RemoteModuleUnavailableException("probe", "probe", Duration.ZERO, null);

    private final String module;
    private final CommonRetryConfigurationProperties properties;
    private final Set<String> setByCustomizers;

    /**
     * @param module     the remote module, the retry's name
     * @param properties the application's {@code resilience4j.retry} properties, or null where Resilience4j's Spring
     *                   Boot support is not in use (then the defaults apply in full)
     */
    public RemoteReadRetryDefaults(String module, CommonRetryConfigurationProperties properties) {
        this(module, properties, Set.of());
    }

    private RemoteReadRetryDefaults(String module, CommonRetryConfigurationProperties properties, Set<String> setByCustomizers) {
        this.module = Objects.requireNonNull(module, "module");
        this.properties = properties;
        this.setByCustomizers = setByCustomizers;
    }

    /** @return the module, the name of the retry this customizes */
    @Override
    public String name() {
        return module;
    }

    /**
     * Sets the defaults the application's properties for this retry leave unset (class doc).
     *
     * @param builder the retry's configuration as Resilience4j built it from the properties
     */
    @Override
    @SuppressWarnings("rawtypes")
    public void customize(RetryConfig.Builder builder) {
        fill(builder);
    }

    /** Sets on the builder what none of the properties sets; returns those settings' short names. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<String> fill(RetryConfig.Builder builder) {
        List<InstanceProperties> configured = configured();
        List<String> filled = new ArrayList<>();
        if (unset(configured, ATTEMPTS_SETTING, set -> set.getMaxAttempts() != null && set.getMaxAttempts() != 0)) {
            builder.maxAttempts(MAX_ATTEMPTS);
            filled.add(ATTEMPTS_SETTING);
        }
        if (unset(configured, WAIT_SETTING, set -> set.getWaitDuration() != null || set.getIntervalBiFunction() != null)) {
            builder.waitDuration(WAIT);
            filled.add(WAIT_SETTING);
        }
        if (unset(configured, RETRIED_SETTING, set -> set.getRetryExceptionPredicate() != null
                || set.getRetryExceptions() != null && set.getRetryExceptions().length > 0)) {
            builder.retryOnException(new RetryableRemoteRead());
            filled.add(RETRIED_SETTING);
        }
        return filled;
    }

    private boolean unset(List<InstanceProperties> configured, String setting, Predicate<InstanceProperties> sets) {
        return configured.stream().noneMatch(sets) && !setByCustomizers.contains(setting);
    }

    /**
     * The run time's default in full, for a retry registry that no application properties configure (the library's
     * own, where Resilience4j's Spring Boot support made none).
     *
     * @return {@value #MAX_ATTEMPTS} attempts {@link #WAIT} apart for what {@link RetryableRemoteRead} retries
     */
    public static RetryConfig config() {
        RetryConfig.Builder<Object> builder = RetryConfig.custom();
        new RemoteReadRetryDefaults(DEFAULT_CONFIG, null).customize(builder);
        return builder.build();
    }

    /**
     * The module's retry as Resilience4j's Spring Boot support builds a retry of that name from the application's
     * properties and customizers, with the run time's default between the two (class doc).
     *
     * @param module       the remote module, the retry's name
     * @param properties   the application's {@code resilience4j.retry} properties
     * @param customizers  the application's {@link RetryConfigCustomizer} beans, at most one per name (Resilience4j
     *                     refuses more at start)
     * @return the retry's configuration: the application's properties, then the run time's default where they set
     *     nothing, then the application's customizer named after the module
     * @throws io.github.resilience4j.core.ConfigurationNotFoundException where the instance names a {@code base-config}
     *     that does not exist, as Resilience4j refuses it
     */
    public static RetryConfig config(String module, CommonRetryConfigurationProperties properties,
            List<RetryConfigCustomizer> customizers) {
        RemoteReadRetryDefaults defaults = of(module, properties, customizers);
        return properties.createRetryConfig(module, RemoteModuleResilienceCustomizers.beneath(module, defaults::customize,
                customizers, RetryConfigCustomizer::of, RetryConfigCustomizer::customize));
    }

    /**
     * The module's retry as it runs, for the start-up log: each setting of the run time's with the value read from the
     * built retry, marked {@code *} where it is the run time's default, not the application's.
     *
     * @param module      the remote module, the retry's name
     * @param properties  the application's {@code resilience4j.retry} properties
     * @param customizers the application's {@link RetryConfigCustomizer} beans
     * @param built       the retry's configuration as {@link #config(String, CommonRetryConfigurationProperties, List)}
     *                    built it
     * @return e.g. {@code "attempts 2*, wait 50ms*, retried RetryableRemoteRead*"}
     */
    static String described(String module, CommonRetryConfigurationProperties properties,
            List<RetryConfigCustomizer> customizers, RetryConfig built) {
        List<String> filled = of(module, properties, customizers).fill(RetryConfig.custom());
        RetryConfigCustomizer application = RemoteModuleResilienceCustomizers.named(module, customizers);
        Set<String> applications = application == null ? Set.of() : setBy(List.of(application));
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ATTEMPTS_SETTING, String.valueOf(built.getMaxAttempts()));
        values.put(WAIT_SETTING, duration(firstWait(built)));
        values.put(RETRIED_SETTING, filled.contains(RETRIED_SETTING) ? RetryableRemoteRead.class.getSimpleName()
                + (applications.contains(RETRIED_SETTING) ? "* and the application's" : "*") : "the application's");
        List<String> parts = new ArrayList<>();
        values.forEach((setting, value) -> parts.add(setting + " " + value
                + (!setting.equals(RETRIED_SETTING) && filled.contains(setting) && !applications.contains(setting) ? "*" : "")));
        return String.join(", ", parts);
    }

    /**
     * @param millis a wait in milliseconds
     * @return it short, for the start-up log: {@code "5s"} for whole seconds, else {@code "50ms"}
     */
    static String duration(long millis) {
        return millis % 1000 == 0 && millis > 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static long firstWait(RetryConfig config) {
        return config.getIntervalBiFunction().apply(1, Either.left(OTHER_FAILURE));
    }

    private static RemoteReadRetryDefaults of(String module, CommonRetryConfigurationProperties properties,
            List<RetryConfigCustomizer> customizers) {
        // Resilience4j applies the customizer named default where it builds the retry over configs.default, then the
        // one named after the instance's base-config where it has one: what they set is the application's. The one
        // named after the module runs after the run time's default, so it wins anyway.
        List<RetryConfigCustomizer> before = new ArrayList<>();
        if (properties != null && !DEFAULT_CONFIG.equals(module) && properties.getConfigs().get(DEFAULT_CONFIG) != null) {
            add(before, RemoteModuleResilienceCustomizers.named(DEFAULT_CONFIG, customizers));
        }
        InstanceProperties instance = properties == null ? null : properties.getInstances().get(module);
        String base = instance == null ? null : instance.getBaseConfig();
        if (base != null && !base.isEmpty() && !DEFAULT_CONFIG.equals(base) && !base.equals(module)) {
            add(before, RemoteModuleResilienceCustomizers.named(base, customizers));
        }
        return new RemoteReadRetryDefaults(module, properties, before.isEmpty() ? Set.of() : setBy(before));
    }

    private static void add(List<RetryConfigCustomizer> customizers, RetryConfigCustomizer customizer) {
        if (customizer != null) {
            customizers.add(customizer);
        }
    }

    /** The short names of the run time's settings the customizers set, run on throwaway configurations. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Set<String> setBy(List<RetryConfigCustomizer> customizers) {
        RetryConfig runTimes = config();
        return RemoteModuleResilienceCustomizers.setBy(RemoteReadRetryDefaults::settings, RetryConfig.ofDefaults(),
                customized(RetryConfig.custom(), customizers), runTimes, customized(RetryConfig.from(runTimes), customizers));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static RetryConfig customized(RetryConfig.Builder builder, List<RetryConfigCustomizer> customizers) {
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    private static Map<String, Object> settings(RetryConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ATTEMPTS_SETTING, config.getMaxAttempts());
        settings.put(WAIT_SETTING, List.of(firstWait(config), config.getIntervalBiFunction().apply(2, Either.left(OTHER_FAILURE))));
        settings.put(RETRIED_SETTING, List.of(config.getExceptionPredicate().test(OTHER_FAILURE),
                config.getExceptionPredicate().test(UNREACHABLE)));
        return settings;
    }

    /** The properties that configure this module's retry, as Resilience4j reads them: its instance, base and default config. */
    private List<InstanceProperties> configured() {
        List<InstanceProperties> configured = new ArrayList<>();
        if (properties == null) {
            return configured;
        }
        InstanceProperties instance = properties.getInstances().get(module);
        if (instance != null) {
            configured.add(instance);
            if (instance.getBaseConfig() != null && properties.getConfigs().get(instance.getBaseConfig()) != null) {
                configured.add(properties.getConfigs().get(instance.getBaseConfig()));
            }
        }
        if (properties.getConfigs().get(DEFAULT_CONFIG) != null) {
            configured.add(properties.getConfigs().get(DEFAULT_CONFIG));
        }
        return configured;
    }

}
