package dev.forum.extraction.runtime.remote;

import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.CustomizerWithName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way the run time puts its default for a remote module's retry or circuit breaker
 * ({@link RemoteReadRetryDefaults}, {@link RemoteCircuitBreakerDefaults}) among the application's Resilience4j
 * customizers: the application's customizer named after the module (Resilience4j allows one per name) is taken out
 * and replaced by one customizer of that name that runs the run time's default, then the application's; every other
 * customizer stays as it is. Also the one way to tell which of the run time's settings an application's customizer
 * sets ({@link #setBy}).
 */
final class RemoteModuleResilienceCustomizers {

    private RemoteModuleResilienceCustomizers() {
    }

    /**
     * @param module      the remote module, the name of its retry or breaker
     * @param customizers the application's customizers of one kind, at most one per name
     * @return the application's customizer named after the module, or null where it has none
     */
    static <T extends CustomizerWithName> T named(String module, List<T> customizers) {
        return customizers.stream().filter(customizer -> module.equals(customizer.name())).findFirst().orElse(null);
    }

    /**
     * @param module      the remote module, the name of its retry or breaker
     * @param runTimes    the run time's default for the module (a builder's customisation)
     * @param customizers the application's customizers of one kind, at most one per name
     * @param of          makes a customizer of this kind from a name and a customisation ({@code XConfigCustomizer::of})
     * @param customize   runs a customizer of this kind on a builder ({@code XConfigCustomizer::customize})
     * @return the application's customizers, with the one named after the module (if any) running after the run
     *     time's default, in one customizer of that name
     */
    static <T extends CustomizerWithName, B> CompositeCustomizer<T> beneath(String module, Consumer<B> runTimes,
            List<T> customizers, BiFunction<String, Consumer<B>, T> of, BiConsumer<T, B> customize) {
        T application = named(module, customizers);
        List<T> composed = new ArrayList<>(customizers);
        composed.remove(application);
        composed.add(of.apply(module, builder -> {
            runTimes.accept(builder);
            if (application != null) {
                customize.accept(application, builder);
            }
        }));
        return new CompositeCustomizer<>(composed);
    }

    /**
     * The settings that customizers set, told without reading their code: they are run once on a fresh builder (with
     * Resilience4j's values) and once on a builder from the run time's default (whose values differ in every setting the
     * run time has), and a setting counts as set where it no longer holds the value it started with in either. A
     * customizer that sets a setting to either value still changes it in the other, so it is told too. The customizers
     * must have no side effects, as they run once more.
     *
     * @param settings          reads the run time's settings from a configuration, by their short name
     *                          ({@code "minimum" -> 5}); the values must have {@code equals}
     * @param resilience4js     Resilience4j's own defaults ({@code XConfig.ofDefaults()})
     * @param overResilience4js the customizers run on a fresh builder ({@code XConfig.custom()}), built
     * @param runTimes          the run time's default in full
     * @param overRunTimes      the customizers run on a builder from {@code runTimes}, built
     * @return the short names of the settings the customizers set, empty where they set none of them
     */
    static <C> Set<String> setBy(Function<C, Map<String, Object>> settings, C resilience4js, C overResilience4js,
            C runTimes, C overRunTimes) {
        Set<String> set = new TreeSet<>();
        for (List<C> pair : List.of(List.of(resilience4js, overResilience4js), List.of(runTimes, overRunTimes))) {
            Map<String, Object> before = settings.apply(pair.get(0));
            Map<String, Object> after = settings.apply(pair.get(1));
            before.forEach((name, value) -> {
                if (!Objects.equals(value, after.get(name))) {
                    set.add(name);
                }
            });
        }
        return set;
    }
}
