package dev.forum.extraction.runtime;

import dev.forum.extraction.runtime.remote.RemoteApiVersions;
import dev.forum.extraction.runtime.remote.RemoteCallHeaders;
import dev.forum.extraction.runtime.remote.RemoteCircuitBreakerDefaults;
import dev.forum.extraction.runtime.remote.RemoteErrorDecoder;
import dev.forum.extraction.runtime.remote.RemoteModuleClients;
import dev.forum.extraction.runtime.remote.RemoteModuleRegistrar;
import dev.forum.extraction.runtime.remote.RemoteReadRetryDefaults;
import dev.forum.extraction.runtime.topology.TopologySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * What an application gets by adding the library: its topology resolved and remote modules' beans left out
 * ({@link RemoteModuleRegistrar}), clients of remote modules' HTTP contracts ({@link RemoteModuleClients}), with the
 * headers every {@link RemoteCallHeaders} bean relays, the answers every {@link RemoteErrorDecoder} bean decodes and
 * the API versions of versioned contract methods where the application's settings say ({@link RemoteApiVersions}).
 * Each remote module's retry and circuit breaker are Resilience4j's, with the run time's defaults
 * ({@link RemoteReadRetryDefaults}, {@link RemoteCircuitBreakerDefaults}) for what the application's
 * {@code resilience4j.retry} / {@code resilience4j.circuitbreaker} properties and customizers leave unset; where
 * Resilience4j's Spring Boot support made no registry, the library's own has those defaults in full.
 */
@AutoConfiguration(afterName = {
        "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration"})
public class ExtractionRuntimeAutoConfiguration {

    /** Static: it runs before other beans exist. */
    @Bean
    static RemoteModuleRegistrar remoteModuleRegistrar() {
        return new RemoteModuleRegistrar();
    }

    @Bean
    RemoteModuleClients remoteModuleClients(Environment environment, ObjectProvider<RestClient.Builder> builders,
            ObjectProvider<CircuitBreakerRegistry> circuitBreakers, ObjectProvider<RetryRegistry> retries,
            ObjectProvider<RemoteCallHeaders> headers, ObjectProvider<RemoteErrorDecoder> decoders) {
        return new RemoteModuleClients(TopologySettings.from(environment), builders,
                circuitBreakers.getIfAvailable(() -> CircuitBreakerRegistry.of(RemoteCircuitBreakerDefaults.config())),
                retries.getIfAvailable(() -> RetryRegistry.of(RemoteReadRetryDefaults.config())),
                headers.orderedStream().toList(), decoders.orderedStream().toList(), new RemoteApiVersions(environment));
    }
}
