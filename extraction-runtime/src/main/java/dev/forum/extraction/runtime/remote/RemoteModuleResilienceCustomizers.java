package dev.forum.extraction.runtime.remote;

import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.CustomizerWithName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The one way the run time puts its default for a remote module's retry or circuit breaker
 * ({@link RemoteReadRetryDefaults}, {@link RemoteCircuitBreakerDefaults}) among the application's Resilience4j
 * customizers: the application's customizer named after the module (Resilience4j allows one per name) is taken out
 * and replaced by one customizer of that name that runs the run time's default, then the application's; every other
 * customizer stays as it is.
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
}
